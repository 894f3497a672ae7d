/**
 * What the sender actually wrote in this message: quoted history, forwarded messages and the
 * signature removed. Promises, requests and risks are only ever looked for in this text, so a
 * promise quoted back to us, or one inside a forwarded mail, is never counted again.
 */

/** Gmail-style attribution ("On Mon, 3 Mar 2026 at 10:02, Jane <jane@x.com> wrote:") and its translations. */
const ATTRIBUTION =
  /^(?:on|am|le|el|op|il|den|em|w dniu|pada|in data|dne|el día)\b.{0,250}?(?:\b|\s)(?:wrote|schrieb|a écrit|escribió|escribio|schreef|ha scritto|skrev|escreveu|napisał|menulis|kirjoitti|írta|написал|написала|писал|yazdı|napsal|scrisse)\b[^:]{0,80}:\s*$/i;
/** "Jane Doe <jane@x.com> wrote:" without a date (Apple Mail, some mobile clients). */
const BARE_ATTRIBUTION = /^[^\s].{0,120}(?:<[^>\s]+@[^>\s]+>|@\S+)\s*(?:wrote|schrieb|a écrit|escribió|schreef|kirjoitti|írta|skrev)\s*:\s*$/i;

/**
 * A dated attribution without a verb, as Yandex, Mail.ru and some phone clients write it:
 * "30.09.2017, 18.30, "John Doe" <john@x.com>:", "ср, 30 апр. 2025 г. в 15:19, John Doe <doe@x.com>:",
 * or with one in another language ("2013.02.08. 7:31 keltezéssel, "Eszter" írta:"), Chinese clients' with their
 * full-width colon ("在 2012-03-13 14:17:45，"Li Lei" <li@x.com> 写道：").
 */
const DATED_ATTRIBUTION = new RegExp(
  String.raw`^.{0,60}\d{1,4}[./:-]\d{1,2}.{0,120}(?:<[^>\s]+@[^>\s]+>|\(?[\w.+-]+@[\w-]+\.[\w.]+\)?|\b(?:wrote|schrieb|a écrit|escribió|escribio|schreef|ha scritto|skrev|escreveu|napisał|menulis|kirjoitti|írta|написал|написала|писал|yazdı|napsal|scrisse))\s*(?:\S+\s*)?[:：]\s*$`,
  'iu',
);

/** Thunderbird's "Jane Roe wrote on 05/05/2026 14:30:" (the name, then the date) and its translations. */
const WROTE_ON_DATE = /^\S.{0,120}\b(?:wrote|schrieb|a écrit|escribió|schreef|skrev|ha scritto|escreveu) (?:on|am|le|el|op|den|il|em)\b.{0,60}\d.{0,40}:\s*$/i;

/**
 * Lotus Notes (Enron-era) history: "Jane Roe/HOU/ECT on 05/02/2001 02:30 PM", ""Jane Roe" <jroe@x.com>
 * on 05/02/2001 02:30:00 PM", "From: Jane Roe/HOU/ECT on ...", and "----- Forwarded by Jane Roe/HOU/ECT
 * on 05/02/2001 02:30 PM -----"; a sender named by an address or a Notes "Jane Roe@ENRON" only with the
 * time ("jroe@x.com on 02/26/2001 12:36:22 PM"), since "I wrote to jroe@x.com on 02/26/2001" is a sentence.
 */
const LOTUS_HEADER =
  /^(?:(?:-{2,}\s*(?:forwarded|original message|reply) by\s+.{1,80}|(?:from:\s*)?.{1,80}?(?:\/[A-Za-z][\w&-]*){1,4}(?:@[\w.-]+)?|(?:from:\s*)?["']?[^"'\n]{1,60}["']?\s*<[^>\s]+@[^>\s]+>)\s+on\s+\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?)?|(?:from:\s*)?[^\s@"'<>][^@"<>]{0,60}@[\w.-]+\s+on\s+\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?)\s*-*\s*$/i;
