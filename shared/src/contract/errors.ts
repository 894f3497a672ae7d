import { z } from 'zod';

/**
 * Every error the API answers with, by code. One vocabulary for the whole API boundary: the
 * extension and the CLI switch on `code`, humans read `message`, support asks for `requestId`.
 */
export const API_ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'malformed_json',
  'unauthorized',
  'not_found',
  /** A member of the organisation without the role the action needs (403; a non-member gets 404). */
  'forbidden',
  /** The request contradicts the current state (409): already a member, the last admin leaving. */
  'conflict',
  'payload_too_large',
  /** A body in another format than the route reads (415: send Content-Type: application/json). */
  'unsupported_media_type',
  'rate_limited',
  'internal',
  /** The server cannot store anything right now (its disk is full, its database read-only): 503, reads still work. */
  'unavailable',
] as const;
export const apiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const apiErrorIssueSchema = z.object({
  /** Dotted field path inside the request part, e.g. "messages.3.date". */
  path: z.string(),
  message: z.string(),
});

export const errorResponseSchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    requestId: z.string(),
    /** Validation errors list each failing field. */
    issues: z.array(apiErrorIssueSchema).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
