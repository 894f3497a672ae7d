import type { ProgressReport, RequestSnippet, RiskSnippet } from '../model/analysis-document';
import type { PromiseRecord } from '../model/promise';
import type { AnalysisSettings } from '../model/settings';
import type { Touchpoint } from '../model/touchpoint';
import { TOUCHPOINT_LABELS } from '../model/touchpoint-labels';
import { zonedParts } from './time/zoned';

export interface AwaitingThemItem {
  threadId: string;
  since: string;
  lastMessageId?: string;
  /** The thread's subject, shown as what we wait for. */
  subject?: string;
}

/** A one-page report lists at most this many items per section, then says how many more there are. */
export const REPORT_SECTION_LIMIT = 8;

export type ReportSection = 'done' | 'actions' | 'waiting' | 'changes' | 'invoices' | 'issues' | 'risks';

export interface ProgressReportInput {
  counterpart: string;
  /** The client's name as the user set it; the key (domain) is shown when there is none. */
  name: string | null;
  /** When the last report was sent; null = everything so far. */
  since: string | null;
  now: string;
  promises: readonly PromiseRecord[];
  touchpoints: readonly Touchpoint[];
  /** What they asked us and we have not answered yet. */
  requests: readonly RequestSnippet[];
  /** Threads where we wait for them. */
  awaitingThem: readonly AwaitingThemItem[];
  risks: readonly RiskSnippet[];
  settings: Pick<AnalysisSettings, 'timeZone'>;
  /** The latest quarterly review of the client (a `review` touchpoint): its threats and the risks reviewed. */
  review?: { at: string; threats: string; risks: string } | null;
  /**
   * Risk signals still open (the last six months, counterpart-summary RISK_LIST_DAYS), whatever the period:
   * those the period's "Issues you raised" does not already list are shown with the review's threats.
   */
  openRisks?: readonly RiskSnippet[];
  /**
   * How many items a section has in all, when the caller passed only the first of them (a store reads a
   * key client's hundreds of open promises as a count and the most urgent few).
   */
  totals?: Partial<Record<ReportSection, number>>;
}

export const CLOSING_QUESTION = 'Are there any other issues we should discuss?';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Fri 20 Nov 2026" in the user's zone: unambiguous for readers on both sides of the Atlantic. */
export function formatReportDate(iso: string, timeZone: string): string {
  const p = zonedParts(Date.parse(iso), timeZone);
  return `${WEEKDAYS[p.weekday - 1] ?? ''} ${p.day} ${MONTHS[p.month - 1] ?? ''} ${p.year}`;
}

/** "60% done" written in the promise itself is the only progress figure the engine can know. */
function percentDone(text: string): number | null {
  const match = /\b(\d{1,3})\s?%\s*(?:done|complete|completed|finished|ready)\b/i.exec(text);
  const pct = match ? Number(match[1]) : NaN;
  return pct >= 0 && pct <= 100 ? pct : null;
}

interface Section {
  id: ReportSection;
  title: string;
  items: string[];
  empty: string;
}

