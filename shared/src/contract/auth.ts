import { z } from 'zod';
import { mailAccessSchema, mailProviderSchema } from './accounts';

/**
 * Signing the extension in without copying a token (issue 12). The extension makes a one-time secret
 * (`verifier`) and sends only its SHA-256 (`challenge`); the user signs in on the server's page in a tab
 * (a pairing code from `followthrough user pair`, or Google / Microsoft); the extension then redeems the
 * approved request with the verifier and receives a new API token, once. The page never sees the token.
 */
const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected base64url');

export const createSignInRequestSchema = z
  .object({
    /** base64url(SHA-256(verifier)), 43 characters. */
    challenge: base64url.length(43),
    /** Shown on the sign-in page and kept with the token: "Followthrough for Chrome". */
    client: z.string().min(1).max(80).optional(),
  })
  .strict();

export const signInRequestSchema = z.object({
  id: z.string(),
  /** Open this in a tab: the server's sign-in page for this request. */
  signInUrl: z.string(),
  /** Four characters the page shows too, so the user can tell it is their browser's request. */
  checkCode: z.string(),
  expiresAt: z.string(),
  /** Poll POST /auth/sign-in-requests/:id/token no faster than this. */
  pollIntervalMs: z.number().int(),
  /** Which provider sign-ins this server offers besides pairing codes. */
  providers: z.array(mailProviderSchema),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const redeemSignInRequestSchema = z.object({ verifier: base64url.min(43).max(128) }).strict();

export const redeemSignInResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('approved'), token: z.string(), email: z.string() }),
]);
export type RedeemSignInResponse = z.infer<typeof redeemSignInResponseSchema>;

export const signOutResponseSchema = z.object({ revoked: z.literal(true) });

/** `POST /v1/connect-links`: a one-time link that starts connecting a mailbox in a browser tab. */
export const createConnectLinkRequestSchema = z
  .object({
    provider: mailProviderSchema,
    access: mailAccessSchema.default('metadata'),
    loginHint: z.email().optional(),
  })
  .strict();
export const connectLinkResponseSchema = z.object({ url: z.string(), expiresAt: z.string() });