/** "Jane Roe@ENRON" over "05/02/2001 02:30 PM" over "To: ...": the other Notes memo header. */
const LOTUS_DATE_LINE = /^\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?\s*$/i;
/** Between the name and the date line, Notes may say who sent it for the sender ("Sent by: Jane Roe"). */
const SENT_BY = /^sent by:/i;
/**
 * The same memo header with the name and the date on one line, set apart by a run of spaces ("From:  Jane Roe @ ECT
 * 12/07/2000 10:45 AM", "Jane Roe        03/20/2001 07:45 AM"), over "To: ...".
 */
const LOTUS_NAME_AND_DATE = /^(?:from:\s*)?[^\s].{0,80}?\S\s{2,}\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?\s*$/i;
/** GroupWise's reply header: ">>> Jane Roe 12/11/00 03:54PM >>>", ">>> <jroe@x.com> 2/16/01 10:41:43 am >>>". */
const GROUPWISE_HEADER = /^>>>\s*\S.{0,80}?\s\d{1,2}\/\d{1,2}\/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?\s*>>>\s*$/i;

/**
 * Gmail's date-first attribution of some years and locales, with neither verb nor colon ("2013/4/23 Jane Roe
 * <jroe@x.com>"): over "> " quotes it goes with them; over unquoted text, history starts there.
 */
const DATE_FIRST_SENDER = /^\d{4}\/\d{1,2}\/\d{1,2}\s+[^<>\n]{1,80}<[^>\s]+@[^>\s]+>\s*$/;
/**
 * "According to Jane Roe:" introducing quoted lines (over anything else it is a sentence, and stays); a name only, since
 * "According to the output of ldd:" over quoted output is the writer's own sentence.
 */
// Each word after the first needs the blank before it: a run of capitals could otherwise be split into words in every
// way before the match fails (a line of 200 capitals took 1.7 s).
const ACCORDING_TO = /^[Aa]ccording to\s+[A-Z][\p{L}'.-]*(?:\s+[A-Z][\p{L}'.-]*){0,3}\s*:\s*$/u;
/** Notes puts "Please respond to <list>" between a memo header's date and its "To:". */
const PLEASE_RESPOND = /^please respond to\b/i;

/** Separator lines that start a quoted or forwarded message. */
const SEPARATORS = [
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|oorspronkelijk bericht|messaggio originale|mensagem original|originalmeddelande|ursprungligt meddelande|oprindelig (?:besked|meddelelse)|opprinnelig melding|alkuperäinen viesti|wiadomość oryginalna|původní zpráva|исходное сообщение|eredeti üzenet|orijinal mesaj|original-nachricht)\s*-{2,}\s*$/iu,
  /^-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|doorgestuurd bericht|messaggio inoltrato|mensagem encaminhada|vidarebefordrat meddelande|videresendt (?:besked|melding)|välitetty viesti|wiadomość przekazana|пересланное сообщение)\s*-{2,}\s*$/iu,
  /^(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié)\s*:\s*$/i,
  /^_{10,}\s*$/,
  // Notes' forward header, however the sender's client wrapped it ("----- Forwarded by Jane Roe/HOU/ECT on" over
  // "05/02/2001 02:30 PM -----"); cc:Mail's "_____Reply Separator_____"; Exchange's "--- Inline attachment follows ---".
  /^-{2,}\s*forwarded by\s+\S/i,
  /^_{3,}\s*reply separator\s*_{3,}\s*$/i,
  /^-{2,}\s*inline attachment follows\s*-{2,}\s*$/i,
];

const HEADER_FROM = /^\*?(?:from|von|de|van|da|från|fra|od|lähettäjä|от|kimden|feladó|差出人|发件人)\s*:\*?\s+\S/iu;
const HEADER_OTHER =
  /^\*?(?:sent|date|gesendet|datum|envoyé(?: le)?|enviado(?: el)?|verzonden|inviato|skickat|sendt|dato|data|wysłano|lähetetty|päivämäärä|odesláno|отправлено|дата|gönderildi|tarih|elküldve|dátum|to|an|à|para|aan|a|till|til|do|komu|vastaanottaja|кому|kime|címzett|subject|betreff|objet|sujet|asunto|onderwerp|oggetto|ämne|emne|temat|aihe|předmět|тема|konu|tárgy|cc|bcc|cci|kopie|copie à|copia|kopia|kopio|копия|message du|送信日時|宛先|件名|发送时间|收件人|主题)\s*:\*?/iu;

