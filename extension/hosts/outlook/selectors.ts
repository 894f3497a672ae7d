import type { FixtureExpectations, SelectorTable } from '../selector-kit';

/**
 * Every Outlook on the web selector (outlook.office.com, outlook.office365.com, outlook.live.com
 * share one app). Outlook's class names are hashed per build and change often, so only ARIA roles,
 * aria-labels, ids and data-* attributes are used here.
 */
export const outlookSelectors = {
  /** The reading pane: the open conversation. */
  readingPane: { css: '#ReadingPaneContainerId, div[aria-label="Reading Pane"]', required: true, finds: 'the reading pane' },
  /** "Select an item to read": the pane is open but empty. */
  emptyPane: { css: '[data-app-section="ReadingPaneEmptyState"]', required: false, finds: 'the empty reading pane' },
  threadSubject: { css: '[role="heading"][aria-level="2"]', required: true, finds: 'the conversation subject' },
  conversation: { css: '[data-app-section="ConversationContainer"]', required: true, finds: 'the conversation container' },
  messageItem: { css: '[data-app-section="ConversationContainer"] > [role="listitem"]', required: true, finds: 'one message of the conversation' },
  /** The sender persona: display name as text, address in the title. */
  sender: { css: '[aria-label^="From:"] span[title*="@"]', required: true, finds: 'the sender of a message' },
  toRecipient: { css: '[aria-label^="To:"] span[title*="@"]', required: false, finds: 'To recipients' },
  ccRecipient: { css: '[aria-label^="Cc:"] span[title*="@"]', required: false, finds: 'Cc recipients' },
  time: { css: '[data-testid="SentReceivedSavedTime"]', required: true, finds: 'when a message was sent' },
  body: { css: 'div[aria-label="Message body"]:not([contenteditable="true"])', required: false, finds: 'the body of an expanded message' },
  /** Collapsed messages show one preview line. */
  preview: { css: '[data-app-section="ItemPreview"]', required: false, finds: 'the preview line of a collapsed message' },
  /** Outlook's quoted-history block ("From: … Sent: …") and what follows it. */
  hiddenInBody: { css: '[id$="divRplyFwdMsg"], [id$="divRplyFwdMsg"] ~ *, [id$="appendonsend"] ~ *', required: false, finds: 'quoted history in a body' },
  /** The selected row of the message list carries the Graph conversation id. */
  selectedRow: { css: '[role="option"][aria-selected="true"][data-convid]', required: false, finds: 'the selected conversation in the list' },
  account: { css: '#mectrl_currentAccount_secondary', required: false, finds: 'the signed-in address in the account manager' },
  replyBox: { css: 'div[contenteditable="true"][aria-label^="Message body"]', required: false, finds: 'an open reply body' },
} as const satisfies SelectorTable<string>;

export type OutlookSelectorKey = keyof typeof outlookSelectors;

export const outlookFixtureExpectations: FixtureExpectations<OutlookSelectorKey> = {
  '2026-11-conversation.html': {
    readingPane: 1, emptyPane: 0, threadSubject: 1, conversation: 1, messageItem: 3, sender: 3, toRecipient: 2,
    ccRecipient: 1, time: 3, body: 2, preview: 1, hiddenInBody: 3, selectedRow: 1, account: 1, replyBox: 1,
  },
  '2026-11-single-message.html': {
    readingPane: 1, emptyPane: 0, threadSubject: 1, conversation: 1, messageItem: 1, sender: 1, toRecipient: 1,
    ccRecipient: 0, time: 1, body: 1, preview: 0, hiddenInBody: 0, selectedRow: 0, account: 1, replyBox: 0,
  },
  '2026-11-inbox-empty-pane.html': {
    readingPane: 1, emptyPane: 1, threadSubject: 0, conversation: 0, messageItem: 0, sender: 0, time: 0, selectedRow: 0, account: 1,
  },
  '2026-11-unrecognized-layout.html': {
    readingPane: 0, threadSubject: 0, conversation: 0, messageItem: 0, sender: 0, time: 0, account: 1,
  },
};
