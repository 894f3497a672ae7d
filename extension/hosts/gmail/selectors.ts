import type { FixtureExpectations, SelectorTable } from '../selector-kit';

/**
 * Every Gmail selector, in one place. Gmail's class names are obfuscated but have been stable for
 * years (gmail.js and InboxSDK rely on the same ones); attributes (email, name, data-*) are preferred
 * where Gmail provides them. When Gmail changes, fix it here and in the dated fixtures next to it.
 */
export const gmailSelectors = {
  /** The white column around the main region (thread or list): narrowed to make room for the sidebar. */
  contentColumn: { css: 'div.bkK', required: false, finds: 'the column holding the main region' },
  /** The conversation view's main region. */
  main: { css: 'div[role="main"]', required: true, finds: 'the main region (thread view or list)' },
  /** Subject heading; carries the thread ids. */
  threadSubject: { css: 'h2.hP', required: true, finds: 'the open thread subject heading' },
  /** One per message in the thread, expanded or collapsed ("div.h7" wrappers hold both kinds). */
  messageItem: { css: 'div.adn, div.kv', required: true, finds: 'message containers (expanded .adn, collapsed .kv)' },
  expandedMessage: { css: 'div.adn', required: false, finds: 'expanded messages' },
  collapsedMessage: { css: 'div.kv', required: false, finds: 'collapsed messages (sender + snippet only)' },
  sender: { css: 'span.gD[email]', required: true, finds: 'the sender of a message, email in the attribute' },
  recipient: { css: 'span.g2[email]', required: false, finds: 'To/Cc recipients of an expanded message' },
  time: { css: 'span.g3', required: true, finds: 'message time; absolute time in title/alt' },
  body: { css: 'div.a3s', required: false, finds: 'the body of an expanded message' },
  snippet: { css: '.iA.g6', required: false, finds: 'the snippet line of a collapsed message' },
  /** Quoted history Gmail hid behind "…" and signatures it trims: not visible, not read. */
  hiddenInBody: { css: '.gmail_quote, .h5, .adL .im', required: false, finds: 'quoted or trimmed content inside a body' },
  /** "3 older messages" bar: those messages are not on the page at all. */
  olderMessagesCount: { css: 'span.adx', required: false, finds: 'the count of folded older messages' },
  /** Thread list rows: a list is open, not a thread. */
  listRow: { css: 'tr.zA', required: false, finds: 'rows of the thread list' },
  /** Account switcher: "Google Account: Name (address)". */
  account: { css: 'a[aria-label^="Google Account:"]', required: false, finds: 'the signed-in account' },
  replyBox: { css: 'div[contenteditable="true"][role="textbox"][aria-label="Message Body"]', required: false, finds: 'an open reply/compose body' },
} as const satisfies SelectorTable<string>;

export type GmailSelectorKey = keyof typeof gmailSelectors;

/** How many elements each selector matches on each saved page (file names are dated captures). */
export const gmailFixtureExpectations: FixtureExpectations<GmailSelectorKey> = {
  '2026-11-thread-conversation.html': {
    contentColumn: 1, main: 1, threadSubject: 1, messageItem: 5, expandedMessage: 3, collapsedMessage: 2, sender: 5,
    recipient: 5, time: 5, body: 3, snippet: 2, hiddenInBody: 4, olderMessagesCount: 1, listRow: 0,
    account: 1, replyBox: 1,
  },
  '2026-11-thread-single-message.html': {
    contentColumn: 1, main: 1, threadSubject: 1, messageItem: 1, expandedMessage: 1, collapsedMessage: 0, sender: 1,
    recipient: 2, time: 1, body: 1, snippet: 0, hiddenInBody: 0, olderMessagesCount: 0, listRow: 0,
    account: 1, replyBox: 0,
  },
  '2026-11-inbox-list.html': {
    contentColumn: 1, main: 1, threadSubject: 0, messageItem: 0, sender: 0, time: 0, body: 0, listRow: 4, account: 1,
  },
  '2026-11-unrecognized-layout.html': {
    contentColumn: 0, main: 1, threadSubject: 0, messageItem: 0, sender: 0, time: 0, body: 0, listRow: 0, account: 1,
  },
  '2026-11-thread-hostile.html': {
    contentColumn: 1, main: 1, threadSubject: 1, messageItem: 2, expandedMessage: 2, sender: 2, time: 2, body: 2, account: 1,
  },
};
