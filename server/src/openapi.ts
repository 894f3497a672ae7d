import { z, type ZodType } from 'zod';
import {
  analysisStatusSchema,
  connectQuerySchema,
  connectResponseSchema,
  listAccountsResponseSchema,
  syncAccountResponseSchema,
  counterpartDetailResponseSchema,
  createTouchpointRequestSchema,
  createTouchpointResponseSchema,
  deleteMeResponseSchema,
  deleteTouchpointResponseSchema,
  errorResponseSchema,
  exportResponseSchema,
  healthzResponseSchema,
  ingestMessagesRequestSchema,
  ingestMessagesResponseSchema,
  listCounterpartsQuerySchema,
  listCounterpartsResponseSchema,
  listPromisesQuerySchema,
  listPromisesResponseSchema,
  listRemindersQuerySchema,
  listRemindersResponseSchema,
  listTouchpointsQuerySchema,
  listTouchpointsResponseSchema,
  meSchema,
  reportQuerySchema,
  reportResponseSchema,
  threadSummaryResponseSchema,
  updateCounterpartRequestSchema,
  updateCounterpartResponseSchema,
  updatePromiseRequestSchema,
  updatePromiseResponseSchema,
  userSettingsSchema,
  connectLinkResponseSchema,
  createConnectLinkRequestSchema,
  createSignInRequestSchema,
  dataSummarySchema,
  listCounterpartThreadsQuerySchema,
  listCounterpartThreadsResponseSchema,
  redeemSignInRequestSchema,
  redeemSignInResponseSchema,
  signInRequestSchema,
  signOutResponseSchema,
  snoozeReminderRequestSchema,
  snoozeReminderResponseSchema,
  uploadMemoryRequestSchema,
  uploadMemoryResponseSchema,
  acceptInvitationResponseSchema,
  addOrgMemberRequestSchema,
  addOrgMemberResponseSchema,
  cancelInvitationResponseSchema,
  createOrgRequestSchema,
  declineInvitationResponseSchema,
  deleteOrgResponseSchema,
  listInvitationsResponseSchema,
  listOrgCounterpartsQuerySchema,
  listOrgCounterpartsResponseSchema,
  listOrgMembersResponseSchema,
  listOrgsResponseSchema,
  orgCounterpartDetailResponseSchema,
  orgSchema,
  orgTeamResponseSchema,
  orgTimelineQuerySchema,
  orgTimelineResponseSchema,
  removeOrgMemberResponseSchema,
  updateOrgCounterpartRequestSchema,
  updateOrgCounterpartResponseSchema,
  updateOrgMemberRequestSchema,
  updateOrgMemberResponseSchema,
  updateOrgRequestSchema,
} from '@followthrough/shared/contract';

interface Operation {
  method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  auth?: false;
  params?: string[];
  query?: z.ZodObject;
  body?: ZodType;
  response: ZodType;
  status?: number;
  /** Error statuses besides 401/429 (which every authenticated route has). */
  errors?: number[];
}