const MOBILE_FOOTER =
  /^(?:sent from my \w+|sent from (?:outlook|mail|yahoo mail|gmail|samsung|my mobile)|get outlook for (?:ios|android)|sent (?:via|using) .{1,40}|von meinem \w+ gesendet|envoyé de mon \w+|enviado desde mi \w+|(?:gesendet von|envoyé (?:de|depuis)|enviado (?:desde|do)|inviato da|verzonden (?:met|vanaf)|skickat från|sendt fra|lähetetty) (?:outlook|mail|my|mon|mi|meinem|il mio|mijn|min|yahoo|gmail|samsung|iphone|ipad|android)\b)\b.{0,60}$/iu;

/** Legal footers that mail servers append; everything from one on is boilerplate. */
const DISCLAIMER =
  /^(?:confidentiality notice|disclaimer|this (?:e-?mail|message|communication)(?: and any (?:files|attachments)[\w ,]*)? (?:is|are|may be|contains?) (?:confidential|privileged|intended (?:solely|only|exclusively) for)|the information (?:contained )?in this (?:e-?mail|message|communication)|if you (?:are not|have received this)(?: the intended recipient| (?:e-?mail|message) in error))/i;

const SIGN_OFF =
  /^(?:(?:best|warm|warmest|kind|kindest|many|with)\s+(?:regards|wishes|thanks)|best|regards|rgds|br|cheers|thanks(?: again| so much| a lot| and regards)?|thank you(?: so much| again)?|many thanks|sincerely|yours(?: sincerely| truly| faithfully)?|all the best|talk soon|speak soon|take care|cordially|mit freundlichen grüßen|viele grüße|beste grüße|liebe grüße|gruß|cordialement|bien à vous|saludos|un saludo|atentamente|met vriendelijke groet(?:en)?|groeten|hartelijke groet)\s*[,.!]?\s*(?:-\s*)?(?:[A-Z][\p{L}'-]*)?\s*[,.!]?\s*$/iu;

/** Phone numbers, e-mail addresses and web addresses: what a contact card is made of. */
const CONTACT = /(?:\+?\d[\d\s().-]{6,}\d|@[\w-]+\.\w|https?:\/\/|www\.)/;

// The patterns of the line-by-line checks below live out here: a regex literal inside a function is a new
// object each time it is evaluated, and these run for every line of every message.
const FIRST_OR_SECOND_PERSON = /\b(?:I|I'm|I'll|I've|we|we'll|you|your|let|please)\b/i;
const ENDS_EXCLAIMED = /[!?]\s*$/;
const ENDS_WITH_PERIOD = /\.\s*$/;

/**
 * The words of a trimmed line, as many as `line.split(/\s+/)` makes, counted in place: the split built an array of
 * them for every line a signature was looked for in.
 */
function wordCount(trimmed: string): number {
  let words = 1;
  let blank = false;
  for (let i = 0; i < trimmed.length; i++) {
    const isBlank = isBlankChar(trimmed.charCodeAt(i));
    if (isBlank && !blank) words++;
    blank = isBlank;
  }
  return words;
}

/** Lines that belong to a name/title/contact block rather than to the message. */
function looksLikeSignatureLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed) return true;
  if (CONTACT.test(trimmed)) return true;
  if (trimmed.length > 60) return false;
  const words = wordCount(trimmed);
  if (words > 8) return false;
  // First- and second-person words mean a sentence, not a name or a title.
  if (FIRST_OR_SECOND_PERSON.test(trimmed)) return false;
  // "This is an elegant solution!" is a sentence; "Acme Ltd." is not.
  if (ENDS_EXCLAIMED.test(trimmed)) return false;
  return !(ENDS_WITH_PERIOD.test(trimmed) && words >= 4);
}

/** Outlook wraps a long sender: "From: Human Resources" over "<hr+1234@example.com>". */
const WRAPPED_SENDER = /^<?[^\s<>]+@[^\s<>]+>?\s*$/;

