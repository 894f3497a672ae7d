import type { NormalizedMessage } from '../model/message';
import { headerValue } from './automated';

/**
 * Calendar notices: the mail a calendar writes when someone invites, updates an invitation, or answers one
 * (accept / decline / tentative). A person clicked a button, but the calendar wrote the message, so it says
 * nothing about how fast anyone answers mail: a client accepting our invite within a minute is not a fast
 * reply, an acceptance does not answer the question we are waiting on, and an invitation does not start a
 * conversation. Cancellations and counter-proposals ("New Time Proposed:") are deliberately NOT notices
 * here: they change the plan or ask something of the other side, so they stay turns as before.
 */
export interface CalendarNotice {
  kind: 'response' | 'invitation';
  /** Why, in words a user understands ("calendar response subject", "text/calendar; method=REPLY"). */
  reason: string;
}

// Gateways put tags before the calendar's own subject ("[EXTERNAL] Accepted: ..."): skipped like threading's
// "[tag]" prefixes. Nothing else may come first: "Re: Accepted: Kickoff" is a person writing in the thread.
const LEADING_TAGS = String.raw`^\s*(?:\[[^\]]*\]\s*)*`;
// The calendar's prefix always ends in a colon (French clients put a space before it; CJK clients a
// full-width one). The colon is what separates "Accepted: Kickoff workshop" from "Accepted the offer".
const COLON = String.raw`\s*[:：]`;

// Answers to an invitation, as Outlook and Google Calendar write them in the languages our users' clients
// use. Only whole prefixes that a person would not start a subject with; bare words that could
// ("Provisional:", "Vielleicht:") are left out, since a person's mail wrongly dropped from the turns is worse
// than a calendar answer wrongly kept.
const RESPONSE_SUBJECT = new RegExp(
  LEADING_TAGS +
    '(?:' +
    [
      'accepted',
      'accepted \\(tentatively\\)',
      'tentatively accepted',
      'tentative',
      'declined',
      'angenommen',
      'abgelehnt',
      'mit vorbehalt angenommen',
      'vorläufig angenommen',
      'accepté(?:e)?',
      'accepté(?:e)? provisoirement',
      'refusé(?:e)?',
      'aceptad[oa]',
      'aceptad[oa] provisionalmente',
      'rechazad[oa]',
    ].join('|') +
    ')' +
    COLON,
  'i',
);

// Invitation prefixes that only a calendar writes: an update names itself as one.
const UPDATED_INVITATION_SUBJECT = new RegExp(
  LEADING_TAGS +
    '(?:' +
    [
      'updated invitation(?: with note)?',
      'invitation with note',
      'aktualisierte einladung',
      'invitation mise à jour',
      'invitación actualizada',
    ].join('|') +
    ')' +
    COLON,
  'i',
);

// A bare "Invitation:" is also how a person announces an event ("Invitation: our customer day in June"), so
// it counts only in the shape Google Calendar gives it: "Invitation: <title> @ <date and time> (<address>)",
// i.e. an "@" followed by a date with a digit in it. Outlook invitations carry no prefix at all (their subject
// is the meeting's title): only the headers below can tell those apart.
const INVITATION_SUBJECT = new RegExp(
  LEADING_TAGS + '(?:invitation|einladung|invitación|invito)' + COLON + String.raw`.+\s@\s.*\d`,
  'i',
);

// Plans changing: stays a turn even when the headers say calendar message (see CalendarNotice).
const PLAN_CHANGE_SUBJECT = new RegExp(
  LEADING_TAGS +
    '(?:' +
    [
      'cancell?ed(?: event)?(?: with note)?',
      'new time proposed',
      'abgesagt',
      'neue uhrzeit vorgeschlagen',
      'annulé(?:e)?',
      'nouvelle heure proposée',
      'cancelad[oa]',
      'nueva hora propuesta',
    ].join('|') +
    ')' +
    COLON,
  'i',
);

/**
 * The calendar notice this message is, if any. The message's own signals first, when its source kept them:
 * - `Content-Type: text/calendar; method=REPLY|REQUEST` (iMIP, RFC 6047): the whole message is the calendar
 *   object, as Outlook sends a response without a note. REPLY is an answer, REQUEST an invitation or update;
 *   other methods (CANCEL, COUNTER, ...) are plan changes and stay turns.
 * - `Content-Class: urn:content-classes:calendarmessage`: Exchange marks every meeting message so, including
 *   invitations whose subject is only the meeting's title; cancellations and counter-proposals are told
 *   apart by their subject.
 * Then the subject, anchored at its start (see the patterns above), for sources that keep no such header.
 */
export function detectCalendarNotice(message: Pick<NormalizedMessage, 'subject' | 'headers'>): CalendarNotice | null {
  const subject = message.subject.trim();
  const contentType = headerValue(message.headers, 'Content-Type');
  if (contentType !== undefined && /^\s*text\/calendar\b/i.test(contentType)) {
    const method = /;\s*method\s*=\s*"?([a-z-]+)"?/i.exec(contentType)?.[1]?.toUpperCase();
    if (method === 'REPLY') return { kind: 'response', reason: 'text/calendar; method=REPLY' };
    if (method === 'REQUEST') return { kind: 'invitation', reason: 'text/calendar; method=REQUEST' };
  }
  const contentClass = headerValue(message.headers, 'Content-Class');
  if (contentClass !== undefined && contentClass.trim().toLowerCase() === 'urn:content-classes:calendarmessage' && !PLAN_CHANGE_SUBJECT.test(subject)) {
    return { kind: RESPONSE_SUBJECT.test(subject) ? 'response' : 'invitation', reason: 'Content-Class: calendar message header' };
  }
  if (RESPONSE_SUBJECT.test(subject)) return { kind: 'response', reason: 'calendar response subject' };
  if (UPDATED_INVITATION_SUBJECT.test(subject) || INVITATION_SUBJECT.test(subject)) {
    return { kind: 'invitation', reason: 'calendar invitation subject' };
  }
  return null;
}