/** Every route of the API, with the contract schemas it validates and answers with. */
export const operations: Operation[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness and database check', auth: false, response: healthzResponseSchema },
  { method: 'get', path: '/v1/openapi.json', summary: 'This document', auth: false, response: z.record(z.string(), z.unknown()) },
  { method: 'get', path: '/v1/me', summary: 'The caller, and where the analysis of their mail stands', response: meSchema },
  { method: 'get', path: '/v1/me/analysis', summary: 'Re-derivation after a settings change: state and progress', response: analysisStatusSchema },
  { method: 'delete', path: '/v1/me', summary: 'Erase the caller and all of their data', response: deleteMeResponseSchema },
  { method: 'get', path: '/v1/me/settings', summary: 'Own addresses, time zone, working hours', response: userSettingsSchema },
  { method: 'put', path: '/v1/me/settings', summary: 'Replace the settings', body: userSettingsSchema, response: userSettingsSchema, errors: [400] },
  {
    method: 'post',
    path: '/v1/messages',
    summary: 'Ingest normalized messages (idempotent by message id); stores facts and snippets, never bodies',
    body: ingestMessagesRequestSchema,
    response: ingestMessagesResponseSchema,
    errors: [400, 413],
  },
  { method: 'get', path: '/v1/counterparts', summary: 'Counterparts with health, sortable', query: listCounterpartsQuerySchema, response: listCounterpartsResponseSchema, errors: [400] },
  { method: 'get', path: '/v1/counterparts/{key}', summary: 'One counterpart with promises, touchpoints, cadence, renewal, notes', params: ['key'], response: counterpartDetailResponseSchema, errors: [404] },
  {
    method: 'patch',
    path: '/v1/counterparts/{key}',
    summary: 'Set name, cadence, renewal date, notes',
    params: ['key'],
    body: updateCounterpartRequestSchema,
    response: updateCounterpartResponseSchema,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/v1/counterparts/{key}/report',
    summary: 'Progress report draft (text and HTML)',
    params: ['key'],
    query: reportQuerySchema,
    response: reportResponseSchema,
    errors: [400, 404],
  },
  { method: 'get', path: '/v1/threads/{threadId}/summary', summary: 'Everything the sidebar needs for one thread', params: ['threadId'], response: threadSummaryResponseSchema, errors: [404] },
  { method: 'get', path: '/v1/promises', summary: 'Promises with their status now', query: listPromisesQuerySchema, response: listPromisesResponseSchema, errors: [400] },
  {
    method: 'patch',
    path: '/v1/promises/{id}',
    summary: 'Record a verdict (done, dismissed, open; due date; snooze); kept in an audit trail',
    params: ['id'],
    body: updatePromiseRequestSchema,
    response: updatePromiseResponseSchema,
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/v1/touchpoints',
    summary: 'Log a call, meeting, note... (idempotent by the client-made id: 201 created, 200 already there)',
    body: createTouchpointRequestSchema,
    response: createTouchpointResponseSchema,
    status: 201,
    errors: [400],
  },
  { method: 'get', path: '/v1/touchpoints', summary: 'Touchpoints, newest first', query: listTouchpointsQuerySchema, response: listTouchpointsResponseSchema, errors: [400] },
  { method: 'delete', path: '/v1/touchpoints/{id}', summary: 'Delete a touchpoint', params: ['id'], response: deleteTouchpointResponseSchema, errors: [404] },
  { method: 'get', path: '/v1/reminders', summary: 'Due and overdue promises, silences, waiting mail, renewals, feedback, quarterly reviews', query: listRemindersQuerySchema, response: listRemindersResponseSchema, errors: [400] },
  { method: 'get', path: '/v1/export', summary: 'All of the caller\'s data as JSON', response: exportResponseSchema },
  { method: 'get', path: '/v1/accounts', summary: 'Connected mailboxes: phase, counts, last success, last error, reconnect needed', response: listAccountsResponseSchema },
  {
    method: 'post',
    path: '/v1/accounts/{id}/sync',
    summary: 'Queue a sync pass now (progress shows in GET /v1/accounts)',
    params: ['id'],
    response: syncAccountResponseSchema,
    status: 202,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/v1/connect/{provider}',
    summary: 'Start the OAuth authorization code flow with PKCE: 302 to the provider\'s consent page (authorizeUrl also in the body)',
    params: ['provider'],
    query: connectQuerySchema,
    response: connectResponseSchema,
    status: 302,
    errors: [400],
  },
  { method: 'post', path: '/v1/orgs', summary: 'Create an organisation (the caller is its admin and a manager)', body: createOrgRequestSchema, response: orgSchema, status: 201, errors: [400] },
  { method: 'get', path: '/v1/orgs', summary: 'The organisations the caller is a member of', response: listOrgsResponseSchema },
  { method: 'get', path: '/v1/orgs/{orgId}', summary: 'One organisation, with the caller\'s role and sharing (404 for non-members)', params: ['orgId'], response: orgSchema, errors: [404] },
  { method: 'patch', path: '/v1/orgs/{orgId}', summary: 'Rename (admin)', params: ['orgId'], body: updateOrgRequestSchema, response: orgSchema, errors: [400, 403, 404] },
  { method: 'delete', path: '/v1/orgs/{orgId}', summary: 'Delete the organisation (admin); nobody\'s own data', params: ['orgId'], response: deleteOrgResponseSchema, errors: [403, 404] },
  { method: 'get', path: '/v1/orgs/{orgId}/members', summary: 'Members (role, department, sharing) and open invitations', params: ['orgId'], response: listOrgMembersResponseSchema, errors: [404] },
  {
    method: 'post',
    path: '/v1/orgs/{orgId}/members',
    summary: 'Invite a colleague by address (admin); they join when they accept, and the invitation says what is shared',
    params: ['orgId'],
    body: addOrgMemberRequestSchema,
    response: addOrgMemberResponseSchema,
    status: 201,
    errors: [400, 403, 404, 409],
  },
  {
    method: 'patch',
    path: '/v1/orgs/{orgId}/members/{userId}',
    summary: 'Change a role (admin) or one\'s own sharing of promise, request and risk sentences',
    params: ['orgId', 'userId'],
    body: updateOrgMemberRequestSchema,
    response: updateOrgMemberResponseSchema,
    errors: [400, 403, 404, 409],
  },
  { method: 'delete', path: '/v1/orgs/{orgId}/members/{userId}', summary: 'Remove a member (admin) or leave', params: ['orgId', 'userId'], response: removeOrgMemberResponseSchema, errors: [403, 404, 409] },
  { method: 'delete', path: '/v1/orgs/{orgId}/invitations/{invitationId}', summary: 'Withdraw an invitation (admin)', params: ['orgId', 'invitationId'], response: cancelInvitationResponseSchema, errors: [403, 404] },
  { method: 'get', path: '/v1/orgs/{orgId}/team', summary: 'Each member\'s keep rate, initiation share and reply lag (managers)', params: ['orgId'], response: orgTeamResponseSchema, errors: [403, 404] },
  {
    method: 'get',
    path: '/v1/orgs/{orgId}/counterparts',
    summary: 'Every client any member deals with, with the team\'s figures, departments and each member\'s part (no sentences)',
    params: ['orgId'],
    query: listOrgCounterpartsQuerySchema,
    response: listOrgCounterpartsResponseSchema,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/v1/orgs/{orgId}/counterparts/{key}',
    summary: 'A client\'s 360° page: team figures, members, the merged timeline, the latest review, sentences of members who share them',
    params: ['orgId', 'key'],
    response: orgCounterpartDetailResponseSchema,
    errors: [404],
  },
  {
    method: 'patch',
    path: '/v1/orgs/{orgId}/counterparts/{key}',
    summary: 'Set the team\'s profile of a client: name, cadence, renewal, notes, owner, review and feedback intervals',
    params: ['orgId', 'key'],
    body: updateOrgCounterpartRequestSchema,
    response: updateOrgCounterpartResponseSchema,
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/v1/orgs/{orgId}/counterparts/{key}/timeline',
    summary: 'Every member\'s touchpoints with a client, newest first, paged',
    params: ['orgId', 'key'],
    query: orgTimelineQuerySchema,
    response: orgTimelineResponseSchema,
    errors: [400, 404],
  },
  { method: 'get', path: '/v1/invitations', summary: 'Invitations to organisations addressed to the caller', response: listInvitationsResponseSchema },
  { method: 'post', path: '/v1/invitations/{id}/accept', summary: 'Accept: join the organisation with the invited role', params: ['id'], response: acceptInvitationResponseSchema, errors: [404] },
  { method: 'post', path: '/v1/invitations/{id}/decline', summary: 'Decline an invitation', params: ['id'], response: declineInvitationResponseSchema, errors: [404] },
  {
    method: 'get',
    path: '/oauth/callback/{provider}',
    summary: 'OAuth redirect target: exchanges the code, stores the refresh token encrypted, starts the first sync',
    auth: false,
    params: ['provider'],
    response: z.record(z.string(), z.unknown()),
    errors: [400],
  },
  { method: 'get', path: '/v1/me/data', summary: 'How much is stored for the caller (counts), named before "erase everything"', response: dataSummarySchema },
  { method: 'delete', path: '/v1/me/token', summary: 'Sign out: revoke the token that makes this call', response: signOutResponseSchema },
  {
    method: 'get',
    path: '/v1/counterparts/{key}/threads',
    summary: 'A client\'s conversations for the timeline, latest contact first, with links',
    params: ['key'],
    query: listCounterpartThreadsQuerySchema,
    response: listCounterpartThreadsResponseSchema,
    errors: [400],
  },
  { method: 'put', path: '/v1/reminders/snooze', summary: 'Snooze one reminder until an instant (null: show it again)', body: snoozeReminderRequestSchema, response: snoozeReminderResponseSchema, errors: [400, 404] },
  { method: 'delete', path: '/v1/accounts/{id}', summary: 'Disconnect a mailbox: stop its sync and delete its refresh token (analysed mail stays)', params: ['id'], response: z.object({ disconnected: z.literal(true), email: z.string(), provider: z.string() }), errors: [404] },
  { method: 'post', path: '/v1/connect-links', summary: 'A one-time link (two minutes) that starts connecting a mailbox in a browser tab', body: createConnectLinkRequestSchema, response: connectLinkResponseSchema, errors: [400] },
  {
    method: 'get',
    path: '/connect/start/{provider}',
    summary: 'Spends a connect link\'s ticket and starts the OAuth flow as GET /v1/connect/{provider} does',
    auth: false,
    params: ['provider'],
    response: connectResponseSchema,
    status: 302,
    errors: [400],
  },
  { method: 'post', path: '/v1/memory', summary: 'Upload facts the extension remembered before signing in (no bodies; idempotent by message id)', body: uploadMemoryRequestSchema, response: uploadMemoryResponseSchema, errors: [400, 413] },
  { method: 'post', path: '/auth/sign-in-requests', summary: 'Start signing an extension in: returns the sign-in page to open', auth: false, body: createSignInRequestSchema, response: signInRequestSchema, errors: [400] },
  {
    method: 'post',
    path: '/auth/sign-in-requests/{id}/token',
    summary: 'Redeem an approved sign-in with its verifier: a new API token, once ({status: pending} until approved)',
    auth: false,
    params: ['id'],
    body: redeemSignInRequestSchema,
    response: redeemSignInResponseSchema,
    errors: [400, 404],
  },
  { method: 'get', path: '/auth/sign-in', summary: 'The sign-in page (HTML): pairing code, or Google / Microsoft when configured', auth: false, response: z.string(), errors: [404] },
  { method: 'post', path: '/auth/sign-in/code', summary: 'The sign-in page\'s pairing-code form (form-encoded: request, code); answers HTML', auth: false, response: z.string(), errors: [400, 404] },
  { method: 'get', path: '/auth/sign-in/{provider}', summary: 'Sign in with Google or Microsoft (OpenID Connect, openid email): 302 to the provider', auth: false, params: ['provider'], response: z.string(), status: 302, errors: [400, 404] },
  { method: 'get', path: '/auth/oidc/callback/{provider}', summary: 'OpenID Connect redirect target for signing in (HTML)', auth: false, params: ['provider'], response: z.string(), errors: [400] },
];

function jsonSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const errorDescriptions: Record<number, string> = {
  400: 'Validation failed (with field paths) or malformed JSON',
  401: 'Missing, unknown or revoked API token',
  403: 'A member of the organisation without the role this needs',
  404: 'Not found (or not the caller\'s)',
  409: 'Contradicts the current state (already a member, the last admin)',
  413: 'Request body too large',
  429: 'Rate limit exceeded; see Retry-After',
};

/** The OpenAPI 3.1 document, derived from the same zod schemas the routes validate with. */
export function createOpenApiDocument(): Record<string, unknown> {
  const error = { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters: unknown[] = (op.params ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    if (op.query) {
      const shape = jsonSchema(op.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(shape.properties ?? {})) {
        parameters.push({ name, in: 'query', required: shape.required?.includes(name) ?? false, schema });
      }
    }
    const responses: Record<string, unknown> = {
      [String(op.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } },
    };
    const errors = [...(op.errors ?? []), ...(op.auth === false ? [] : [401, 429])];
    for (const status of errors.sort()) responses[String(status)] = { ...error, description: errorDescriptions[status] };
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
      ...(op.auth === false ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Followthrough API',
      version: '1.0.0',
      description: 'Client-relationship health from the inbox. Every /v1 route but this document needs `Authorization: Bearer <token>`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `followthrough user add`' } },
      schemas: { Error: jsonSchema(errorResponseSchema, 'output') },
    },
    paths,
  };
}