/** Index of the first line of an Outlook header block ("From: ... Sent: ... To: ... Subject:"), if line i starts one. */
function isHeaderBlock(lines: string[], i: number): boolean {
  // HEADER_FROM needs a colon: most lines have none, and are ruled out without trimming them.
  if (!lines[i]!.includes(':') || !HEADER_FROM.test(lines[i]!.trim())) return false;
  let others = 0;
  for (let j = i + 1; j < Math.min(lines.length, i + 7); j++) {
    const line = lines[j]!.trim();
    if (!line) continue;
    if (HEADER_OTHER.test(line)) others++;
    // Outlook wraps a long sender: "From: Human Resources" over "<hr+1234@example.com>".
    else if (others === 0 && !(j === i + 1 && WRAPPED_SENDER.test(line))) return false;
  }
  return others >= 2;
}

/** A header field that a Notes reply header holds: "To:", "cc:", "Date:", "From:", "Subject:". */
const NOTES_REPLY_FIELD = /^(?:to|cc|bcc|date|from|subject)\s*:/i;
const FROM_FIELD = /^from\s*:/i;

/**
 * Notes' reply header, which opens with "To:" rather than "From:" ("To: jroe@x.com" / "cc:" / "Date: 08/07/2001 03:09 PM"
 * / "From: Gerald Smith" / "Subject: RE: Hello!"): four such fields or more on the next lines, one of them "From:".
 */
function isNotesReplyHeader(lines: string[], i: number, trimmed: string): boolean {
  if (!TO_HEADER.test(trimmed)) return false;
  let fields = 1;
  let from = false;
  for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
    const line = lines[j]!.trim();
    if (!line) continue;
    if (!NOTES_REPLY_FIELD.test(line)) break;
    fields++;
    if (FROM_FIELD.test(line)) from = true;
  }
  return from && fields >= 4;
}

/** How far below a Notes memo header its quoted message may start (the header's fields, wrapped). */
const NOTES_HEADER_LINES = 14;

/**
 * Whether a Notes memo header at `header` (its date at `dateLine`) heads a reply written below the quotes: nothing
 * above it, and "> " lines under it. Notes users who answer below the quoted message start with the header.
 */
function answeredBelow(lines: string[], header: number, dateLine: number): boolean {
  return !hasText(lines, 0, header) && firstQuoteBelow(lines, dateLine) >= 0;
}

function firstQuoteBelow(lines: string[], dateLine: number): number {
  for (let j = dateLine + 1; j < Math.min(lines.length, dateLine + NOTES_HEADER_LINES); j++) if (lines[j]!.trimStart().startsWith('>')) return j;
  return -1;
}

/** Blanks such a header, down to its first quoted line, like an attribution over quotes; the index to go on from. */
function blankedUpToQuote(lines: string[], header: number, dateLine: number): number {
  const quote = firstQuoteBelow(lines, dateLine);
  for (let j = header; j < quote; j++) lines[j] = '';
  return quote - 1;
}

/** Whether the next lines, past blanks and Notes' "Please respond to ...", go on with "To:". */
function toFollows(lines: string[], i: number): boolean {
  for (let j = i + 1; j < Math.min(lines.length, i + 5); j++) {
    const line = lines[j]!.trim();
    if (!line || PLEASE_RESPOND.test(line)) continue;
    return TO_HEADER.test(line);
  }
  return false;
}

// historyStart's per-line patterns (see BLANKS above for why they are not written inline).
const LOTUS_DATE = /\d\/\d{1,2}\/\d/;
const TO_HEADER = /^to:/i;
const AT_OR_SLASH = /[@/]/;
const ENDS_WROTE = /\b(?:wrote|schrieb|a écrit|skrev|schreef)$/i;
const ATTRIBUTION_OPENING = /^(?:on|am|le|el|op|il|den|em|in data|w dniu)\s/i;
const DIGIT = /\d/;

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether a (trimmed, non-empty) line ends as a time of day does: "M", "m" (AM, PM) or a digit. */
function endsLikeTime(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  return (last | 32) === 109 || isDigitCode(last);
}

