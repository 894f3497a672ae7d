import type { Address } from '@followthrough/shared/model';
import { SelectorMissingError, type MailHost, type MessagePart, type MessageSnapshot, type ThreadReadResult } from '../mail-host';
import { addressFromAttributes, createSelectorKit, visibleTextOf } from '../selector-kit';
import { numericDateOrder, parseHostTimestamp, type DateReadHints } from '../host-dates';
import { insertPlainText, isDarkBackground, outermost, RESERVED_ATTRIBUTE, reserveRightMargin } from '../host-dom';
import { layoutReport } from '../layout-report';
import { gmailSelectors, type GmailSelectorKey } from './selectors';

const $ = createSelectorKit('gmail', gmailSelectors);

/**
 * Gmail thread URLs end in a thread token after a view: #inbox/<id>, #label/Clients/<id>,
 * #search/renewal/<id>, #sent/<id>. Tokens are either the legacy hex id or the newer FMfcg… form.
 */
const THREAD_IN_HASH = /^#(?:inbox|all|sent|starred|imp|snoozed|drafts|spam|trash|category\/[^/]+|label\/[^/]+|search\/[^/]+|advanced-search\/[^/]+)\/([A-Za-z0-9_-]{16,})(?:[/?].*)?$/;

function accountFrom(doc: Document): string | null {
  const label = $.one(doc, 'account')?.getAttribute('aria-label') ?? '';
  const fromLabel = /\(([^()\s]+@[^()\s]+)\)/.exec(label)?.[1];
  if (fromLabel) return fromLabel.toLowerCase();
  // The tab title is "<view> - <address> - <product>" in every Gmail locale.
  const fromTitle = / - ([^\s@]+@[^\s@]+) - /.exec(doc.title)?.[1];
  return fromTitle ? fromTitle.toLowerCase() : null;
}

function dateHints(doc: Document): DateReadHints {
  const language = doc.documentElement.getAttribute('lang') || doc.defaultView?.navigator.language || null;
  return { numericOrder: numericDateOrder(language) };
}

/** File names on the attachment chips; Gmail's download_url ("mime:name:url") when the name span is gone. */
function attachmentsOf(item: Element): string[] {
  const names = $.all(item, 'attachmentName').map((el) => el.textContent?.trim() ?? '').filter(Boolean);
  if (names.length > 0) return names;
  const fromUrls: string[] = [];
  for (const chip of Array.from(item.querySelectorAll('[download_url]'))) {
    const name = chip.getAttribute('download_url')?.split(':')[1];
    if (!name) continue;
    try {
      fromUrls.push(decodeURIComponent(name));
    } catch {
      fromUrls.push(name);
    }
  }
  return fromUrls;
}

