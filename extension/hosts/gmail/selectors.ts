import type { FixtureExpectations, SelectorTable } from '../selector-kit';
import { GMAIL_LABELS, labelSelector } from '../ui-labels';

/**
 * Every Gmail selector, in one place, each element with several strategies tried in order and the
 * evidence for each: two public libraries that drive the live Gmail page today.
 * - InboxSDK/InboxSDK at a8a6fe2c9e69b0e70dbdc5c03fea517644e9e3e9 (2026-07-23), paths under
 *   src/platform-implementation-js/dom-driver/gmail/ ("IS <file>:<line>").
 * - KartikTalwar/gmail.js at b7dfdabc19060721426e93dba85b3f6b6d60a211 (2026-03-25), src/gmail.js
 *   ("GJ <line>").
 * Gmail's class names are obfuscated but have been stable for years (both libraries rely on the same
 * ones); attributes (email, name, data-*) and roles are preferred where Gmail provides them. The dated
 * fixtures next to this file are rebuilt from these shapes (fixtures/README.md).
 */
const IS = (file: string, line: number | string) => `InboxSDK/InboxSDK@a8a6fe2c ${file}:${line}`;
const GJ = (line: number | string) => `KartikTalwar/gmail.js@b7dfdabc src/gmail.js:${line}`;

export const gmailSelectors = {
  /** The white column around the main region (thread or list): narrowed to make room for the sidebar. */
  contentColumn: {
    finds: 'the column that holds the conversation',
    required: false,
    strategies: [{ css: 'div.nH.bkK', evidence: IS('views/gmail-thread-view.ts', 785) }],
  },
  main: {
    finds: 'the main region of the page',
    required: true,
    strategies: [{ css: 'div[role="main"]', evidence: `${GJ(316)}; ${IS('gmail-element-getter.ts', 408)}` }],
  },
  /** Subject heading; carries the thread ids. */
  threadSubject: {
    finds: 'the conversation subject',
    required: true,
    strategies: [
      { css: 'h2[data-legacy-thread-id]', evidence: `${GJ(513)}; ${IS('views/gmail-thread-view.ts', 553)}` },
      { css: 'h2.hP', evidence: GJ(4504) },
      { css: '.ha h2', evidence: IS('views/gmail-thread-view.ts', 520) },
    ],
  },
  /** One per message on the page, expanded or collapsed. */
  messageItem: {
    finds: 'the messages of the conversation',
    required: true,
    strategies: [
      { css: 'div.adn, div.kv', evidence: `${GJ(4503)} (div.adn); ${IS('views/gmail-message-view.ts', 713)} (kv = collapsed)` },
      { css: '[role="list"] [data-legacy-message-id]', evidence: `${IS('views/gmail-thread-view.ts', 299)} ([role=list]); ${IS('views/gmail-message-view.ts', 481)}` },
      { css: '[role="list"] [data-message-id]', evidence: `${IS('views/gmail-message-view.ts', 123)}; ${GJ(4553)}` },
    ],
  },
  /** A message collapsed to sender, snippet and date. */
  collapsedMessage: {
    finds: 'collapsed messages',
    required: false,
    strategies: [{ css: 'div.kv', evidence: IS('views/gmail-message-view.ts', 713) }],
  },
  sender: {
    finds: 'the sender of each message',
    required: true,
    strategies: [
      { css: 'span.gD[email]', evidence: GJ(4460) },
      { css: 'td.gF span[email]', evidence: IS('views/gmail-message-view.ts', 226) },
      { css: 'h3 span[email]', evidence: IS('views/gmail-message-view.ts', 939) },
    ],
  },
  recipient: {
    finds: 'the recipients of an expanded message',
    required: false,
    strategies: [
      { css: 'span.g2[email]', evidence: GJ(4461) },
      { css: '.hb span[email]', evidence: IS('views/gmail-message-view.ts', 240) },
    ],
  },
  /** Message time; the absolute time is in the title (localized: "Mo., 2. März 2026, 09:00"). */
  time: {
    finds: 'the time of each message',
    required: true,
    strategies: [
      { css: 'span.g3[title]', evidence: GJ(4463) },
      { css: '.gK .g3', evidence: IS('views/gmail-message-view.ts', 294) },
      { css: 'td.gH span[title]', evidence: `${IS('views/gmail-message-view.ts', 615)} (td.gH holds the date)` },
    ],
  },
  body: {
    finds: 'the text of an expanded message',
    required: false,
    strategies: [
      { css: 'div.a3s', evidence: GJ(4459) },
      { css: 'div.ii.gt', evidence: IS('views/gmail-message-view.ts', 210) },
    ],
  },
  snippet: {
    finds: 'the one-line preview of a collapsed message',
    required: false,
    strategies: [{ css: '.iA.g6', evidence: 'no public driver reads it; our 2026-11 fixture (hand-built)' }],
  },
  /** Quoted history Gmail hid behind "…" and signatures it trims: not visible, not read. */
  hiddenInBody: {
    finds: 'quoted history inside a message',
    required: false,
    strategies: [{ css: '.gmail_quote, .h5, .adL .im', evidence: 'Gmail\'s quote markup (class gmail_quote, in every message it sends)' }],
  },
  /** "3 older messages": the count of messages Gmail folded away (not on the page at all). */
  foldedCount: {
    finds: 'the count of folded older messages',
    required: false,
    strategies: [
      { css: '.adv .adx span', evidence: `${IS('views/gmail-thread-view.ts', 392)}; ${IS('views/gmail-thread-view.ts', 475)}` },
      { css: 'span.adx', evidence: 'our 2026-11 fixture' },
    ],
  },
  /** Attachment chips of an expanded message: the file name is all we read. */
  attachmentName: {
    finds: 'attachment names',
    required: false,
    strategies: [
      { css: 'span.aZo .aV3', evidence: `${GJ(4402)}; ${GJ(4465)}; ${IS('views/gmail-attachment-card-view.ts', 137)}` },
      { css: 'span.aZo .aQA > span', evidence: IS('views/gmail-attachment-card-view.ts', 215) },
    ],
  },
  /** Thread list rows: a list is open, not a thread. */
  listRow: {
    finds: 'rows of the thread list',
    required: false,
    strategies: [{ css: 'tr.zA', evidence: GJ(3954) }],
  },
  /** The account switcher; its label holds "(address)" in every language. */
  account: {
    finds: 'the signed-in account',
    required: false,
    strategies: [
      { css: 'header[role="banner"] a[href*="SignOutOptions"][aria-label*="@"]', evidence: 'the account button links to SignOutOptions in every UI language; our 2026-11 fixture' },
      { css: labelSelector('aria-label', GMAIL_LABELS.googleAccount, 'prefix', 'a{}'), evidence: 'label "Google Account:" in 8 languages (ui-labels.ts)' },
    ],
  },
  replyBox: {
    finds: 'an open reply box',
    required: false,
    strategies: [
      { css: 'div[contenteditable="true"][role="textbox"].editable', evidence: `${GJ(4257)} (contenteditable body)` },
      { css: labelSelector('aria-label', GMAIL_LABELS.messageBody, 'exact', 'div[contenteditable="true"]{}'), evidence: 'label "Message Body" in 8 languages (ui-labels.ts)' },
    ],
  },
} as const satisfies SelectorTable<string>;

