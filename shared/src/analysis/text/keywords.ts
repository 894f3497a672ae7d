/**
 * The words that name what a sentence is about ("the revised SOW" -> revised, sow), for telling whether a
 * later mail delivers the thing a promise named. Function words, modals, dates and the verbs of sending
 * are left out; plurals fold to the singular; file names split at punctuation and camel case.
 */

const STOP = new Set(
  (
    'a an the and or but if then so to of in on at by for from with about into over under up out off as is are was were be been being am ' +
    'i me my mine we us our ours you your yours he him his she her they them their it its this that these those there here what which who ' +
    'will would shall should can could may might must do does did done have has had having get got getting let lets make made ' +
    'send sent sending share shared forward forwarded email emailed mail mailed give given provide provided put deliver delivered ' +
    'attach attached attaching enclosed find found please thanks thank kind regards hi hello dear ok okay sure yes no not just also ' +
    'today tomorrow tonight morning afternoon evening week weekend month year monday tuesday wednesday thursday friday saturday sunday ' +
    'mon tue wed thu fri next last this end day days hour hours minute minutes time soon shortly later asap eod cob before after until ' +
    'again back over across through promised requested discussed promise as per re fw fwd via all any some more most much many one two ' +
    'try going gonna able sure quick quickly early first new latest final look check confirm let know update keep posted touch see seeing seen ' +
    'll ve re isn aren didn don doesn won wouldn couldn shouldn ' +
    'call ring phone speak talk meet get got back come revert circle follow well now here there when where how why go goes gone going went'
  ).split(' '),
);

/** Words too general to say which document is meant ("the file", "the details"). */
export const GENERIC = new Set(
  'document doc file files detail details information info copy version thing things stuff item items note notes material materials link links draft answer question number numbers figure figures data update work try attempt report test look problem issue error result results way'.split(
    ' ',
  ),
);

/**
 * A crude stem, enough to meet "reproduce" in "reproduced", "install" in "installing" and "invoices" in
 * "invoice": plural and verb endings off, then a final "e".
 */
function fold(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const LINK_HOST = /https?:\/\/[^/\s]+/gi;
const FILE_EXTENSION = /\.(?:pdf|docx?|xlsx?|pptx?|csv|txt|zip|png|jpe?g|key|numbers|pages|odt|ods|rtf|msg|eml)\b/gi;
const CAMEL_CASE = /([a-z])([A-Z])/g;

/** Content words of a sentence, a subject line or a file name, lower case and singular. */
export function keywords(text: string): Set<string> {
  // Each replacement only where it can apply (a link has "://", an extension a "."): the fulfilment fold reads the words
  // of every delivery it judges, and three scans of each text were most of the cost.
  let spaced = text.includes('://') ? text.replace(LINK_HOST, ' ') : text;
  if (spaced.includes('.')) spaced = spaced.replace(FILE_EXTENSION, ' ');
  if (hasCamelJoint(spaced)) spaced = spaced.replace(CAMEL_CASE, '$1 $2');
  spaced = spaced.toLowerCase();
  const out = new Set<string>();
  // The runs of [a-z0-9] (what split(/[^a-z0-9]+/) gives, without the empty ends), read in one pass.
  let start = -1;
  for (let i = 0; i <= spaced.length; i++) {
    const code = i < spaced.length ? spaced.charCodeAt(i) : 0;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const length = i - start;
    const from = start;
    start = -1;
    if (length < 2 || isNumberOrVersion(spaced, from, i)) continue;
    const raw = spaced.slice(from, i);
    const word = fold(raw);
    if (!STOP.has(raw) && !STOP.has(word)) out.add(word);
  }
  return out;
}

/** Whether a lower-case ASCII letter is followed by an upper-case one somewhere (where CAMEL_CASE matches). */
function hasCamelJoint(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      const before = text.charCodeAt(i - 1);
      if (before >= 97 && before <= 122) return true;
    }
  }
  return false;
}

/** Whether text[from..to) is all digits, or "v" and digits (/^\d+$/ or /^v\d+$/): a number or a version, no word. */
function isNumberOrVersion(text: string, from: number, to: number): boolean {
  let i = text.charCodeAt(from) === 118 /* v */ ? from + 1 : from;
  if (i === to) return false;
  for (; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
