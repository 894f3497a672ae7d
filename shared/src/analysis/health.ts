import type { Health, HealthComponent, LagStats, RiskSnippet } from '../model/analysis-document';
import type { AnalysisSettings } from '../model/settings';
import { DEFAULT_INITIATION_TARGET } from '../model/targets';
import type { AwaitingTally } from './awaiting';
import { AWAITING_SATURATION } from './awaiting';
import { businessMinutesBetween } from './business-time';
import type { PromiseTally } from './promise-status';
import type { Silence } from './silence';
import { describeBusinessMinutes, describeMinutes } from './duration-words';
import { isoMs } from './time/iso-ms';

/**
 * Base weights (sum 100). Initiation, responsiveness and promises are what clients notice most
 * (PRODUCT.md principles); silence and waiting replies next; risk language is a strong but rarer signal.
 */
export const HEALTH_WEIGHTS = {
  initiation: 20,
  responsiveness: 20,
  silence: 15,
  promises: 20,
  awaiting: 15,
  risk: 10,
} as const;

/** The guideline share of conversations we start (PRODUCT.md); settings and each client may set their own. */
export const INITIATION_TARGET = DEFAULT_INITIATION_TARGET;
/** A risk this old no longer weighs; newer ones weigh more (see riskWeight). */
const RISK_HORIZON_DAYS = 180;
/** No contact for this long after a risk signal makes it worse: bad news left hanging. */
const SILENCE_AFTER_RISK_DAYS = 7;
const DAY_MS = 86_400_000;

const RISK_WORDS: Record<RiskSnippet['kind'], string> = {
  dissatisfaction: 'a complaint',
  escalation: 'an escalation',
  cancellation: 'talk of cancelling',
  delay: 'a delay',
  'bad-news': 'bad news',
};

