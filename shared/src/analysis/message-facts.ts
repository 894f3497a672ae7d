import type { Direction, MessageFacts } from '../model/facts';
import type { NormalizedMessage } from '../model/message';
import type { AnalysisSettings } from '../model/settings';
import { parseAddress, parseAddressList } from './addresses';
import { detectAutomated } from './automated';
import { detectCalendarNotice } from './calendar-notice';
import { isClosingMessage } from './closing-message';
import { resolverFor } from './counterparts';
import { findPromises } from './promises';
import { findRequests } from './requests';
import { findRisks } from './risks';
import { normalizeSubject } from './threading';
import { visibleText } from './visible-text';

function sentAtOf(message: NormalizedMessage): string {
  const ms = Date.parse(message.date);
  if (Number.isNaN(ms)) throw new RangeError(`message ${message.id}: date "${message.date}" is not an ISO 8601 date`);
  return new Date(ms).toISOString();
}

/**
 * Everything the engine keeps about a message, computed once on arrival. This is the ONLY place a body
 * is read: visible text (quoted history, forwards and signature removed) is searched for our promises
 * (outbound), their requests (inbound) and risk language (either way). The result holds snippets only.
 */
export function extractMessageFacts(message: NormalizedMessage, settings: AnalysisSettings): MessageFacts {
  const resolver = resolverFor(settings);
  const from = parseAddress(message.from);
  if (!from) throw new Error(`message ${message.id}: "from" is not an e-mail address: "${message.from}"`);
  const to = parseAddressList(message.to ?? []);
  const cc = parseAddressList(message.cc ?? []);
  const sentAt = sentAtOf(message);
  // Calendar notices (invitations, accept/decline/tentative answers) join automated mail: never a turn, and
  // not contact either. A person's click triggered them, but a person's action is behind every machine-written
  // mail the engine already treats this way (Google Calendar's own calendar-notification@ mail is automated by
  // its sender; an auto-reply fires because someone wrote): only what a person wrote counts as contact
  // (PRODUCT.md: auto-replies do not reset the silence clock). It also keeps an "Updated invitation" our calendar sends on every
  // edit of a series from passing for contact; the meeting itself is contact when logged as a touchpoint.
  // Their bodies are calendar boilerplate, so, like auto-replies, they are not read for promises or risks.
  const automated = detectAutomated(message).automated || detectCalendarNotice(message) !== null;

  const fromKey = resolver.keyOf(from.address);
  let direction: Direction;
  const counterparts: string[] = [];
  if (fromKey === null) {
    for (const a of [...to, ...cc]) {
      const key = resolver.keyOf(a.address);
      if (key !== null && !counterparts.includes(key)) counterparts.push(key);
    }
    direction = counterparts.length > 0 ? 'outbound' : 'internal';
  } else {
    counterparts.push(fromKey);
    direction = 'inbound';
  }

  const facts: MessageFacts = {
    id: message.id,
    subject: message.subject ?? '',
    normalizedSubject: normalizeSubject(message.subject ?? ''),
    sentAt,
    from,
    to,
    cc,
    direction,
    automated,
    counterparts,
    references: [...(message.references ?? [])],
    promises: [],
    requests: [],
    risks: [],
  };
  if (message.threadId) facts.providedThreadId = message.threadId;
  if (message.inReplyTo) facts.inReplyTo = message.inReplyTo;

  // Auto-replies and internal chatter make no promises to clients and carry no client risk.
  if (automated || direction === 'internal') return facts;
  const visible = visibleText(message.text ?? '');
  if (visible.trim() === '') return facts;
  if (direction === 'outbound') {
    facts.promises = findPromises(visible, {
      sentAt,
      timeZone: settings.timeZone,
      workingHours: settings.workingHours,
      defaultWorkingDays: settings.defaultPromiseWorkingDays,
    });
    facts.risks = findRisks(visible, 'us');
  } else {
    facts.requests = findRequests(visible);
    facts.risks = findRisks(visible, 'them');
  }
  if (facts.promises.length === 0 && facts.requests.length === 0 && isClosingMessage(visible)) facts.closing = true;
  return facts;
}