/** Whether a (trimmed, non-empty) line ends with ".", "!" or "?": /[.!?]$/ without scanning the line. */
function endsTerminated(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  return last === 46 || last === 33 || last === 63;
}

/** The line index where quoted or forwarded history starts, or lines.length. */
function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    // A quoted line ("> ...") can be no separator, header or dated attribution; only a bare
    // "> Jane <jane@x.com> wrote:" over unquoted text starts history here. Quoted history is most of a
    // long reply, so this skips most of the work below.
    if (line[0] === '>') {
      if (line.endsWith(':') && BARE_ATTRIBUTION.test(line) && !introducesQuote(lines, i)) return i;
      if (line.startsWith('>>>') && GROUPWISE_HEADER.test(line)) return i;
      continue;
    }
    // Every separator starts with "-" or "_" or ends with ":"; every attribution ends with ":".
    // Testing that first keeps this linear scan cheap on long bodies.
    const endsWithColon = line.endsWith(':') || line.endsWith('：');
    if ((endsWithColon || line[0] === '-' || line[0] === '_') && SEPARATORS.some((re) => re.test(line))) return i;
    if (isHeaderBlock(lines, i)) return i;
    // Lines opening with "t" are few enough that only they are tried for the "To:"-first header.
    if ((line.charCodeAt(0) | 32) === 116 && isNotesReplyHeader(lines, i, line)) return i;
    // Lotus Notes: "Jane Roe/HOU/ECT on 05/02/2001 02:30 PM" (one line), or a name over a date line over "To:".
    // "/" first: one character is found faster than " on ", and most lines have neither.
    if (line.includes('/') && line.includes(' on ') && LOTUS_DATE.test(line) && LOTUS_HEADER.test(line)) return i;
    // Gmail's date-first attribution opens with a digit and ends with the address's ">": two characters rule out most lines.
    if (isDigitCode(line.charCodeAt(0)) && line.charCodeAt(line.length - 1) === 62 && DATE_FIRST_SENDER.test(line)) {
      if (!introducesQuote(lines, i)) return i;
      lines[i] = '';
      continue;
    }
    // LOTUS_DATE_LINE opens with a digit: most lines are ruled out by their first character, without the call.
    if (isDigitCode(line.charCodeAt(0)) && LOTUS_DATE_LINE.test(line) && toFollows(lines, i)) {
      const previous = i > 0 ? lines[i - 1]!.trim() : '';
      // "Jane Roe" over "Sent by: Jane's Assistant" over the date: the name line is the sender's, whatever it holds.
      const header = SENT_BY.test(previous) ? (i > 1 && lines[i - 2]!.trim().length <= 80 ? i - 2 : i - 1) : previous && previous.length <= 60 && AT_OR_SLASH.test(previous) ? i - 1 : i;
      if (!answeredBelow(lines, header, i)) return header;
      i = blankedUpToQuote(lines, header, i);
      continue;
    }
    // The name and the date on one line, a run of spaces between them (a memo header's own layout). It ends with "AM",
    // "PM" or a digit: the last character rules out most lines before any search.
    if (endsLikeTime(line) && line.includes('  ') && LOTUS_DATE.test(line) && LOTUS_NAME_AND_DATE.test(line) && toFollows(lines, i)) {
      if (!answeredBelow(lines, i, i)) return i;
      i = blankedUpToQuote(lines, i, i);
      continue;
    }
    // An attribution over "> " lines may be followed by inline replies (interleaved posting): the
    // quoted lines are dropped one by one later. Over unquoted history, everything below is history.
    if (endsWithColon && (ATTRIBUTION.test(line) || BARE_ATTRIBUTION.test(line) || DATED_ATTRIBUTION.test(line) || WROTE_ON_DATE.test(line))) {
      if (introducesQuote(lines, i)) continue;
      return i;
    }
    // "On Wed, 14 Nov 2018 08:14:43 -0200 John Doe <john@doe.com> wrote" without its colon.
    if (!endsWithColon && line.includes('@') && ENDS_WROTE.test(line) && ATTRIBUTION.test(`${line}:`)) return i;
    // Attributions wrapped over two or three lines by the sender's client ("On Mon, 3 Mar 2026 at 10:02,
    // Jane Doe" over "<jane@x.com> wrote:"). Only an unfinished line starts one: "On Thursday." is a reply.
    // (The length and the last character first: they are cheaper than the patterns and rule out most lines.)
    // Yahoo's "--- Jane Roe <jane@x.com>" over "wrote:" is one with neither an opening word nor a digit, only the address.
    if (line.length < 200 && !endsTerminated(line) && (ATTRIBUTION_OPENING.test(line) || DIGIT.test(line) || line.includes('@'))) {
      let joined = line;
      for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
        const next = lines[j]!.trim();
        if (!next) break;
        if (next[0] === '>') {
          // Gmail wraps an address before its closing bracket: "On ..., Jane Doe <jane@x.com" over "> wrote:".
          if (joined.lastIndexOf('<') <= joined.lastIndexOf('>')) break;
          joined = `${joined}${next}`;
        } else joined = `${joined} ${next}`;
        // ATTRIBUTION ends with ":" (then only spaces): test the cheap part first.
        if (joined.trimEnd().endsWith(':') && (ATTRIBUTION.test(joined) || DATED_ATTRIBUTION.test(joined) || BARE_ATTRIBUTION.test(joined))) {
          if (introducesQuote(lines, j)) {
            lines.splice(i, j - i + 1, ...Array<string>(j - i + 1).fill(''));
            break;
          }
          return i;
        }
      }
    }
  }
  return lines.length;
}

