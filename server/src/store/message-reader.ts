import {
  deriveMessageFacts,
  isMessageRejectedError,
  LIMITS,
  normalizeMessageId,
  normalizedMessageSchema,
  readBatch,
  type AnalysisSettings,
  type MessageFacts,
  type MessageRejection,
  type NormalizedMessage,
  type NormalizedMessageInput,
  type StoredMessageFacts,
} from '@followthrough/shared';

/**
 * What reading one message of a batch gave: its facts, or why it was not stored. `index` is its place in
 * the batch, for errors that name where (messages.12.date).
 */
export type ReadOutcome =
  | { kind: 'read'; index: number; stored: StoredMessageFacts; facts: MessageFacts }
  | { kind: 'rejected'; index: number; stage: 'schema' | 'analysis'; rejection: MessageRejection };

export function rejection(id: string, err: unknown): MessageRejection {
  if (isMessageRejectedError(err)) return { id, code: err.code, reason: err.reason };
  // Any other error's message could quote the mail: only its kind is kept.
  return { id, code: 'analysis_failed', reason: `the analysis failed on this message (${err instanceof Error ? err.name : 'error'})` };
}

/** A field of the message that failed its schema, as a rejection that names the field and never its value. */
function schemaRejection(id: string, index: number, issue: { path: PropertyKey[]; message: string; code?: string } | undefined): MessageRejection {
  const field = issue?.path.map(String).join('.') ?? '';
  const where = `messages.${index}${field ? `.${field}` : ''}`;
  const code = field === 'date' ? 'date_invalid' : issue?.code === 'too_big' ? 'field_too_long' : 'unreadable';
  return { id, code, reason: `${where}: ${issue?.message ?? 'not a message'}` };
}

/**
 * Checks each message of a batch (messages from the API are checked one by one: a bad one is rejected, the rest go
 * in) and reads those that pass: their settings-independent facts (readBatch, one family of rules at a time over the
 * batch) and those the settings decide. `offset` is the batch index of messages[0]. The one place a body is read, in
 * the process or in a reader thread (read-pool.ts).
 */
export function readMany(raws: readonly (NormalizedMessage | NormalizedMessageInput)[], offset: number, settings: AnalysisSettings, validate: boolean): ReadOutcome[] {
  const outcomes: ReadOutcome[] = new Array(raws.length);
  const valid: { message: NormalizedMessage; at: number }[] = [];
  raws.forEach((raw, at) => {
    const index = offset + at;
    if (!validate) {
      valid.push({ message: raw as NormalizedMessage, at });
      return;
    }
    const parsed = normalizedMessageSchema.safeParse(raw);
    if (parsed.success) {
      valid.push({ message: parsed.data, at });
      return;
    }
    const rawId = (raw as { id?: unknown }).id;
    const id = typeof rawId === 'string' && rawId.length <= LIMITS.messageId ? normalizeMessageId(rawId) : `#${index}`;
    outcomes[at] = { kind: 'rejected', index, stage: 'schema', rejection: schemaRejection(id, index, parsed.error.issues[0]) };
  });
  const readings = readBatch(valid.map((v) => v.message), settings);
  valid.forEach(({ message, at }, i) => {
    const index = offset + at;
    const reading = readings[i]!;
    try {
      if ('error' in reading) throw reading.error;
      outcomes[at] = { kind: 'read', index, stored: reading.stored, facts: deriveMessageFacts(reading.stored, settings) };
    } catch (err) {
      outcomes[at] = { kind: 'rejected', index, stage: 'analysis', rejection: rejection(message.id, err) };
    }
  });
  return outcomes;
}
