import type { FixtureExpectations, SelectorTable } from '../selector-kit';
import { labelSelector, OUTLOOK_LABELS } from '../ui-labels';

/**
 * Every Outlook on the web selector (outlook.office.com, outlook.office365.com and outlook.live.com
 * serve one app; the popped-out reading window is the same app without the list). Outlook's class
 * names are hashed per build and change often, so only ids, data-* attributes, roles, structure and,
 * last, accessible labels in eight languages are used. Evidence, by source:
 * - FP: fperezdev/wd-extension-poc@0a94083d3a97731cccd07a718899009b3825567e src/lib/consts.ts
 *   (reading pane `[data-app-section='MailReadCompose']`, list `[role=listbox][aria-activedescendant]`,
 *   `data-convid` on the rows).
 * - BR: Briskine/briskine@98b08dbe673d3c904bc3976668c6ebfbe20d613b src/content/plugins/outlook.js
 *   (`#O365_MainLink_Me` account button :246, `[role=main]` :95, the popped-out window recognised by
 *   its owamail assets :30-35, the editor `[aria-multiline]` in outlook.spec.js).
 * - ME: mnemonic2k/OutlookEmailExtractor@158b38da4120e4f4cd2dbd9c50de81f6715bac41
 *   outlook-email-extractor.js (`[role="main"] [role="heading"]`, German "Von"/"Gesendet" labels,
 *   `time[datetime]`).
 * - CS: public Outlook content scripts that the code search index returned by content but without
 *   naming their repositories (so no commit can be given): they select each message as
 *   `[aria-label="Email message"]`, its time as `[data-testid="SentReceivedSavedTime"]`, its body as
 *   `[id^="UniqueMessageBody"]`, its sender under `[id^="MSG_"][id$="_FROM"]`, the subject as
 *   `[role="heading"][id$="_SUBJECT"]`, and collapsed messages as `[aria-expanded="false"]` holding a
 *   SentReceivedSavedTime. Issue 14's reconstruction of the live page shows the same shapes.
 * - F11: our 2026-11 hand-built fixture (the first guess, kept as the old variant).
 */
const FP = 'fperezdev/wd-extension-poc@0a94083d src/lib/consts.ts';
const BR = (line: number | string) => `Briskine/briskine@98b08dbe src/content/plugins/outlook.js:${line}`;
const ME = 'mnemonic2k/OutlookEmailExtractor@158b38da outlook-email-extractor.js';
const CS = 'public Outlook content scripts (code search, repositories not named) + issue 14 reconstruction';
const F11 = 'our 2026-11 hand-built fixture (old variant)';

