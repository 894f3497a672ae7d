import type { CounterpartAggregate } from './counterpart-aggregate';

/**
 * How a client's aggregate is kept in one text column. Its sorted lag lists are most of it: a key client
 * with 20,000 messages has ~14,000 lags a side, 169 KB as JSON numbers, and ingest reads and writes the
 * aggregate of every client a batch touches. Every lag is a whole number of tenths of a minute
 * (thread-analysis.ts and business-time.ts round to 0.1), so a sorted list is stored as the differences
 * between neighbouring tenths, written as varints of URL-safe base64 characters (5 bits of the number and a
 * "more follows" bit each; the usual differences take one or two characters): 169 KB -> about 40 KB, and
 * encoding plus decoding takes well under a millisecond against ~3.3 ms for JSON.stringify plus JSON.parse
 * of the numbers (measured on that client's stored aggregate). Plain string code, as the engine also runs
 * in the browser. A list holding anything else (a negative lag, a finer fraction) is kept as a plain
 * array, and plain arrays, as earlier versions stored every list, are read.
 */
const ENCODED = 'd10:';
const MAX_TENTHS = 0xffff_ffff;

/** The aggregate as stored: each sorted lag list encoded where it can be. */
export function serializeAggregate(aggregate: CounterpartAggregate): string {
  const { lags } = aggregate;
  // Contacts in address order: every reading sorts them or adds them up by address, so their order is no
  // figure, and one order makes the same threads give the same text whichever came first.
  const contacts: Record<string, number> = {};
  for (const address of Object.keys(aggregate.contacts).sort()) contacts[address] = aggregate.contacts[address]!;
  return JSON.stringify({
    ...aggregate,
    contacts,
    lags: {
      us: { minutes: encodeSortedLags(lags.us.minutes), business: encodeSortedLags(lags.us.business) },
      them: { minutes: encodeSortedLags(lags.them.minutes), business: encodeSortedLags(lags.them.business) },
    },
  });
}

/** The aggregate read back from serializeAggregate's text (or from a plain JSON aggregate). */
export function parseAggregate(json: string): CounterpartAggregate {
  const stored = JSON.parse(json) as CounterpartAggregate & { lags: Record<'us' | 'them', Record<'minutes' | 'business', unknown>> };
  for (const side of ['us', 'them'] as const) {
    const lags = stored.lags[side];
    stored.lags[side] = { minutes: decodeSortedLags(lags.minutes), business: decodeSortedLags(lags.business) };
  }
  return stored;
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Character code -> its digit's value (0-63), or -1. */
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;
const MORE = 0x20;

/** One stored lag list (either form) as the ascending numbers it holds. */
export function decodeSortedLags(stored: unknown): number[] {
  if (Array.isArray(stored)) return stored as number[];
  if (typeof stored !== 'string' || !stored.startsWith(ENCODED)) throw new Error('aggregate: a lag list is neither a list nor an encoded list');
  const out: number[] = [];
  let tenths = 0;
  let delta = 0;
  let scale = 1;
  for (let i = ENCODED.length; i < stored.length; i++) {
    const code = stored.charCodeAt(i);
    const digit = code < 128 ? DIGIT_VALUE[code]! : -1;
    if (digit < 0) throw new Error(`aggregate: an encoded lag list holds "${stored[i]}" at ${i}`);
    delta += (digit & 0x1f) * scale;
    if (digit & MORE) {
      scale *= MORE;
      continue;
    }
    tenths += delta;
    out.push(tenths / 10);
    delta = 0;
    scale = 1;
  }
  if (scale !== 1) throw new Error('aggregate: an encoded lag list ends inside a number');
  return out;
}

/**
 * TextDecoder is a global of every runtime the engine runs in (Node, browsers, the extension's service
 * worker); the engine's compiler settings include no runtime's types (lib ES2023 only), so it is declared here.
 */
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

/** Digit character codes, and a buffer reused by encodeSortedLags (each value takes at most 7 digits). */
const DIGIT_CODES = Uint8Array.from(DIGITS, (digit) => digit.charCodeAt(0));
const MAX_DIGITS_PER_VALUE = 7;
let digitBuffer = new Uint8Array(4096);
const asciiDecoder = new TextDecoder();

/**
 * An ascending list of lags as stored: encoded when every value is a whole, non-negative number of tenths.
 * The digits go into a byte buffer decoded once: appending them to a string one character at a time took
 * 1.32-1.40 ms for a key client's four lists (28,000 lags, JSON.stringify included) against 0.62-0.70 ms
 * this way, and ingest writes the aggregate of every client a batch touches, one new message included. The
 * buffer is kept for the next call; it is as large as the longest list seen (7 bytes a lag at most).
 */
export function encodeSortedLags(list: readonly number[]): readonly number[] | string {
  if (digitBuffer.length < list.length * MAX_DIGITS_PER_VALUE) digitBuffer = new Uint8Array(list.length * MAX_DIGITS_PER_VALUE);
  const digits = digitBuffer;
  let length = 0;
  let previous = 0;
  for (const value of list) {
    const tenths = Math.round(value * 10);
    // Exact only if decoding gives the same number back (tenths / 10 is how the lag was made).
    if (tenths / 10 !== value || tenths < previous || tenths > MAX_TENTHS) return list;
    // Below 2^32 (MAX_TENTHS), so the unsigned shift and the mask see the whole number.
    let delta = tenths - previous;
    previous = tenths;
    while (delta >= MORE) {
      digits[length++] = DIGIT_CODES[(delta & 0x1f) | MORE]!;
      delta >>>= 5;
    }
    digits[length++] = DIGIT_CODES[delta]!;
  }
  return ENCODED + asciiDecoder.decode(digits.subarray(0, length));
}