function readMessage(item: Element, index: number, threadId: string, account: string | null, hints: DateReadHints): MessageSnapshot {
  const unread: MessagePart[] = [];
  const senderEl = $.one(item, 'sender');
  const from = senderEl ? addressFromAttributes(senderEl) : null;
  if (!from) unread.push('sender');
  const timeEl = $.one(item, 'time');
  const sentAt = timeEl ? parseHostTimestamp(timeEl.getAttribute('title') ?? timeEl.getAttribute('alt') ?? timeEl.textContent, hints) : null;
  if (!sentAt) unread.push('time');
  const bodyEl = $.one(item, 'body');
  const partial = bodyEl === null || item.matches(gmailSelectors.collapsedMessage.strategies[0].css);
  const to: Address[] = [];
  if (!partial) {
    for (const el of $.all(item, 'recipient')) {
      const address = addressFromAttributes(el);
      if (!address || to.some((a) => a.address === address.address)) continue;
      // Gmail writes "me" for the signed-in account (translated); the address attribute is still the real one.
      if (address.name === 'me' || (account && address.address === account)) delete address.name;
      to.push(address);
    }
  }
  const textEl = partial ? $.one(item, 'snippet') : bodyEl;
  const text = textEl ? visibleTextOf(textEl, gmailSelectors.hiddenInBody.strategies[0].css) : '';
  const idEl = item.matches('[data-legacy-message-id], [data-message-id]') ? item : item.querySelector('[data-legacy-message-id], [data-message-id]');
  const providerId = idEl?.getAttribute('data-legacy-message-id') ?? idEl?.getAttribute('data-message-id')?.replace(/^#(?:msg-[a-z]:)?/, '') ?? null;
  return {
    id: providerId ?? `${threadId}#${index}`,
    idFromProvider: idEl?.hasAttribute('data-legacy-message-id') ?? false,
    from,
    to,
    cc: [],
    sentAt,
    text,
    partial,
    attachments: partial ? [] : attachmentsOf(item),
    unread,
  };
}

/** "2" older messages: the number Gmail prints on the fold (digits in every language). */
function foldOf(main: Element, items: Element[]): { count: number; after: number | null } {
  const countEl = $.one(main, 'foldedCount');
  const count = Number.parseInt((countEl?.textContent ?? '').replace(/\D+/g, ''), 10);
  if (!countEl || !Number.isFinite(count) || count <= 0) return { count: 0, after: null };
  // The fold sits between messages: after every message that precedes it in the document.
  const after = items.filter((item) => item.compareDocumentPosition(countEl) & Node.DOCUMENT_POSITION_FOLLOWING).length;
  return { count, after };
}

function findings(doc: Document): string[] {
  const lines: string[] = [];
  const main = $.one(doc, 'main') ?? doc;
  for (const key of Object.keys(gmailSelectors) as GmailSelectorKey[]) {
    const { elements, strategy } = $.allWith(key === 'account' || key === 'contentColumn' || key === 'main' ? doc : main, key);
    const total = gmailSelectors[key].strategies.length;
    lines.push(strategy < 0 ? `${key}: not found (${total} strategies tried)` : `${key}: ${elements.length} by strategy ${strategy + 1} of ${total}`);
  }
  return lines;
}

export function createGmailHost(): MailHost {
  return {
    name: 'gmail',
    label: 'Gmail',
    threadIdFromUrl(url) {
      return THREAD_IN_HASH.exec(url.hash)?.[1] ?? null;
    },
    readThread(doc, url): ThreadReadResult {
      const urlThread = this.threadIdFromUrl(url);
      const subjectEl = $.one(doc, 'threadSubject');
      if (!urlThread && !subjectEl) return { kind: 'none' };
      try {
        const main = $.require(doc, 'main');
        const subjectNode = $.require(main, 'threadSubject');
        // The legacy hex id is the Gmail API thread id: the same key the server stores for synced mail.
        const threadId = subjectNode.getAttribute('data-legacy-thread-id') ?? subjectNode.getAttribute('data-thread-perm-id')?.replace(/^thread-[a-z]:/, '') ?? urlThread;
        if (!threadId) throw new SelectorMissingError('gmail.threadSubject[data-legacy-thread-id]', 'the conversation id');
        const items = outermost($.mostWith(main, 'messageItem').elements);
        if (items.length === 0) throw $.missing('messageItem');
        const account = accountFrom(doc);
        const hints = dateHints(doc);
        const messages = items.map((item, index) => readMessage(item, index, threadId, account, hints));
        // Not one message whose sender and time we could read: the layout is not one we know.
        if (!messages.some((m) => m.unread.length === 0)) {
          throw $.missing(messages.every((m) => m.unread.includes('sender')) ? 'sender' : 'time');
        }
        const fold = foldOf(main, items);
        return {
          kind: 'thread',
          snapshot: {
            host: 'gmail',
            threadId,
            subject: visibleTextOf(subjectNode),
            messages,
            account,
            link: `https://mail.google.com/mail/u/0/#all/${threadId}`,
            messageIdsAreStable: messages.every((m) => m.idFromProvider),
            foldedCount: fold.count,
            foldedAfter: fold.after,
          },
        };
      } catch (error) {
        if (!(error instanceof SelectorMissingError)) throw error;
        return {
          kind: 'unrecognized',
          host: 'gmail',
          threadId: subjectEl?.getAttribute('data-legacy-thread-id') ?? urlThread,
          subject: subjectEl ? visibleTextOf(subjectEl) : null,
          missing: [{ id: error.selectorId, finds: error.finds }],
        };
      }
    },
    isDarkTheme(doc) {
      return isDarkBackground(doc.body);
    },
    reserveSidebarSpace(doc, width) {
      // The column holding the thread (Gmail's white card); the main region itself when it is missing.
      const column = $.one(doc, 'contentColumn') ?? $.one(doc, 'main');
      if (!(column instanceof HTMLElement)) return null;
      if (column.hasAttribute(RESERVED_ATTRIBUTE)) return null;
      return reserveRightMargin(column, width);
    },
    insertIntoReply(doc, text) {
      const box = $.one(doc, 'replyBox');
      return box ? insertPlainText(box as HTMLElement, text) : false;
    },
    layoutReport(doc, url) {
      return layoutReport({
        host: 'Gmail',
        url,
        findings: findings(doc),
        region: $.one(doc, 'main') ?? doc.body,
        language: doc.documentElement.getAttribute('lang'),
      });
    },
  };
}
