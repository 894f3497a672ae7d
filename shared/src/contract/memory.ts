import { z } from 'zod';
import { RISK_KINDS } from '../model/facts';

/**
 * What the extension remembers of a thread the user opened without a server (local-only mode), the same
 * per-message facts the server stores (StoredMessageFacts: addresses, times, flags and the extracted
 * sentences; never a body). `POST /v1/memory` uploads them after signing in, so the months read before
 * count on the server too. Only Gmail threads are uploaded: their ids are the ones the server's own sync
 * stores, so a thread synced later is the same thread, not a copy.
 */
const text = z.string().min(1).max(2000);
const address = z.object({ name: z.string().max(300).optional(), address: z.string().min(3).max(320) });

export const storedMessageFactsSchema = z
  .object({
    id: z.string().min(1).max(1000),
    providedThreadId: z.string().min(1).max(1000).optional(),
    subject: z.string().max(2000),
    sentAt: z.iso.datetime({ offset: true }),
    from: address,
    to: z.array(address).max(500),
    cc: z.array(address).max(500),
    automated: z.boolean(),
    closing: z.boolean().optional(),
    inReplyTo: z.string().max(1000).optional(),
    references: z.array(z.string().max(1000)).max(200),
    attachments: z.array(z.string().max(300)).max(100).optional(),
    readAs: z.enum(['outbound', 'inbound', 'none']),
    promises: z.array(z.object({ text, dueText: z.string().max(200).optional() })).max(8),
    requests: z.array(z.object({ text })).max(8),
    risks: z.array(z.object({ kind: z.enum(RISK_KINDS), side: z.enum(['us', 'them']), text })).max(8),
    deliveries: z
      .array(z.object({ text, kind: z.enum(['delivered', 'answered', 'happened', 'slip']), dueText: z.string().max(200).optional() }))
      .max(8)
      .optional(),
  })
  .strict();

export const uploadMemoryRequestSchema = z.object({ messages: z.array(storedMessageFactsSchema).min(1).max(500) }).strict();
export const uploadMemoryResponseSchema = z.object({ accepted: z.number().int(), duplicates: z.number().int(), threadsUpdated: z.number().int() });