export const outlookSelectors = {
  /** The reading pane (the whole main region in the popped-out reading window). */
  readingPane: {
    finds: 'the reading pane',
    required: true,
    strategies: [
      { css: '[data-app-section="MailReadCompose"]', evidence: FP },
      { css: '#ReadingPaneContainerId', evidence: F11 },
      { css: labelSelector('aria-label', OUTLOOK_LABELS.readingPane, 'exact'), evidence: 'label "Reading Pane" in 8 languages' },
      { css: '[role="main"]', evidence: `${BR(95)}; ${ME} (the popped-out window has no list, only the message)` },
    ],
  },
  /** "Select an item to read": the pane is open but empty. */
  emptyPane: {
    finds: 'the empty reading pane',
    required: false,
    strategies: [{ css: '[data-app-section="ReadingPaneEmptyState"]', evidence: F11 }],
  },
  threadSubject: {
    finds: 'the conversation subject',
    required: true,
    strategies: [
      { css: '[role="heading"][id$="_SUBJECT"]', evidence: CS },
      { css: '[id^="CONV_"][id$="_SUBJECT"]', evidence: CS },
      { css: '[role="heading"]', evidence: ME },
    ],
  },
  /**
   * Anchors of one message each: the message is the widest element around one anchor (outlook-host.ts).
   * The time is on expanded and collapsed messages alike; the body only on expanded ones.
   */
  messageItem: {
    finds: 'the messages of the conversation',
    required: true,
    strategies: [
      { css: '[data-testid="SentReceivedSavedTime"]', evidence: CS },
      { css: '[aria-expanded]', evidence: `${CS} (collapsed messages are [aria-expanded="false"]; only those holding an address count)` },
      { css: '[id^="UniqueMessageBody"]', evidence: CS },
      { css: labelSelector('aria-label', OUTLOOK_LABELS.emailMessage, 'exact'), evidence: `${CS}; label in 8 languages` },
      { css: '[data-app-section="ConversationContainer"] > [role="listitem"]', evidence: F11 },
    ],
  },
  /** The sender persona: display name as text, address in the title. */
  sender: {
    finds: 'the sender of each message',
    required: true,
    strategies: [
      { css: '[id^="MSG_"][id$="_FROM"] [title*="@"], [id$="_FROM"] [title*="@"]', evidence: CS },
      { css: labelSelector('aria-label', OUTLOOK_LABELS.from, 'prefix', '{} [title*="@"]'), evidence: `${ME} ("Von"); ${F11}; label in 8 languages` },
      { css: labelSelector('aria-label', OUTLOOK_LABELS.from, 'prefix'), evidence: `${ME}; the address inside the label, when Outlook writes it there` },
      { css: '[title*="@"]', evidence: 'structure: the first address of the header is the sender\'s (expanded and collapsed headers alike)' },
    ],
  },
  toRecipient: {
    finds: 'the To recipients',
    required: false,
    strategies: [{ css: labelSelector('aria-label', OUTLOOK_LABELS.to, 'prefix', '{} [title*="@"]'), evidence: `${F11}; label in 8 languages` }],
  },
  ccRecipient: {
    finds: 'the Cc recipients',
    required: false,
    strategies: [{ css: labelSelector('aria-label', OUTLOOK_LABELS.cc, 'prefix', '{} [title*="@"]'), evidence: `${F11}; label in 8 languages` }],
  },
  time: {
    finds: 'the time of each message',
    required: true,
    strategies: [
      { css: '[data-testid="SentReceivedSavedTime"]', evidence: CS },
      { css: 'time[datetime]', evidence: ME },
      { css: '[title]', evidence: 'structure: the header element whose title is a whole date (outlook-host.ts reads only such titles)' },
    ],
  },
  body: {
    finds: 'the text of an expanded message',
    required: false,
    strategies: [
      { css: '[id^="UniqueMessageBody"]', evidence: CS },
      { css: labelSelector('aria-label', OUTLOOK_LABELS.messageBody, 'exact', '{}:not([contenteditable="true"])'), evidence: `${F11}; label in 8 languages` },
      { css: '[role="document"]:not([contenteditable="true"])', evidence: ME },
    ],
  },
  /** Attachment chips: the file name is in the chip's title or text. */
  attachmentName: {
    finds: 'attachment names',
    required: false,
    strategies: [
      { css: '[data-testid="AttachmentCard"] [title]', evidence: CS },
      { css: '[role="listbox"][aria-label*="ttachment"] [role="option"][title]', evidence: 'structure of the attachment well; no public driver reads it' },
    ],
  },
  /** Outlook's quoted-history block ("From: … Sent: …") and what follows it, in the HTML Outlook sends. */
  hiddenInBody: {
    finds: 'quoted history inside a message',
    required: false,
    strategies: [{ css: '[id$="divRplyFwdMsg"], [id$="divRplyFwdMsg"] ~ *, [id$="appendonsend"] ~ *', evidence: 'Outlook\'s reply markup (divRplyFwdMsg, appendonsend), in every message it sends' }],
  },
  /** The message list; its active row carries the Graph conversation id. */
  activeRow: {
    finds: 'the selected conversation in the list',
    required: false,
    strategies: [
      { css: '[role="option"][aria-selected="true"][data-convid]', evidence: FP },
      { css: '[role="listbox"][aria-activedescendant]', evidence: `${FP} (the row is the listbox's active descendant)` },
    ],
  },
  /** The signed-in mailbox: the folder tree's root names it; the account button too. */
  account: {
    finds: 'the signed-in account',
    required: false,
    strategies: [
      { css: '[role="tree"] [role="treeitem"][title*="@"]', evidence: CS },
      { css: '#O365_MainLink_Me', evidence: BR(246) },
      { css: '#mectrl_currentAccount_secondary', evidence: F11 },
    ],
  },
  replyBox: {
    finds: 'an open reply box',
    required: false,
    strategies: [
      { css: 'div[contenteditable="true"][aria-multiline="true"]', evidence: 'Briskine/briskine@98b08dbe src/content/plugins/outlook.spec.js (the editor is the [aria-multiline] element)' },
      { css: labelSelector('aria-label', OUTLOOK_LABELS.messageBody, 'prefix', 'div[contenteditable="true"]{}'), evidence: 'label "Message body" in 8 languages' },
    ],
  },
} as const satisfies SelectorTable<string>;