export interface HealthInput {
  initiated: { us: number; them: number };
  ours: LagStats;
  silence: Silence;
  promises: PromiseTally;
  awaitingOurReply: AwaitingTally;
  risks: readonly RiskSnippet[];
  now: string;
  /**
   * Our share of started conversations to aim for (0..1): the client's own when the user set one, else the
   * user's (settings.initiationTarget), else the 80% guideline.
   */
  initiationTarget?: number;
  settings: Pick<AnalysisSettings, 'timeZone' | 'workingHours' | 'responseTargetBusinessMinutes'> & Partial<Pick<AnalysisSettings, 'initiationTarget'>>;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** What a component is, before it is measured. */
type ComponentBase = Pick<Measured, 'id' | 'label' | 'target' | 'unit'>;

interface Measured {
  id: HealthComponent['id'];
  label: string;
  /** 0..1 of the component's weight earned; null = nothing to measure. */
  fraction: number | null;
  value: number | null;
  target: number | null;
  unit: string;
  /** Empty unless words were asked for: ranking a mailbox's clients needs the fractions alone. */
  explanation: string;
}

/**
 * A component measured, built as one literal: on Node 20, `{ ...base, fraction, value, explanation }` adds each
 * property the spread did not bring through the runtime (about 2 µs each here, against 0.2 µs for the whole
 * literal), and the Clients list measures six components for each of hundreds of clients on every read.
 */
function measure(base: ComponentBase, fraction: number | null, value: number | null, explanation: string): Measured {
  return { id: base.id, label: base.label, target: base.target, unit: base.unit, fraction, value, explanation };
}

/** The initiation target in force for a health input (0..1). */
export function initiationTargetOf(input: Pick<HealthInput, 'initiationTarget' | 'settings'>): number {
  return input.initiationTarget ?? input.settings.initiationTarget ?? DEFAULT_INITIATION_TARGET;
}

function initiation(input: HealthInput, words: boolean): Measured {
  const { us, them } = input.initiated;
  const total = us + them;
  const target = initiationTargetOf(input);
  const targetPct = Math.round(target * 100);
  const base = { id: 'initiation' as const, label: 'Who starts conversations', target: targetPct, unit: '%' };
  if (total === 0) {
    return measure(base, null, null, 'Not counted: no conversations with them yet.');
  }
  const share = us / total;
  const pct = Math.round(share * 100);
  const verdict = share >= target ? 'on target' : `below the ${targetPct}% target: reach out first more often`;
  return measure(
    base,
    Math.min(1, share / target),
    pct,
    !words ? '' : `We started ${us} of ${plural(total, 'conversation')} (${pct}%), ${verdict}.`,
  );
}

function responsiveness(input: HealthInput, words: boolean): Measured {
  const target = input.settings.responseTargetBusinessMinutes;
  const base = { id: 'responsiveness' as const, label: 'How fast we reply', target, unit: 'business minutes' };
  const median = input.ours.medianBusinessMinutes;
  if (input.ours.count === 0 || median === null) {
    return measure(base, null, null, 'Not counted: we have not answered any of their messages yet.');
  }
  const p90 = input.ours.p90BusinessMinutes;
  const fraction = median <= target ? 1 : target / median;
  const verdict = median <= target ? 'within' : 'slower than';
  return measure(base, fraction, median, words ? replyExplanation(median, p90, target, verdict, input) : '');
}

function replyExplanation(median: number, p90: number | null, target: number, verdict: string, input: HealthInput): string {
  const tail = p90 === null ? '' : `; 9 in 10 within ${describeBusinessMinutes(p90, input.settings)}`;
  const took = describeBusinessMinutes(median, input.settings);
  return `Our typical reply took ${took}, ${verdict} our target of ${describeBusinessMinutes(target, input.settings)} (${plural(input.ours.count, 'reply', 'replies')}${tail}).`;
}

function silence(input: HealthInput, words: boolean): Measured {
  const { daysSinceContact, cadenceDays } = input.silence;
  const base = { id: 'silence' as const, label: 'Regular contact', target: cadenceDays, unit: 'days' };
  if (cadenceDays === null) {
    const since = daysSinceContact === null ? 'no contact yet' : `last contact ${daysAgo(daysSinceContact)}`;
    return measure(base, null, daysSinceContact, !words ? '' : `Not counted: no contact cadence is agreed (${since}).`);
  }
  if (daysSinceContact === null) {
    return measure(base, null, null, !words ? '' : `Not counted: no contact with them yet (cadence every ${plural(cadenceDays, 'day')}).`);
  }
  if (daysSinceContact <= cadenceDays) {
    return measure(
      base,
      1,
      daysSinceContact,
      !words ? '' : `Last contact ${daysAgo(daysSinceContact)}, within the agreed cadence of every ${plural(cadenceDays, 'day')}.`,
    );
  }
  const over = Math.max(1, Math.round(daysSinceContact - cadenceDays));
  return measure(
    // Linear: the component is gone once the silence is twice the cadence.
    base,
    Math.max(0, 1 - over / cadenceDays),
    daysSinceContact,
    !words ? '' : `Last contact ${daysAgo(daysSinceContact)}, ${plural(over, 'day')} past the agreed cadence of every ${plural(cadenceDays, 'day')}.`,
  );
}

function promises(input: HealthInput, words: boolean): Measured {
  const t = input.promises;
  const onTime = t.kept + t.done;
  const late = t.keptLate;
  const judged = onTime + late + t.overdue;
  const base = { id: 'promises' as const, label: 'Promises kept', target: 100, unit: '%' };
  // "Possibly kept" waits for the user's word: neither kept nor broken until then.
  const unsure = words && t.possiblyKept > 0 ? `; ${plural(t.possiblyKept, 'promise')} possibly kept (confirm)` : '';
  if (judged === 0) {
    const openText = t.open > 0 ? `${plural(t.open, 'promise')} open, none due yet` : 'no promises to them found yet';
    return measure(base, null, null, !words ? '' : `Not counted: ${openText}${unsure}.`);
  }
  const rate = Math.round((onTime / judged) * 100);
  const parts = words ? [`We kept ${onTime} of ${plural(judged, 'promise')} on time (${rate}%)`] : [];
  if (words && late > 0) parts.push(`${late} kept late`);
  if (words && t.overdue > 0 && t.oldestOverdueDueAt !== null) {
    const oldest = isoMs(input.now) - isoMs(t.oldestOverdueDueAt);
    parts.push(`${t.overdue} overdue (the oldest by ${describeMinutes(oldest / 60000)})`);
  }
  return measure(
    // A late promise is worth half a kept one; an overdue one nothing.
    base,
    (onTime + 0.5 * late) / judged,
    rate,
    words ? `${parts.join('; ')}${unsure}.` : '',
  );
}

function awaiting(input: HealthInput, words: boolean): Measured {
  const target = input.settings.responseTargetBusinessMinutes;
  const base = { id: 'awaiting' as const, label: 'Replies we owe', target: 0, unit: 'conversations' };
  const tally = input.awaitingOurReply;
  if (tally.count === 0) {
    return measure(base, 1, 0, 'No conversation is waiting for our reply.');
  }
  // Waiting within the reply target costs nothing (we may be working on it); past it, each conversation
  // costs up to half the component as the wait grows to AWAITING_SATURATION times the target. Waits at
  // or past that cost their full share, so only the recent ones are measured one by one (awaiting.ts).
  const span = (AWAITING_SATURATION - 1) * target;
  let cost = tally.saturated;
  for (const since of tally.recentSinces) {
    const wait = businessMinutesBetween(since, input.now, input.settings);
    cost += Math.min(1, Math.max(0, (wait - target) / span));
  }
  return measure(base, Math.max(0, 1 - cost / 2), tally.count, words ? waitExplanation(tally, target, input) : '');
}

function waitExplanation(tally: AwaitingTally, target: number, input: HealthInput): string {
  const oldest = tally.oldest[0];
  const longest = oldest ? businessMinutesBetween(oldest.since, input.now, input.settings) : 0;
  const late = tally.overTarget;
  const lateText =
    late > 0
      ? `${late === tally.count ? (late > 1 ? 'all ' : '') : `${late} `}past our reply target of ${describeBusinessMinutes(target, input.settings)}`
      : 'still within our reply target';
  return `${plural(tally.count, 'conversation')} ${tally.count === 1 ? 'waits' : 'wait'} for our reply, the longest for ${describeBusinessMinutes(longest, input.settings)} (${lateText}).`;
}

/** How much one risk weighs: recent ones from them most, our own bad news half, old ones little. */
function riskWeight(side: RiskSnippet['side'], atMs: number, now: number, lastContact: number): number {
  const ageDays = (now - atMs) / DAY_MS;
  if (ageDays > RISK_HORIZON_DAYS || ageDays < 0) return 0;
  let weight = ageDays <= 14 ? 1 : ageDays <= 30 ? 0.6 : ageDays <= 90 ? 0.3 : 0.1;
  if (side === 'us') weight *= 0.5;
  // Nobody has written since the risk, and it has been a while: the worst case of all.
  if (lastContact <= atMs && ageDays >= SILENCE_AFTER_RISK_DAYS) weight *= 1.5;
  return weight;
}

function risk(input: HealthInput, words: boolean): Measured {
  const now = isoMs(input.now);
  const lastContact = input.silence.lastContactAt === null ? -Infinity : isoMs(input.silence.lastContactAt);
  const base = { id: 'risk' as const, label: 'Risk signals', target: 0, unit: 'signals' };
  // One pass, each instant parsed once: a key client brings a hundred risks to every read of its summary.
  let count = 0;
  let total = 0;
  let fromThem = 0;
  let newest: RiskSnippet | null = null;
  let newestMs = -Infinity;
  for (const r of input.risks) {
    const atMs = isoMs(r.at);
    const weight = riskWeight(r.side, atMs, now, lastContact);
    if (weight <= 0) continue;
    count++;
    total += weight;
    if (r.side === 'them') fromThem++;
    // The first of equally new ones, as a reduce keeping the earlier on ties would.
    if (atMs > newestMs) {
      newest = r;
      newestMs = atMs;
    }
  }
  if (newest === null) {
    return measure(base, 1, 0, 'No complaints, escalations, cancellations or delays in the last six months.');
  }
  if (!words) return measure(base, Math.max(0, 1 - total / 2), count, '');
  const newestAge = Math.max(0, Math.round((now - newestMs) / DAY_MS));
  const silentAfter = lastContact <= newestMs && newestAge >= SILENCE_AFTER_RISK_DAYS;
  const who = newest.side === 'them' ? 'them' : 'us';
  const when = newestAge === 0 ? 'today' : `${plural(newestAge, 'day')} ago`;
  let explanation = `${plural(count, 'risk signal')} in the last six months (${fromThem} from them); the latest was ${RISK_WORDS[newest.kind]} from ${who} ${when}`;
  explanation += silentAfter ? ', and nobody has written since.' : '.';
  return measure(base, Math.max(0, 1 - total / 2), count, explanation);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Health 0-100 from six explainable components. A component with nothing to measure (no cadence
 * agreed, no promise due yet, no reply of ours yet) is left out and the other weights are rescaled to
 * sum to 100, rather than handing out free points: a client we never answered should not look healthy
 * because "responsiveness" had nothing to say. Left-out components stay in the list with weight 0 and
 * an explanation starting "Not counted". If nothing at all is measurable the score is 100.
 */
export function computeHealth(input: HealthInput): Health {
  const measured = measureAll(input, true);
  const { score, weights, contributions } = weigh(measured);
  const components: HealthComponent[] = measured.map((m, i) => ({
    id: m.id,
    label: m.label,
    value: m.value,
    target: m.target,
    unit: m.unit,
    weight: round1(weights[i]!),
    contribution: round1(contributions[i]!),
    explanation: m.explanation,
  }));
  return { score, components };
}

/**
 * computeHealth's score alone, by the same components and weighing, without putting their reasons into
 * words: what sorting and filtering a whole mailbox's clients needs (the Clients list ranks every client
 * on each read and shows a page of them).
 */
export function healthScore(input: HealthInput): number {
  return weigh(measureAll(input, false)).score;
}

// A flag rather than a closure per reason: under tsx (how the server runs) every closure is also given its
// name at creation (esbuild's keepNames), a slow property definition, and a list ranks hundreds of clients.
function measureAll(input: HealthInput, words: boolean): Measured[] {
  return [initiation(input, words), responsiveness(input, words), silence(input, words), promises(input, words), awaiting(input, words), risk(input, words)];
}

/** Each component's weight rescaled over those with something to measure, what it earned, and the score. */
function weigh(measured: readonly Measured[]): { score: number; weights: number[]; contributions: number[] } {
  const measuredWeight = measured.reduce((s, m) => s + (m.fraction === null ? 0 : HEALTH_WEIGHTS[m.id]), 0);
  let total = 0;
  const weights: number[] = [];
  const contributions: number[] = [];
  for (const m of measured) {
    const weight = m.fraction === null || measuredWeight === 0 ? 0 : (HEALTH_WEIGHTS[m.id] * 100) / measuredWeight;
    const contribution = weight * (m.fraction ?? 0);
    total += contribution;
    weights.push(weight);
    contributions.push(contribution);
  }
  const score = measuredWeight === 0 ? 100 : Math.max(0, Math.min(100, Math.round(total)));
  return { score, weights, contributions };
}

/**
 * The health a client would have without some components (the ones an unreadable part of a thread could
 * change), rescaled exactly as computeHealth rescales when a component has nothing to measure: the
 * others' weights grow to fill 100 and each keeps the share of its weight it had earned.
 */
export function healthWithout(health: Health, omit: readonly HealthComponent['id'][]): Health {
  const kept = health.components.filter((c) => !omit.includes(c.id));
  const measured = kept.filter((c) => c.weight > 0);
  const measuredWeight = measured.reduce((sum, c) => sum + HEALTH_WEIGHTS[c.id], 0);
  let total = 0;
  const components = kept.map((c) => {
    if (c.weight === 0 || measuredWeight === 0) return { ...c, weight: 0, contribution: 0 };
    const weight = (HEALTH_WEIGHTS[c.id] * 100) / measuredWeight;
    const contribution = weight * (c.contribution / c.weight);
    total += contribution;
    return { ...c, weight: round1(weight), contribution: round1(contribution) };
  });
  return { score: measuredWeight === 0 ? 100 : Math.max(0, Math.min(100, Math.round(total))), components };
}

/** Whole days for people ("12 days ago", "yesterday", "today"); the component's value keeps the exact figure. */
function daysAgo(days: number): string {
  const whole = Math.floor(days);
  if (whole <= 0) return 'today';
  if (whole === 1) return 'yesterday';
  return `${whole} days ago`;
}