/** Words that make a line of a contact card a sentence. */
const CARD_SENTENCE_WORD = /\b(?:I|I'm|I'll|we|we'll|you|your|me|us|please|call|let)\b/i;
/**
 * A handing-over around a link or address ("here it is: https://...", "This is the PR: https://..."):
 * words no card line holds. Lower-case "it" only, so a title such as "Head of IT" stays a card line.
 */
const CARD_SENTENCE_HANDOVER = /\b(?:[Hh]ere|it|is|are|[Tt]his|[Ss]ee|attached)\b/;

/** The line index where the signature starts, or lines.length. */
function signatureStart(lines: string[]): number {
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (line === '-- ' || trimmed === '--' || MOBILE_FOOTER.test(trimmed) || DISCLAIMER.test(trimmed)) {
      end = i;
      break;
    }
  }
  // A last block that is only a name/title/contact card ("Jane Doe | Acme\nM: +1 555 010 2000"),
  // without a sign-off: it must hold contact details and no sentence-like line.
  // (Index loops rather than slices and filters: this runs for every message.)
  let lastBlank = -1;
  for (let i = end - 2; i >= 0; i--) {
    if (!lines[i]!.trim()) {
      lastBlank = i;
      break;
    }
  }
  if (lastBlank > 0) {
    let cardLines = 0;
    let contact = false;
    let sentence = false;
    for (let i = lastBlank + 1; i < end; i++) {
      const l = lines[i]!;
      if (!l.trim()) continue;
      cardLines++;
      if (CONTACT.test(l)) contact = true;
      if (l.trim().length > 60 || CARD_SENTENCE_WORD.test(l) || CARD_SENTENCE_HANDOVER.test(l)) sentence = true;
    }
    const isCard = cardLines > 0 && cardLines <= 6 && contact && !sentence;
    if (isCard && hasText(lines, 0, lastBlank)) end = lastBlank;
  }
  // A sign-off line ("Best regards,") followed only by a short name/title/contact block, also
  // above a "-- " delimiter ("Thanks,\nElodie\n-- \nElodie Chapeaublanc\nInstitut Curie").
  for (let i = end - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (SIGN_OFF.test(line)) {
      let tail = 0;
      for (let j = i + 1; j < end; j++) {
        const l = lines[j]!;
        if (!l.trim()) continue;
        if (++tail > 10 || !looksLikeSignatureLine(l)) return end;
      }
      return i;
    }
    // Walk up only through what could still be a signature block.
    if (!looksLikeSignatureLine(line)) return end;
  }
  return end;
}

