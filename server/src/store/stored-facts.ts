import type { MessageFacts, StoredMessageFacts } from '@followthrough/shared';

/**
 * messages.facts_json: a message's StoredMessageFacts without its findings. Each promise, request, risk
 * and delivery sentence is stored once, in the table that serves it (promises, snippets, evidence), not
 * here as well. Rows written before facts were kept independent of settings hold the engine's
 * MessageFacts with its findings inline; parseStoredFacts reads both.
 */
export type StoredCore = Omit<StoredMessageFacts, 'promises' | 'requests' | 'risks' | 'deliveries'>;

export function serializeCore(stored: StoredMessageFacts): string {
  const { promises: _promises, requests: _requests, risks: _risks, deliveries: _deliveries, ...core } = stored;
  return JSON.stringify(core);
}

export interface ParsedStoredFacts {
  stored: StoredMessageFacts;
  /** True for a row in the earlier format: its findings came from facts_json and belong in the tables. */
  legacy: boolean;
}

type LegacyFacts = MessageFacts & { readAs?: StoredMessageFacts['readAs'] };

export function parseStoredFacts(json: string): ParsedStoredFacts {
  const raw = JSON.parse(json) as Partial<StoredMessageFacts> & Partial<LegacyFacts>;
  if (raw.readAs !== undefined && raw.direction === undefined) {
    return { stored: { ...(raw as StoredMessageFacts), promises: [], requests: [], risks: [] }, legacy: false };
  }
  // The earlier format: derived facts. The body was read for the side it had then, unless it was
  // automated or internal; its promises kept their dating phrase (dueText) unless the default applied.
  const legacy = raw as LegacyFacts;
  const readAs: StoredMessageFacts['readAs'] = legacy.automated || legacy.direction === 'internal' ? 'none' : legacy.direction === 'outbound' ? 'outbound' : 'inbound';
  const stored: StoredMessageFacts = {
    id: legacy.id,
    subject: legacy.subject,
    sentAt: legacy.sentAt,
    from: legacy.from,
    to: legacy.to,
    cc: legacy.cc,
    automated: legacy.automated,
    references: legacy.references ?? [],
    readAs,
    promises: (legacy.promises ?? []).map((p) => (p.dueIsDefault || p.dueText === undefined ? { text: p.text } : { text: p.text, dueText: p.dueText })),
    requests: legacy.requests ?? [],
    risks: legacy.risks ?? [],
  };
  if (legacy.providedThreadId !== undefined) stored.providedThreadId = legacy.providedThreadId;
  if (legacy.inReplyTo !== undefined) stored.inReplyTo = legacy.inReplyTo;
  if (legacy.closing) stored.closing = true;
  if (legacy.attachments) stored.attachments = legacy.attachments;
  if (legacy.deliveries) stored.deliveries = legacy.deliveries;
  return { stored, legacy: true };
}
