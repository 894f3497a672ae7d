import { fnv1a64, type Address } from '@followthrough/shared';
import { SelectorMissingError, type MailHost, type MessageSnapshot, type ThreadReadResult } from '../mail-host';
import { createSelectorKit, parseHostTimestamp, visibleTextOf } from '../selector-kit';
import { insertPlainText, isDarkBackground, RESERVED_ATTRIBUTE, reserveRightMargin } from '../host-dom';
import { outlookSelectors } from './selectors';

const $ = createSelectorKit('outlook', outlookSelectors);

/**
 * Conversation URLs: /mail/inbox/id/<id>, /mail/0/inbox/id/<id> (outlook.live.com),
 * /mail/<folder-id>/id/<id>, /mail/deeplink/read/<id>. Ids are URL-encoded base64 (may end in %3D).
 */
const ID_IN_PATH = /\/mail\/(?:\d+\/)?(?:deeplink\/read|[^/]+(?:\/[^/]+)?\/id|id)\/([^/?#]+)/;

function personFrom(element: Element): Address | null {
  const address = element.getAttribute('title')?.trim().toLowerCase();
  if (!address || !address.includes('@')) return null;
  const name = element.textContent?.trim();
  return name && name.toLowerCase() !== address ? { name, address } : { address };
}

function readMessage(item: Element, index: number, threadId: string): MessageSnapshot {
  const from = personFrom($.require(item, 'sender'));
  const timeEl = $.require(item, 'time');
  const sentAt = parseHostTimestamp(timeEl.getAttribute('datetime') ?? timeEl.getAttribute('title') ?? timeEl.textContent);
  const body = $.one(item, 'body');
  const partial = body === null;
  const textEl = body ?? $.one(item, 'preview');
  const people = (key: 'toRecipient' | 'ccRecipient') => $.all(item, key).map(personFrom).filter((a): a is Address => a !== null);
  // Outlook puts no message id in the reading pane. Sender + time (+ position for messages without
  // either) identify a message within its conversation and stay stable across re-reads.
  const id = `owa-${fnv1a64(`${threadId}|${from?.address ?? ''}|${sentAt ?? index}`)}`;
  return {
    id,
    idFromProvider: false,
    from,
    to: people('toRecipient'),
    cc: people('ccRecipient'),
    sentAt,
    text: textEl ? visibleTextOf(textEl, outlookSelectors.hiddenInBody.css) : '',
    partial,
  };
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
      const threadId = $.one(doc, 'selectedRow')?.getAttribute('data-convid') ?? urlId;
      try {
        const readingPane = $.require(doc, 'readingPane');
        const subject = $.require(readingPane, 'threadSubject');
        $.require(readingPane, 'conversation');
        if (!threadId) throw new SelectorMissingError('outlook.selectedRow[data-convid]');
        const items = $.all(readingPane, 'messageItem');
        if (items.length === 0) throw new SelectorMissingError('outlook.messageItem');
        const accountText = $.one(doc, 'account')?.textContent?.trim().toLowerCase() ?? null;
        return {
          kind: 'thread',
          snapshot: {
            host: 'outlook',
            threadId,
            subject: visibleTextOf(subject),
            messages: items.map((item, index) => readMessage(item, index, threadId)),
            account: accountText && accountText.includes('@') ? accountText : null,
            link: urlId ? `${url.origin}/mail/deeplink/read/${encodeURIComponent(urlId)}` : url.href,
            // Made-up ids (see readMessage): the page is read locally but never pushed to the server.
            messageIdsAreStable: false,
          },
        };
      } catch (error) {
        if (!(error instanceof SelectorMissingError)) throw error;
        return {
          kind: 'unrecognized',
          host: 'outlook',
          threadId,
          subject: subjectEl ? visibleTextOf(subjectEl) : null,
          missing: error.selectorId,
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
      return reserveRightMargin(pane, width);
    },
    insertIntoReply(doc, text) {
      const box = $.one(doc, 'replyBox');
      return box ? insertPlainText(box as HTMLElement, text) : false;
    },
  };
}