/** Whether any of lines[from..to) has a non-blank character. */
function hasText(lines: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (lines[i]!.trim()) return true;
  return false;
}

/** "Ben Bolker wrote:" / "At 15:21 07/07/2009, Ted wrote:" introducing quoted lines (inline replies may follow). */
const LOOSE_ATTRIBUTION = /^\S.{0,200}\b(?:wrote|writes|schrieb|a écrit|escribió|schreef|escreveu|ha scritto|skrev)\s*:\s*$/i;

function isAttribution(line: string): boolean {
  if (!line.endsWith(':') && !line.endsWith('：')) return false;
  return ATTRIBUTION.test(line) || BARE_ATTRIBUTION.test(line) || LOOSE_ATTRIBUTION.test(line) || WROTE_ON_DATE.test(line) || DATED_ATTRIBUTION.test(line) || ACCORDING_TO.test(line);
}

const ENDS_WITH_A_COLON = /[:：]$/;

/** True when the last non-blank character is ":" (or "："); every attribution ends so. No copy of the line. */
function endsWithColon(line: string): boolean {
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line.charCodeAt(i);
    // Blank characters are few in practice: space, tab, CR and the non-breaking space.
    if (c === 32 || c === 9 || c === 13 || c === 160) continue;
    // ":" or the full-width "：" of Chinese and Japanese text.
    if (c === 58 || c === 0xff1a) return true;
    // Anything else that trim() would remove is rare: let trim() decide.
    return isBlankChar(c) ? ENDS_WITH_A_COLON.test(line.trim()) : false;
  }
  return false;
}

/** isAttribution(line.trim()), skipping the trim for the many lines that cannot be one. */
function isAttributionLine(line: string): boolean {
  return endsWithColon(line) && isAttribution(line.trim());
}

/** "<snip>" / "[...]": where the writer cut the quote they answer. */
const SNIP = /^\s*(?:<\s*snip(?:ped)?\s*>|\[\s*(?:snip(?:ped)?|\.{3}|…)\s*\])\s*$/i;
const PIPE_QUOTE = /^\|(?:\s|$)/;

/**
 * Quoted lines: "> " everywhere; "| " too, but only in a message whose attribution introduces "| "
 * lines (some mailers quote that way; elsewhere a leading "|" is more likely a table).
 */
function isQuoted(line: string, pipeQuotes = false): boolean {
  // Every quote marker is the first non-blank character: look at it before any pattern (found in place, as
  // line.trimStart()[0] would find it without the copy trimStart makes of an indented line).
  let at = 0;
  while (at < line.length && isBlankChar(line.charCodeAt(at))) at++;
  const first = line.charCodeAt(at);
  if (first === 62 /* > */) return true;
  // "<snip>" / "[...]" mark where the writer cut the quote they answer.
  if ((first === 60 /* < */ || first === 91) /* [ */ && SNIP.test(line)) return true;
  return pipeQuotes && first === 124 /* | */ && PIPE_QUOTE.test(line);
}

/**
 * Supercite-style quoting, as Emacs mailers and the R lists write it: each quoted line starts with the
 * quoted writer's initials or name ("MS> ", "Jim> "). A prefix counts when two lines carry it (a single
 * "x> y" is more likely code or a comparison).
 */
const SUPERCITE = /^\s*([A-Za-z][\w.-]{0,11})>(?:\s|$)/;
function supercitePrefixes(lines: string[]): Set<string> {
  const seen = new Map<string, number>();
  for (const line of lines) {
    const m = SUPERCITE.exec(line);
    if (m?.[1]) seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 2).map(([prefix]) => prefix));
}

function hasGreaterThan(line: string): boolean {
  return line.includes('>');
}

function usesPipeQuotes(lines: string[]): boolean {
  return lines.some((line, i) => isAttributionLine(line) && PIPE_QUOTE.test(nextNonBlankLine(lines, i)));
}

/** The next non-blank line after `i` as written, or '' when there is none. */
function nextNonBlankLine(lines: string[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim()) return lines[j]!;
  return '';
}

/** True when the next non-blank line after `i` is quoted (or there is none). */
function introducesQuote(lines: string[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j]!.trim()) return isQuoted(lines[j]!, true);
  }
  return true;
}

