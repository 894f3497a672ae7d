import type { SkippedMessage } from '../connectors/mail-provider';

/**
 * What a sync pass could not take in, kept on the account so GET /v1/accounts and `account list` show it:
 * how many messages, when, and the first few by provider id and Message-ID with their reasons (never content).
 *
 * Stored, for now, in the account's last-error columns under the code MESSAGES_SKIPPED: a pass that skipped
 * messages still succeeded, so those columns are otherwise empty then; a later failure replaces the record
 * (the failure matters more), and a later pass that skips nothing keeps it. The schema is being reshaped
 * (issue 9): two columns of their own (`skipped_count`, `skipped_json`) would replace this file's encoding,
 * and nothing outside this file would change.
 */
export const SKIPPED_CODE = 'MESSAGES_SKIPPED';
/** Messages listed by name; the count covers all of them. */
export const SKIPPED_LISTED = 20;

export interface SkipSummary {
  count: number;
  at: string;
  messages: SkippedMessage[];
}

export function encodeSkipSummary(summary: SkipSummary): string {
  return JSON.stringify({ ...summary, messages: summary.messages.slice(0, SKIPPED_LISTED) });
}

/** The summary from an account row's last-error columns, or null when they hold none (or a real error). */
export function readSkipSummary(row: { lastErrorCode: string | null; lastError: string | null }): SkipSummary | null {
  if (row.lastErrorCode !== SKIPPED_CODE || !row.lastError) return null;
  try {
    const parsed = JSON.parse(row.lastError) as SkipSummary;
    return typeof parsed.count === 'number' && Array.isArray(parsed.messages) ? parsed : null;
  } catch {
    return null;
  }
}
