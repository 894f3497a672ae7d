import { describeBusinessMinutes, describeMinutes, type AnalysisDocument, type AnalysisSettings, type CounterpartSummary, type LagStats, type PromiseRecord } from '@followthrough/shared';
import type { Palette } from './colors';
import { formatWhen, oneLine, plural } from './units';

/**
 * `analyze --format text`: one block per counterpart, worst health first, each saying why (the health
 * components that lost the most points) and showing the figures behind it.
 */
function scoreColor(score: number, c: Palette): (t: string) => string {
  return score < 50 ? c.red : score < 75 ? c.yellow : c.green;
}

type Hours = Pick<AnalysisSettings, 'workingHours'>;

/**
 * Reply times in business time first (what the health reasons and the extension show, in the same words:
 * duration-words.ts), the wall clock beside it.
 */
function lagLine(stats: LagStats, hours: Hours): string {
  if (stats.count === 0 || stats.medianBusinessMinutes === null) return 'no answered turns yet';
  const business = (m: number | null) => (m === null ? 'n/a' : describeBusinessMinutes(m, hours));
  const clock = (m: number | null) => (m === null ? 'n/a' : describeMinutes(m));
  return `median ${business(stats.medianBusinessMinutes)} (${clock(stats.medianMinutes)} on the clock), 9 in 10 within ${business(stats.p90BusinessMinutes)}, ${plural(stats.count, 'reply', 'replies')}`;
}

const STATUS_ORDER: Record<string, number> = { overdue: 0, open: 1, 'kept-late': 2, kept: 3, done: 4, dismissed: 5 };

function promiseLines(promises: PromiseRecord[], zone: string, c: Palette): string[] {
  const active = promises.filter((p) => p.status === 'open' || p.status === 'overdue');
  const kept = promises.filter((p) => p.status === 'kept').length;
  const late = promises.filter((p) => p.status === 'kept-late').length;
  const lines = active
    .sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || a.dueAt.localeCompare(b.dueAt))
    .map((p) => {
      const label = p.status === 'overdue' ? c.red('OVERDUE') : c.yellow('open   ');
      const due = `due ${formatWhen(p.dueAt, zone)}${p.dueIsDefault ? ' (no date given: default)' : ''}`;
      return `${label} "${oneLine(p.text, 80)}" ${c.dim(`${due}, made ${formatWhen(p.madeAt, zone, false)}`)}`;
    });
  if (promises.length > 0) {
    lines.push(c.dim(`${promises.length} in all: ${active.length} open or overdue, ${kept} kept on time, ${late} kept late`));
  }
  return lines;
}

function counterpartBlock(cp: CounterpartSummary, promises: PromiseRecord[], doc: AnalysisDocument, c: Palette, hours: Hours): string {
  const zone = doc.timeZone;
  const color = scoreColor(cp.health.score, c);
  const out: string[] = [];
  out.push(
    `${color(c.bold(`${String(cp.health.score).padStart(3)}/100`))}  ${c.bold(cp.key)}  ${c.dim(`${plural(cp.threads, 'thread')}; ${cp.contacts.slice(0, 3).join(', ')}${cp.contacts.length > 3 ? `, +${cp.contacts.length - 3}` : ''}`)}`,
  );
  const reasons = [...cp.health.components]
    .map((h) => ({ h, lost: h.weight - h.contribution }))
    .filter((r) => r.lost > 0.5)
    .sort((a, b) => b.lost - a.lost)
    .slice(0, 3);
  for (const { h, lost } of reasons) out.push(`        ${c.yellow('why')} ${h.explanation} ${c.dim(`(-${Math.round(lost)} points)`)}`);

  const row = (label: string, text: string): void => {
    out.push(`        ${c.dim(label.padEnd(14))}${text}`);
  };
  const share = cp.initiated.share;
  const started = cp.initiated.us + cp.initiated.them;
  row(
    'Initiation',
    share === null
      ? 'no conversations started yet'
      : `we started ${cp.initiated.us} of ${started} conversations (${Math.round(share * 100)}%, target ${cp.health.components.find((h) => h.id === 'initiation')?.target ?? 80}%)`,
  );
  row('Our lag', lagLine(cp.responseLag.ours, hours));
  row('Their lag', lagLine(cp.responseLag.theirs, hours));
  const silent = cp.daysSinceContact === null ? '' : ` (${plural(Math.floor(cp.daysSinceContact), 'day')} ago)`;
  const cadence =
    cp.cadenceDays === null
      ? c.dim('no cadence agreed')
      : cp.daysSinceContact !== null && cp.daysSinceContact > cp.cadenceDays
        ? c.red(`cadence ${plural(cp.cadenceDays, 'day')}: overdue`)
        : `cadence ${plural(cp.cadenceDays, 'day')}: on track`;
  row('Last contact', `${formatWhen(cp.lastContactAt, zone)}${silent}; ${cadence}`);
  if (cp.awaitingOurReply.length > 0) {
    const oldest = [...cp.awaitingOurReply].sort((a, b) => a.since.localeCompare(b.since))[0];
    row('Awaiting us', c.red(`${plural(cp.awaitingOurReply.length, 'thread')} waiting for our reply, oldest since ${formatWhen(oldest?.since ?? null, zone)}`));
  }
  if (cp.awaitingThem.length > 0) {
    const oldest = [...cp.awaitingThem].sort((a, b) => a.since.localeCompare(b.since))[0];
    row('Awaiting them', `${plural(cp.awaitingThem.length, 'thread')} waiting for their reply, oldest since ${formatWhen(oldest?.since ?? null, zone)}`);
  }
  const promiseText = promiseLines(promises, zone, c);
  promiseText.forEach((line, i) => row(i === 0 ? 'Promises' : '', line));
  cp.requests.forEach((r, i) => row(i === 0 ? 'Asked of us' : '', `"${oneLine(r.text, 80)}" ${c.dim(formatWhen(r.at, zone, false))}`));
  cp.risks.forEach((r, i) =>
    row(i === 0 ? 'Risks' : '', `${c.red(r.kind)}${r.side === 'us' ? ' (ours)' : ''} "${oneLine(r.text, 80)}" ${c.dim(formatWhen(r.at, zone, false))}`),
  );
  return out.join('\n');
}

export function formatTextReport(doc: AnalysisDocument, c: Palette, hours: Hours, stats?: { messages: number; threads: number }): string {
  const header = `${c.bold('Followthrough')}: ${plural(doc.counterparts.length, 'client')}${stats ? `, ${plural(stats.messages, 'message')} in ${plural(stats.threads, 'thread')}` : ''}, as of ${formatWhen(doc.now, doc.timeZone)} (${doc.timeZone})`;
  if (doc.counterparts.length === 0) return `${header}\n\nNo client conversations found: check that --me lists your own addresses.\n`;
  const byCounterpart = new Map<string, PromiseRecord[]>();
  for (const p of doc.promises) {
    const key = p.counterpart ?? '';
    byCounterpart.set(key, [...(byCounterpart.get(key) ?? []), p]);
  }
  const ordered = [...doc.counterparts].sort((a, b) => a.health.score - b.health.score || a.key.localeCompare(b.key));
  const blocks = ordered.map((cp) => counterpartBlock(cp, byCounterpart.get(cp.key) ?? [], doc, c, hours));
  return `${header}\n\n${blocks.join('\n\n')}\n`;
}
