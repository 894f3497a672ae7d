import { fnv1a64, type Address } from '@followthrough/shared';
import { SelectorMissingError, type MailHost, type MessagePart, type MessageSnapshot, type ThreadReadResult } from '../mail-host';
import { addressIn, createSelectorKit, visibleTextOf } from '../selector-kit';
import { numericDateOrder, parseHostTimestamp, type NumericDateOrder } from '../host-dates';
import { insertPlainText, isDarkBackground, outermost, RESERVED_ATTRIBUTE, reserveRightMargin } from '../host-dom';
import { layoutReport } from '../layout-report';
import { afterLabel, OUTLOOK_LABELS } from '../ui-labels';
import { outlookSelectors, type OutlookSelectorKey } from './selectors';

const $ = createSelectorKit('outlook', outlookSelectors);

/**
 * Conversation URLs: /mail/inbox/id/<id>, /mail/0/inbox/id/<id> (outlook.live.com),
 * /mail/<folder-id>/id/<id>, /mail/deeplink/read/<id> (also the popped-out reading window, with
 * ?popoutv2=1), /mail/id/<id>. Ids are URL-encoded base64 (may end in %3D).
 */
const ID_IN_PATH = /\/mail\/(?:\d+\/)?(?:deeplink\/read|[^/]+(?:\/[^/]+)?\/id|id)\/([^/?#]+)/;

/**
 * One element per message: each anchor (the message's time, or its body) widened to the largest
 * element around it that holds no other anchor, so the header, recipients and body of one message
 * are read together whatever wrappers this build of Outlook puts around them. Label and list-item
 * strategies name the message element itself.
 */
/** Strategies of outlookSelectors.messageItem that find a part of each message (its time, its body). */
const ANCHOR_STRATEGIES = new Set([0, 2]);

function holdsAddress(element: Element): boolean {
  return element.querySelector('[title*="@"], [id$="_FROM"]') !== null;
}

function messageElements(pane: Element): { items: Element[]; strategy: number } {
  const found = $.mostWith(pane, 'messageItem');
  const strategy = found.strategy;
  const elements = strategy === 1 ? outermost(found.elements.filter(holdsAddress)) : found.elements;
  if (!ANCHOR_STRATEGIES.has(strategy)) return { items: outermost(elements), strategy };
  const anchorsInside = new Map<Element, number>();
  for (const anchor of elements) {
    for (let node = anchor.parentElement; node && node !== pane; node = node.parentElement) {
      anchorsInside.set(node, (anchorsInside.get(node) ?? 0) + 1);
    }
  }
  const items = elements.map((anchor) => {
    let widest: Element = anchor;
    for (let node = anchor.parentElement; node && node !== pane && anchorsInside.get(node) === 1; node = node.parentElement) {
      // The subject heading belongs to the conversation, not to its first message.
      if ($.one(node, 'threadSubject')) break;
      widest = node;
    }
    return widest;
  });
  return { items: [...new Set(items)], strategy };
}

function personFrom(element: Element): Address | null {
  const address = addressIn(element.getAttribute('title')) ?? addressIn(element.getAttribute('aria-label')) ?? addressIn(element.textContent);
  if (!address) return null;
  const label = element.getAttribute('aria-label');
  const name = (label ? afterLabel(label, OUTLOOK_LABELS.from) : null)?.replace(/<[^>]*>/g, '').trim() || element.textContent?.replace(/<[^>]*>/g, '').trim();
  return name && name.toLowerCase() !== address && !name.includes('@') ? { name, address } : { address };
}

function isInside(element: Element, containers: readonly Element[]): boolean {
  return containers.some((container) => container !== element && container.contains(element));
}

/** Day/month order for the whole thread: a date with a day over 12 settles it, else the page language. */
function threadDateOrder(texts: readonly string[], pageLanguage: string | null): NumericDateOrder | null {
  for (const text of texts) {
    const numeric = /(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*\d{4}/.exec(text);
    if (!numeric) continue;
    if (Number(numeric[1]) > 12) return 'day-first';
    if (Number(numeric[2]) > 12) return 'month-first';
  }
  return numericDateOrder(pageLanguage);
}

function timeText(element: Element): string {
  return element.getAttribute('datetime') ?? element.getAttribute('title') ?? element.textContent ?? '';
}

/** The first time element of the header that reads as a whole date (titles of other elements are skipped). */
function timeElement(item: Element, order: NumericDateOrder | null): Element | null {
  const body = $.one(item, 'body');
  const { elements } = $.allWith(item, 'time');
  return elements.find((el) => !(body?.contains(el) ?? false) && parseHostTimestamp(timeText(el), { numericOrder: order }) !== null) ?? null;
}

function timeOf(item: Element, order: NumericDateOrder | null): string | null {
  const el = timeElement(item, order);
  return el ? parseHostTimestamp(timeText(el), { numericOrder: order }) : null;
}

interface ReadContext {
  threadId: string;
  order: NumericDateOrder | null;
}

function readMessage(item: Element, index: number, context: ReadContext): MessageSnapshot {
  const unread: MessagePart[] = [];
  const body = $.one(item, 'body');
  const insideBody = (el: Element) => body !== null && body.contains(el);
  // Where Outlook marks the sender's block (MSG_…_FROM), only that block is searched: a name-only
  // sender (a colleague shown without an address) is then unread, never mistaken for a recipient.
  const fromBlock = item.querySelector('[id$="_FROM"]');
  const senderCandidates = $.all(fromBlock ?? item, 'sender').filter((el) => !insideBody(el));
  const from = senderCandidates.length > 0 ? personFrom(senderCandidates[0]!) : null;
  if (!from) unread.push('sender');
  const sentAt = timeOf(item, context.order);
  if (!sentAt) unread.push('time');
  const partial = body === null;
  const people = (key: 'toRecipient' | 'ccRecipient') =>
    $.all(item, key).filter((el) => !insideBody(el)).map(personFrom).filter((a): a is Address => a !== null);
  let to = partial ? [] : people('toRecipient');
  const cc = partial ? [] : people('ccRecipient');
  if (!partial && to.length === 0 && cc.length === 0) {
    // No labelled recipient well (an unknown language): every other address of the header is a recipient.
    to = Array.from(item.querySelectorAll('[title*="@"]'))
      .filter((el) => !insideBody(el) && el !== senderCandidates[0] && !isInside(el, senderCandidates))
      .map(personFrom)
      .filter((a): a is Address => a !== null && a.address !== from?.address);
  }
  let text = '';
  if (body) {
    text = visibleTextOf(body, outlookSelectors.hiddenInBody.strategies[0].css);
  } else {
    // A collapsed header shows sender, time and a one-line preview: the preview is what is left.
    const clone = item.cloneNode(true) as Element;
    for (const part of Array.from(clone.querySelectorAll('[title*="@"], [data-testid="SentReceivedSavedTime"], time, button, [role="button"], [aria-hidden="true"]'))) part.remove();
    text = visibleTextOf(clone);
  }
  // Outlook puts no message id in the reading pane. Sender + time (+ position for messages without
  // either) identify a message within its conversation and stay stable across re-reads.
  const id = `owa-${fnv1a64(`${context.threadId}|${from?.address ?? ''}|${sentAt ?? index}`)}`;
  const attachments = partial ? [] : $.all(item, 'attachmentName').map((el) => el.getAttribute('title')?.trim() || el.textContent?.trim() || '').filter(Boolean);
  return { id, idFromProvider: false, from, to, cc, sentAt, text, partial, attachments, unread };
}

/** The Graph conversation id of the selected list row (direct, or the listbox's active descendant). */
function conversationIdFrom(doc: Document): string | null {
  const found = $.first(doc, 'activeRow');
  if (!found) return null;
  if (found.element.hasAttribute('data-convid')) return found.element.getAttribute('data-convid');
  const activeId = found.element.getAttribute('aria-activedescendant');
  const row = activeId ? doc.getElementById(activeId) : null;
  return row?.closest('[data-convid]')?.getAttribute('data-convid') ?? null;
}

/** An address in the element's title, label or any one of its texts (texts are not run together). */
function addressOnElement(element: Element): string | null {
  const direct = addressIn(element.getAttribute('title')) ?? addressIn(element.getAttribute('aria-label'));
  if (direct) return direct;
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const address = addressIn(node.nodeValue);
    if (address) return address;
  }
  return null;
}

function accountFrom(doc: Document): string | null {
  for (const el of outlookSelectors.account.strategies.flatMap((s) => Array.from(doc.querySelectorAll(s.css)))) {
    const address = addressOnElement(el);
    if (address) return address;
  }
  return null;
}

/**
 * Oldest first, whatever the user's "newest on top" setting: when the readable times run backwards
 * down the page, the page is newest-on-top and is reversed (unreadable messages keep their place).
 */
function chronological(messages: MessageSnapshot[]): MessageSnapshot[] {
  const timed = messages.filter((m) => m.sentAt !== null).map((m) => Date.parse(m.sentAt!));
  if (timed.length >= 2 && timed[0]! > timed[timed.length - 1]!) return [...messages].reverse();
  return messages;
}

function findings(doc: Document, pane: Element | null): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(outlookSelectors) as OutlookSelectorKey[]) {
    const scope = key === 'readingPane' || key === 'account' || key === 'activeRow' ? doc : (pane ?? doc);
    const { elements, strategy } = $.allWith(scope, key);
    const total = outlookSelectors[key].strategies.length;
    lines.push(strategy < 0 ? `${key}: not found (${total} strategies tried)` : `${key}: ${elements.length} by strategy ${strategy + 1} of ${total}`);
  }
  return lines;
}

