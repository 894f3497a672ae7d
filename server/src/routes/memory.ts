import { Hono } from 'hono';
import { uploadMemoryRequestSchema, uploadMemoryResponseSchema } from '@followthrough/shared/contract';
import type { StoredMessageFacts } from '@followthrough/shared';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';
import { ingestStoredFacts } from '../store/ingest';
import { settingsOfUser } from '../store/users';

const lower = <T extends { address: string }>(a: T): T => ({ ...a, address: a.address.trim().toLowerCase() });

/**
 * `POST /v1/memory`: what the extension remembered in local-only mode (per-message facts, no bodies),
 * uploaded after the user signs in and agrees. Idempotent by message id, like `POST /v1/messages`.
 */
export const memoryRoutes = new Hono<AppEnv>().post('/', describe({ summary: 'Upload facts the extension remembered before signing in (no bodies; idempotent by message id)', response: uploadMemoryResponseSchema, errors: [413] }), validate('json', uploadMemoryRequestSchema), async (c) => {
  const { messages } = c.req.valid('json');
  const stored: StoredMessageFacts[] = messages.map((m) => ({
    ...m,
    sentAt: new Date(m.sentAt).toISOString(),
    from: lower(m.from),
    to: m.to.map(lower),
    cc: m.cc.map(lower),
  }));
  const result = await ingestStoredFacts(c.get('deps').database, c.get('user').id, stored, settingsOfUser(c.get('user')).analysis);
  for (const r of result.rejected) c.get('deps').logger.warn('remembered message rejected', { requestId: c.get('requestId'), messageId: r.id, code: r.code });
  return c.json({ accepted: result.accepted, duplicates: result.duplicates, threadsUpdated: result.threadsUpdated }, 200);
});
