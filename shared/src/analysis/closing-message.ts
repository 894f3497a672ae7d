/**
 * A message that only thanks or acknowledges ("Thanks, got it!", "Perfect, thank you.") closes a
 * conversation: nobody owes an answer to it. Without this, every thread a client ended with "Thanks!"
 * would wait for our reply forever and drag their health down for years.
 * Deliberately strict: a question, a request or more than a short sentence or two means it is not.
 */

const GREETING = /^(?:hi|hello|hey|dear|hallo|hej|bonjour|hola|good (?:morning|afternoon|evening))\b[^.!?\n]{0,40}[,!.]?\s*$/i;
const SIGN_OFF =
  /^(?:best|regards|kind regards|best regards|warm regards|cheers|thanks|thank you|many thanks|br|rgds|sincerely|all the best|viele grüße|beste grüße|liebe grüße|gruß|cordialement|saludos)\b[^.!?\n]{0,30}[,.!]?\s*$/i;
/** "Hi Anna, great news, thank you!": a greeting on the same line as the acknowledgement. */
const INLINE_GREETING = /^(?:hi|hello|hey|dear|hallo|hej|bonjour|hola)(?:\s+[\p{L}.'-]+){0,2}\s*,\s+(?=\S)/iu;
/** "That's great news, thank you!" / "This is wonderful, thanks": a lead-in before the acknowledgement word. */
const LEAD_IN = String.raw`(?:(?:that(?:'s|’s| is)|this(?:'s|’s| is)|what|how|such)\s+(?:(?:really|very|so|truly|just|a|an)\s+){0,2})?`;
const ACKNOWLEDGEMENT = new RegExp(
  String.raw`^${LEAD_IN}(?:(?:thanks|thank you|thank u|thx|ty|many thanks|much appreciated|appreciated|great|perfect|excellent|wonderful|awesome|brilliant|fantastic|lovely|sounds good|looks good|all good|ok|okay|got it|noted|received|well received|will do|understood|cheers|super|top|danke|vielen dank|merci|gracias|grazie|tack)\b)`,
  'i',
);
const ASKS_SOMETHING =
  /\?|\b(?:please|could you|can you|would you|will you|let me know|let us know|when|need|send|confirm|but|however|unfortunately|questions?|issues?|problems?|concerns?|wonder(?:ing)?|below|one more|also|another|change|except)\b/i;
const MAX_WORDS = 14;
/** A last line that is only a name ("Tom", "Anna Berg"). */
const NAME_LINE = /^[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*)?$/u;
const BLANKS = /\s+/;

export function isClosingMessage(visible: string): boolean {
  // The non-blank lines, trimmed (a loop rather than split/map/filter: this runs for most messages).
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const newline = visible.indexOf('\n', start);
    const line = (newline === -1 ? visible.slice(start) : visible.slice(start, newline)).trim();
    if (line !== '') lines.push(line);
    if (newline === -1) break;
    start = newline + 1;
  }
  if (lines[0] !== undefined) lines[0] = lines[0].replace(INLINE_GREETING, '');
  while (lines.length > 0 && GREETING.test(lines[0] ?? '') && !ACKNOWLEDGEMENT.test(lines[0] ?? '')) lines.shift();
  // Drop a trailing sign-off and the name under it ("Best,\nTom"), but keep a lone "Thanks!" as the body.
  // Only the last three lines can be that sign-off: the lines above them are not tested.
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - 3); i--) {
    if (SIGN_OFF.test(lines[i] ?? '')) {
      lines.length = i;
      break;
    }
  }
  if (lines.length > 1 && lines.length <= 3 && NAME_LINE.test(lines[lines.length - 1] ?? '')) {
    lines.pop();
  }
  const core = lines.join(' ').trim();
  if (core === '' || !ACKNOWLEDGEMENT.test(core) || ASKS_SOMETHING.test(core)) return false;
  return core.split(BLANKS).length <= MAX_WORDS;
}
