import { Hono } from 'hono';
import { ingestEnvelopeSchema, ingestMessagesRequestSchema, ingestMessagesResponseSchema } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import { ingestTurns } from '../http/user-turns';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';
import { ingestMessages } from '../store/ingest';
import { settingsOfUser } from '../store/users';

export const messageRoutes = new Hono<AppEnv>().post(
  '/',
  // Before the body is read: a batch waiting its turn costs nothing meanwhile.
  ingestTurns(),
  validate('json', ingestEnvelopeSchema),
  // After the validator, so the document shows each message's fields rather than the envelope alone.
  describe({
    summary: 'Ingest normalized messages (idempotent by message id); stores facts and snippets, never bodies',
    body: ingestMessagesRequestSchema,
    response: ingestMessagesResponseSchema,
    errors: [413],
  }),
  async (c) => {
    const { messages } = c.req.valid('json');
    const result = await ingestMessages(c.get('deps').database, c.get('user').id, messages, settingsOfUser(c.get('user')).analysis, { validate: true });
    for (const r of result.rejected) {
      // The id and the rule's code only: a reason may quote the message's own headers.
      c.get('deps').logger.warn('message rejected', { requestId: c.get('requestId'), userId: c.get('user').id, messageId: r.id, code: r.code });
    }
    return c.json(result, 200);
  },
);