/** The first REPORT_SECTION_LIMIT items and, when there are more, a line that says how many. */
function bounded(items: string[], total: number): string[] {
  const shown = items.slice(0, REPORT_SECTION_LIMIT);
  const more = Math.max(total, items.length) - shown.length;
  return more > 0 ? [...shown, `... and ${more} more`] : shown;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The one-page progress report draft for a client and a period (PRODUCT.md): done since the last
 * report, action items with status, due date and % where known, what we wait for from them, schedule
 * changes, invoices, and always the closing question. Mail snippets are untrusted: the HTML version
 * escapes every piece of content.
 */
export function buildProgressReport(input: ProgressReportInput): ProgressReport {
  const tz = input.settings.timeZone;
  const date = (iso: string): string => formatReportDate(iso, tz);
  const now = Date.parse(input.now);
  const since = input.since === null ? -Infinity : Date.parse(input.since);
  if (Number.isNaN(now)) throw new RangeError(`progress report for ${input.counterpart}: now "${input.now}" is not a date`);
  if (Number.isNaN(since)) throw new RangeError(`progress report for ${input.counterpart}: since "${input.since}" is not a date`);
  const inPeriod = (iso: string | null | undefined): boolean => {
    if (!iso) return false;
    const at = Date.parse(iso);
    return at > since && at <= now;
  };
  const promises = input.promises.filter((p) => p.counterpart === null || p.counterpart === input.counterpart);
  const touchpoints = input.touchpoints
    .filter((t) => t.counterpart === input.counterpart && inPeriod(t.at))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const byDue = (a: PromiseRecord, b: PromiseRecord): number => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : 1);

  const done: string[] = [];
  for (const p of promises.filter((p) => p.status === 'kept' || p.status === 'kept-late' || p.status === 'done')) {
    const when = p.keptAt ?? null;
    if (p.status !== 'done' && !inPeriod(when)) continue;
    if (p.status === 'done' && !inPeriod(when ?? p.madeAt) && input.since !== null) continue;
    done.push(when ? `${p.text} (delivered ${date(when)})` : `${p.text} (done)`);
  }
  for (const t of touchpoints.filter((t) => t.kind !== 'invoice')) {
    done.push(`${TOUCHPOINT_LABELS[t.kind]} on ${date(t.at)}${t.summary ? `: ${t.summary}` : ''}`);
  }

  const actions: string[] = [];
  for (const p of promises.filter((p) => p.status === 'open' || p.status === 'overdue').sort(byDue)) {
    const pct = percentDone(p.text);
    const status = p.status === 'overdue' ? `overdue, was due ${date(p.dueAt)}` : `open, due ${date(p.dueAt)}`;
    actions.push(`${p.text} (${status}${pct === null ? '' : `, ${pct}% done`})`);
  }
  for (const r of input.requests) actions.push(`Answer your request: "${r.text}" (asked ${date(r.at)})`);

  const waiting = [...input.awaitingThem]
    .sort((a, b) => Date.parse(a.since) - Date.parse(b.since))
    .map((a) => `${a.subject && a.subject.trim() !== '' ? a.subject.trim() : '(no subject)'} (waiting since ${date(a.since)})`);

  // "I'll call tomorrow.: moved" reads badly: drop the sentence's own full stop before the colon.
  const clause = (text: string): string => text.replace(/[.!]+$/, '');
  const changes: string[] = [];
  for (const p of [...promises].sort(byDue)) {
    if (p.originalDueAt) changes.push(`${clause(p.text)}: moved from ${date(p.originalDueAt)} to ${date(p.dueAt)}`);
    else if (p.status === 'kept-late' && inPeriod(p.keptAt)) {
      changes.push(`${clause(p.text)}: delivered ${date(p.keptAt ?? p.dueAt)}, planned for ${date(p.dueAt)}`);
    } else if (p.status === 'overdue') changes.push(`${clause(p.text)}: planned for ${date(p.dueAt)}, not delivered yet`);
  }

  const invoices = touchpoints
    .filter((t) => t.kind === 'invoice')
    .map((t) => `${date(t.at)}${t.summary ? `: ${t.summary}` : ''}`);

  const issues = input.risks
    .filter((r) => r.side === 'them' && inPeriod(r.at))
    .map((r) => `${date(r.at)}: "${r.text}"`);

  // The latest review's threats and the risks still open, so the report is written with them in mind.
  const listed = new Set(input.risks.filter((r) => r.side === 'them' && inPeriod(r.at)).map((r) => `${r.messageId}\n${r.text}`));
  const watch: string[] = [];
  const review = input.review ?? null;
  if (review && review.threats.trim() !== '') watch.push(`Threats (quarterly review of ${date(review.at)}): ${review.threats.trim()}`);
  if (review && review.risks.trim() !== '') watch.push(`Risks reviewed (${date(review.at)}): ${review.risks.trim()}`);
  for (const r of [...(input.openRisks ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))) {
    if (r.side === 'them' && !listed.has(`${r.messageId}\n${r.text}`) && Date.parse(r.at) <= now) watch.push(`${date(r.at)}: "${r.text}"`);
  }

  const all: Section[] = [
    { id: 'done', title: 'Done since last report', items: done, empty: 'Nothing recorded in this period.' },
    { id: 'actions', title: 'Action items', items: actions, empty: 'No open action items.' },
    { id: 'waiting', title: 'Waiting on you', items: waiting, empty: 'Nothing: we are not waiting on you.' },
    { id: 'changes', title: 'Schedule changes', items: changes, empty: 'None: everything is on its original schedule.' },
    { id: 'invoices', title: 'Invoices', items: invoices, empty: 'No invoices in this period.' },
  ];
  if (issues.length > 0 || (input.totals?.issues ?? 0) > 0) all.push({ id: 'issues', title: 'Issues you raised', items: issues, empty: '' });
  if (watch.length > 0) all.push({ id: 'risks', title: 'Risks and threats we are watching', items: watch, empty: '' });
  const sections = all.map((section) => ({ ...section, items: bounded(section.items, input.totals?.[section.id] ?? 0) }));

  const period = input.since === null ? `up to ${date(input.now)}` : `${date(input.since)} to ${date(input.now)}`;
  const title = `Progress report: ${input.name?.trim() || input.counterpart}, ${period}`;

  const text = [
    title,
    '',
    ...sections.flatMap((s) => [s.title, ...(s.items.length > 0 ? s.items.map((i) => `- ${i}`) : [`- ${s.empty}`]), '']),
    CLOSING_QUESTION,
    '',
  ].join('\n');
  const html = [
    `<h1>${escapeHtml(title)}</h1>`,
    ...sections.map(
      (s) =>
        `<h2>${escapeHtml(s.title)}</h2>\n<ul>${(s.items.length > 0 ? s.items : [s.empty]).map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    ),
    `<p>${escapeHtml(CLOSING_QUESTION)}</p>`,
  ].join('\n');

  return { counterpart: input.counterpart, since: input.since, until: input.now, text, html };
}