export function createOutlookHost(): MailHost {
  return {
    name: 'outlook',
    label: 'Outlook',
    threadIdFromUrl(url) {
      const raw = ID_IN_PATH.exec(url.pathname)?.[1];
      if (!raw) return null;
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    },
    readThread(doc, url): ThreadReadResult {
      const urlId = this.threadIdFromUrl(url);
      const pane = $.one(doc, 'readingPane');
      const subjectEl = pane ? $.one(pane, 'threadSubject') : null;
      if (!urlId && !subjectEl) return { kind: 'none' };
      if (pane && $.one(pane, 'emptyPane') && !subjectEl) return { kind: 'none' };
      // The list row's conversation id is Graph's conversationId: the key synced mail is stored under.
      const threadId = conversationIdFrom(doc) ?? urlId;
      try {
        const readingPane = $.require(doc, 'readingPane');
        const subject = $.require(readingPane, 'threadSubject');
        if (!threadId) throw new SelectorMissingError('outlook.activeRow[data-convid]', 'the conversation id');
        const { items } = messageElements(readingPane);
        if (items.length === 0) throw $.missing('messageItem');
        const timeTexts = items.flatMap((item) => $.all(item, 'time')).map(timeText);
        const context: ReadContext = { threadId, order: threadDateOrder(timeTexts, doc.documentElement.getAttribute('lang')) };
        const messages = chronological(items.map((item, index) => readMessage(item, index, context)));
        if (!messages.some((m) => m.unread.length === 0)) {
          throw $.missing(messages.every((m) => m.unread.includes('sender')) ? 'sender' : 'time');
        }
        return {
          kind: 'thread',
          snapshot: {
            host: 'outlook',
            threadId,
            subject: (subject.getAttribute('title') ?? '').trim() || visibleTextOf(subject),
            messages,
            account: accountFrom(doc),
            link: urlId ? `${url.origin}/mail/deeplink/read/${encodeURIComponent(urlId)}` : url.href,
            // Made-up ids (see readMessage): the page is read locally but never pushed to the server.
            messageIdsAreStable: false,
            foldedCount: 0,
            foldedAfter: null,
          },
        };
      } catch (error) {
        if (!(error instanceof SelectorMissingError)) throw error;
        return {
          kind: 'unrecognized',
          host: 'outlook',
          threadId,
          subject: subjectEl ? visibleTextOf(subjectEl) : null,
          missing: [{ id: error.selectorId, finds: error.finds }],
        };
      }
    },
    isDarkTheme(doc) {
      return isDarkBackground($.one(doc, 'readingPane') ?? doc.body);
    },
    reserveSidebarSpace(doc, width) {
      // The reading pane is the last column of the main flex row: narrowing it leaves the list as is.
      const pane = $.one(doc, 'readingPane');
      if (!(pane instanceof HTMLElement)) return null;
      if (pane.hasAttribute(RESERVED_ATTRIBUTE)) return null;
      const view = doc.defaultView;
      if (view && view.location.hostname === 'outlook.live.com') {
        // outlook.live.com keeps a column of ads right of the reading pane. The sidebar takes that
        // column's place instead of squeezing the pane by its full width on top of it.
        const rightOfPane = Math.max(0, view.innerWidth - pane.getBoundingClientRect().right);
        return reserveRightMargin(pane, Math.max(0, Math.round(width - rightOfPane)));
      }
      return reserveRightMargin(pane, width);
    },
    insertIntoReply(doc, text) {
      const box = $.one(doc, 'replyBox');
      return box ? insertPlainText(box as HTMLElement, text) : false;
    },
    layoutReport(doc, url) {
      const pane = $.one(doc, 'readingPane');
      return layoutReport({ host: 'Outlook', url, findings: findings(doc, pane), region: pane ?? doc.body, language: doc.documentElement.getAttribute('lang') });
    },
  };
}