export type GmailSelectorKey = keyof typeof gmailSelectors;

/**
 * How many elements each element's winning strategy matches on each saved page. Old (2026-11,
 * hand-built) and new (2026-12, rebuilt from the evidence above) variants are kept side by side.
 */
export const gmailFixtureExpectations: FixtureExpectations<GmailSelectorKey> = {
  '2026-11-thread-conversation.html': {
    contentColumn: 1, main: 1, threadSubject: 1, messageItem: 5, collapsedMessage: 2, sender: 5,
    recipient: 5, time: 5, body: 3, snippet: 2, hiddenInBody: 4, foldedCount: 1, listRow: 0,
    account: 1, replyBox: 1,
  },
  '2026-11-thread-single-message.html': {
    contentColumn: 1, main: 1, threadSubject: 1, messageItem: 1, collapsedMessage: 0, sender: 1,
    recipient: 2, time: 1, body: 1, snippet: 0, hiddenInBody: 0, foldedCount: 0, listRow: 0,
    account: 1, replyBox: 0,
  },
  '2026-11-inbox-list.html': {
    contentColumn: 1, main: 1, threadSubject: 0, messageItem: 0, sender: 0, time: 0, body: 0, listRow: 4, account: 1,
  },
  '2026-11-unrecognized-layout.html': {
    contentColumn: 0, main: 1, threadSubject: 0, messageItem: 0, sender: 0, time: 0, body: 0, listRow: 0, account: 1,
  },
  '2026-11-thread-hostile.html': {
    contentColumn: 1, main: 1, threadSubject: 1, messageItem: 2, sender: 2, time: 2, body: 2, account: 1,
  },
  '2026-12-thread-de-folded.html': {
    contentColumn: 1, main: 1, threadSubject: 1, messageItem: 4, collapsedMessage: 2, sender: 4, recipient: 3,
    time: 4, body: 2, snippet: 2, hiddenInBody: 2, foldedCount: 1, attachmentName: 1, listRow: 0, account: 1, replyBox: 0,
  },
  '2026-12-thread-ja.html': {
    contentColumn: 1, main: 1, threadSubject: 1, messageItem: 3, collapsedMessage: 1, sender: 3, recipient: 2,
    time: 3, body: 2, snippet: 1, foldedCount: 0, attachmentName: 0, account: 1, replyBox: 1,
  },
  '2026-12-thread-es-expanded.html': {
    contentColumn: 1, main: 1, threadSubject: 1, messageItem: 3, collapsedMessage: 0, sender: 3, recipient: 3,
    time: 3, body: 3, account: 1,
  },
};