export type OutlookSelectorKey = keyof typeof outlookSelectors;

/**
 * Match counts (of the winning strategy) per saved page. Old (2026-11, hand-built) and new (2026-12,
 * rebuilt from the evidence above) variants side by side.
 */
export const outlookFixtureExpectations: FixtureExpectations<OutlookSelectorKey> = {
  '2026-11-conversation.html': {
    readingPane: 1, emptyPane: 0, threadSubject: 1, messageItem: 3, sender: 3, toRecipient: 2,
    ccRecipient: 1, time: 3, body: 2, hiddenInBody: 3, activeRow: 1, account: 1, replyBox: 1,
  },
  '2026-11-single-message.html': {
    readingPane: 1, emptyPane: 0, threadSubject: 1, messageItem: 1, sender: 1, toRecipient: 1,
    ccRecipient: 0, time: 1, body: 1, hiddenInBody: 0, activeRow: 0, account: 1, replyBox: 0,
  },
  '2026-11-inbox-empty-pane.html': {
    readingPane: 1, emptyPane: 1, threadSubject: 0, messageItem: 0, sender: 0, time: 0, activeRow: 0, account: 1,
  },
  '2026-11-unrecognized-layout.html': {
    readingPane: 1, threadSubject: 0, messageItem: 0, sender: 0, time: 0, account: 1,
  },
  '2026-12-conversation-en.html': {
    readingPane: 1, emptyPane: 0, threadSubject: 1, messageItem: 3, sender: 3, toRecipient: 2, ccRecipient: 1, time: 3,
    body: 2, attachmentName: 1, hiddenInBody: 3, activeRow: 1, account: 1, replyBox: 0,
  },
  '2026-12-conversation-de-newest-on-top.html': {
    readingPane: 1, threadSubject: 1, messageItem: 3, sender: 3, toRecipient: 1, ccRecipient: 1, time: 3, body: 1, activeRow: 1, account: 1,
  },
  '2026-12-live-fr-ads.html': {
    readingPane: 1, threadSubject: 1, messageItem: 2, sender: 2, toRecipient: 2, ccRecipient: 0, time: 2, body: 2, activeRow: 1, account: 1,
  },
  '2026-12-popout-nl.html': {
    readingPane: 1, threadSubject: 1, messageItem: 2, sender: 2, toRecipient: 1, time: 2, body: 1, activeRow: 0, account: 1,
  },
  '2026-12-collapsed-headers-it.html': {
    readingPane: 1, threadSubject: 1, messageItem: 4, sender: 4, toRecipient: 1, time: 4, body: 1, activeRow: 1, account: 1,
  },
  /** One sender shown by name only: the sender strategies find 2 addresses for 3 messages. */
  '2026-12-conversation-pt-partial.html': {
    readingPane: 1, threadSubject: 1, messageItem: 3, sender: 2, toRecipient: 4, time: 3, body: 3, activeRow: 1, account: 1,
  },
};
