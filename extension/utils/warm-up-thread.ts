import type { ThreadSnapshot } from '../hosts/mail-host';
import { DEFAULT_SETTINGS, type ExtensionSettings } from './settings';
import type { LocalState } from './storage';

/**
 * A made-up thread for warming the engine (in the background) and React (in the content script) before
 * the user's first open: two messages, a question and a promise, between two invented domains
 * (.invalid never resolves).
 */
export const WARM_UP_ME = 'we@warm-up.invalid';

export function createWarmUpSnapshot(now: Date): ThreadSnapshot {
  const hour = 3_600_000;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * hour).toISOString();
  const them = { name: 'Warm Up', address: 'client@warm-up-client.invalid' };
  const us = { address: WARM_UP_ME };
  return {
    host: 'gmail',
    threadId: 'followthrough-warm-up',
    subject: 'Warm-up',
    account: WARM_UP_ME,
    link: 'about:blank',
    messageIdsAreStable: false,
    foldedCount: 0,
    foldedAfter: null,
    messages: [
      { id: 'warm-1', idFromProvider: false, from: them, to: [us], cc: [], sentAt: at(30), text: 'Hi, could you send the plan by Friday?\n\nThanks', partial: false, attachments: [], unread: [] },
      { id: 'warm-2', idFromProvider: false, from: us, to: [them], cc: [], sentAt: at(26), text: "Sure, I'll send it by Thursday.", partial: true, attachments: [], unread: [] },
    ],
  };
}

export const WARM_UP_SETTINGS: ExtensionSettings = { ...DEFAULT_SETTINGS, serverUrl: '', token: '', addresses: [WARM_UP_ME], timeZone: 'UTC' };
export const WARM_UP_LOCAL: LocalState = { verdicts: {}, touchpoints: [] };
