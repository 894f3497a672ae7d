import { describeRoute, resolver, type DescribeRouteOptions } from 'hono-openapi';
import type { ZodType } from 'zod';

/** Statuses every route may answer besides its own; each points at the one error shape. */
const errorDescriptions = {
  400: 'Validation failed (with field paths) or malformed JSON',
  401: 'Missing, unknown or revoked API token',
  403: 'Not allowed for the caller\'s role',
  404: 'Not found (or not the caller\'s)',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  415: 'Not a JSON body',
  429: 'Rate limit exceeded; see Retry-After',
} as const;

export type ErrorStatus = keyof typeof errorDescriptions;

export interface RouteDescription {
  summary: string;
  /** The contract schema the route answers with (JSON), or 'html' for a page. */
  response: ZodType | 'html';
  /** The success status, 200 unless said. */
  status?: 200 | 201 | 202 | 302;
  /** Error statuses the route itself can answer. 400 comes with any validator; 401/429 with the token. */
  errors?: ErrorStatus[];
  /**
   * The body to document when the validator's schema is not the whole story: ingest validates an envelope
   * and then each message alone, so that one bad message costs only itself.
   */
  body?: ZodType;
  /** Served without a token (the sign-in and OAuth pages, health, this document). */
  public?: true;
}

function errorResponse(status: ErrorStatus) {
  return { description: errorDescriptions[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

/**
 * A route's entry in the OpenAPI document, beside the route itself so the two cannot drift: the document
 * is generated from the app (routes/openapi.ts), and a route without a description fails http.test.ts.
 */
export function describe(route: RouteDescription) {
  const success: NonNullable<DescribeRouteOptions['responses']>[string] =
    route.response === 'html'
      ? { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' as const } } } }
      : { description: 'OK', content: { 'application/json': { schema: resolver(route.response, { io: 'output', unrepresentable: 'any' }) } } };
  const statuses: ErrorStatus[] = [...(route.errors ?? []), ...(route.public ? [] : ([401, 429] as const))];
  return describeRoute({
    summary: route.summary,
    ...(route.public ? { security: [] } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: resolver(route.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
    responses: {
      [String(route.status ?? 200)]: success,
      ...Object.fromEntries([...new Set(statuses)].sort().map((status) => [String(status), errorResponse(status)])),
    },
  });
}

/** The validation failure every validated route can answer, for the generator's automatic 400. */
export const validationErrorResponse = errorResponse(400);
