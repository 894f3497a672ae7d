import type { Address } from '@followthrough/shared/model';
import { SelectorMissingError, type MailHost, type MessageSnapshot, type ThreadReadResult } from '../mail-host';
import { addressFromAttributes, createSelectorKit, parseHostTimestamp, visibleTextOf } from '../selector-kit';
import { insertPlainText, isDarkBackground, RESERVED_ATTRIBUTE, reserveRightMargin } from '../host-dom';
import { gmailSelectors } from './selectors';

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

function readMessage(item: Element, index: number, threadId: string, account: string | null): MessageSnapshot {
  const sender = $.require(item, 'sender');
  const from = addressFromAttributes(sender);
  const timeEl = $.require(item, 'time');
  const sentAt = parseHostTimestamp(timeEl.getAttribute('title') ?? timeEl.getAttribute('alt'));
  const partial = !item.matches(gmailSelectors.expandedMessage.css);
  const to: Address[] = [];
  for (const el of $.all(item, 'recipient')) {
    const address = addressFromAttributes(el);
    if (!address) continue;
    // Gmail writes "me" for the signed-in account; the address attribute is still the real one.
    if (address.name === 'me' || (account && address.address === account)) delete address.name;
    to.push(address);
  }
  const bodyEl = partial ? $.one(item, 'snippet') : $.one(item, 'body');
  const text = bodyEl ? visibleTextOf(bodyEl, gmailSelectors.hiddenInBody.css) : '';
  const providerId = item.getAttribute('data-legacy-message-id') ?? item.getAttribute('data-message-id')?.replace(/^#/, '') ?? null;
  return { id: providerId ?? `${threadId}#${index}`, idFromProvider: providerId !== null, from, to, cc: [], sentAt, text, partial };
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
        const threadId = subjectNode.getAttribute('data-legacy-thread-id') ?? subjectNode.getAttribute('data-thread-perm-id') ?? urlThread;
        if (!threadId) throw new SelectorMissingError('gmail.threadSubject[data-legacy-thread-id]');
        const items = $.all(main, 'messageItem');
        if (items.length === 0) throw new SelectorMissingError('gmail.messageItem');
        const account = accountFrom(doc);
        const messages = items.map((item, index) => readMessage(item, index, threadId, account));
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
          },
        };
      } catch (error) {
        if (!(error instanceof SelectorMissingError)) throw error;
        return {
          kind: 'unrecognized',
          host: 'gmail',
          threadId: subjectEl?.getAttribute('data-legacy-thread-id') ?? urlThread,
          subject: subjectEl ? visibleTextOf(subjectEl) : null,
          missing: error.selectorId,
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
  };
}
