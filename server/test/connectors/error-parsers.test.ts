import { describe, expect, it } from 'vitest';
import { parseGmailError } from '../../src/connectors/gmail/gmail-errors';
import { parseGraphError } from '../../src/connectors/microsoft/graph-errors';
import { parseRetryAfter } from '../../src/connectors/connector-error';
import { gmailErrors, graphErrors } from './recorded/error-bodies';

describe('parseGmailError on recorded Gmail and Google OAuth error bodies', () => {
  it.each(gmailErrors.map((e) => [e.name, e] as const))('%s', (_name, recorded) => {
    const parsed = parseGmailError({ status: recorded.status, body: recorded.body, retryAfter: recorded.retryAfter ?? null });
    expect(parsed.code).toBe(recorded.expected);
    expect(parsed.retryAfterMs).toBe(recorded.retryAfterMs);
    expect(parsed.message.length).toBeGreaterThan(0);
  });
});

describe('parseGraphError on recorded Graph and Microsoft identity error bodies', () => {
  it.each(graphErrors.map((e) => [e.name, e] as const))('%s', (_name, recorded) => {
    const parsed = parseGraphError({ status: recorded.status, body: recorded.body, retryAfter: recorded.retryAfter ?? null });
    expect(parsed.code).toBe(recorded.expected);
    expect(parsed.retryAfterMs).toBe(recorded.retryAfterMs);
    // The first line of an AADSTS description, never the trace ids after it.
    expect(parsed.message).not.toMatch(/Trace ID/);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores junk', () => {
    const now = Date.parse('2026-03-09T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 09 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