/**
 * Blank as trim() and /\s/ see it: ECMAScript's WhiteSpace (tab, vertical tab, form feed, the byte order
 * mark and the Unicode space separators, Zs) and LineTerminator characters. visible-text.test.ts checks it
 * against /\s/ for every UTF-16 code unit.
 */
export function isBlankChar(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * The quoted block a body ends with, as a reply written above the message it answers has it: the last lines
 * of `text` that are all blank or quoted ("> ..."). `cut` is the offset just after the block's first
 * non-blank line and `blanksBelow` the number of blank lines after that line; without such a block, `cut`
 * is the text's length.
 *
 * Reading only up to `cut` gives visibleText the same result as reading everything (and saves splitting and
 * scanning the history, most of a long reply):
 * - historyStart never stops inside the block: a quoted line there can only start history when the next
 *   non-blank line is unquoted, and every line after it is blank or quoted. Looking ahead from a line above
 *   the block (a header block, a wrapped attribution, whether an attribution introduces a quote) sees the
 *   block's first non-blank line, which is kept, and nothing past it could change the answer: the lines
 *   below are blank or quoted, and none is a header line or starts with "|".
 * - The quoted lines are dropped anyway; its blank lines are kept, so visibleText adds them back.
 */
const lineStarts: number[] = [];

function quotedTail(text: string): { cut: number; blanksBelow: number } {
  // Without a ">" there is no quoted line: the loop below would stop at the last non-blank line with the same answer.
  if (!text.includes('>')) return { cut: text.length, blanksBelow: 0 };
  // Where each line starts, found forward with indexOf (a fast scan for one character): walking back from the end a
  // character at a time, or with lastIndexOf (which V8 runs through its runtime), cost about twice as much, and the
  // block read here is most of a long reply.
  // One array for every call (emptied here): a new one per body was some 40 MB of garbage over 100,000 messages.
  const starts = lineStarts;
  starts.length = 0;
  starts.push(0);
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  let cut = text.length;
  let blanksBelow = 0;
  let blanks = 0;
  // Line by line from the last one up; only each line's first non-blank character is looked at.
  for (let line = starts.length - 1; line >= 0; line--) {
    const start = starts[line]!;
    const end = line + 1 < starts.length ? starts[line + 1]! - 1 : text.length;
    let i = start;
    while (i < end && isBlankChar(text.charCodeAt(i))) i++;
    if (i === end) blanks++;
    else if (text.charCodeAt(i) === 62 /* > */) {
      cut = end;
      blanksBelow += blanks;
      blanks = 0;
    } else break;
  }
  return { cut, blanksBelow };
}

export function visibleText(text: string): string {
  const normal = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const tail = quotedTail(normal);
  // historyStart blanks wrapped attributions in place, so it works on its own copy.
  const lines = (tail.cut === normal.length ? normal : normal.slice(0, tail.cut)).split('\n');
  const start = historyStart(lines);
  let kept = lines.slice(0, start);
  // Inline-quoted lines ("> ...") interleaved with replies: drop the quotes and the lines that
  // introduce them, keep the replies.
  const pipes = usesPipeQuotes(kept);
  kept = kept.filter((line, i) => !isQuoted(line, pipes) && !(isAttributionLine(line) && introducesQuote(kept, i)));
  // The blank lines of the quoted block not read (see quotedTail), where the whole text would have kept them.
  if (start === lines.length) for (let i = 0; i < tail.blanksBelow; i++) kept.push('');
  // SUPERCITE needs a ">" in the line: the history is cut off, so the kept lines seldom have one.
  if (text.includes('> ') && kept.some(hasGreaterThan)) {
    const prefixes = supercitePrefixes(kept);
    if (prefixes.size) kept = kept.filter((line) => !prefixes.has(SUPERCITE.exec(line)?.[1] ?? ''));
  }
  kept = kept.slice(0, signatureStart(kept));
  const joined = kept.join('\n');
  return (joined.includes('\n\n\n') ? joined.replace(/\n{3,}/g, '\n\n') : joined).trim();
}
