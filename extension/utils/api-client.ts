import type {
  AccountView,
  AnalysisStatus,
  CounterpartDetailResponse,
  CounterpartListItem,
  CounterpartProfile,
  CounterpartThread,
  DataSummary,
  ErrorResponse,
  ListAccountsResponse,
  MailAccess,
  MailProviderName,
  Me,
  Org,
  OrgCounterpartDetail,
  OrgInvitation,
  OrgMember,
  OrgRole,
  PromiseView,
  RedeemSignInResponse,
  Reminder,
  ReminderKind,
  SignInRequest,
  StoredTouchpoint,
  TeamClientProfile,
  TeamCounterpart,
  TeamMemberStats,
  TeamTouchpoint,
  ThreadSummaryResponse,
  UpdateCounterpartRequest,
  UpdateOrgCounterpartRequest,
  UpdatePromiseRequest,
  UserSettings,
  UserSettingsInput,
} from '@followthrough/shared/contract';
import type { NormalizedMessageInput, ProgressReport, StoredMessageFacts, Touchpoint } from '@followthrough/shared/model';
import { hc } from 'hono/client';
import type { AppType } from '../../server/src/app';

/**
 * The server client (Hono RPC, `hc<AppType>`). Used only from the background (the only context with the server's host
 * permission and the token). Answers are results, never throws, so callers decide what "retry"
 * means: network failures, 5xx and 429 are retryable; other 4xx are the server saying no.
 */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; retry: boolean; error: string; retryAfterMs?: number };

export interface ApiClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** "https://x.example/" or "https://x.example/api" -> no trailing slash; throws on a non-http(s) URL. */
export function normalizeServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`Server URL "${raw}" is not a URL (expected e.g. https://followthrough.example.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Server URL "${raw}" must start with https:// (or http:// for a local server)`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The host-permission pattern for a server URL: exactly its origin. */
export function originPattern(serverUrl: string): string {
  return `${new URL(normalizeServerUrl(serverUrl)).origin}/*`;
}

export function createApiClient(options: ApiClientOptions) {
  const base = normalizeServerUrl(options.baseUrl);
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 10_000;
  // The typed Hono RPC client: paths, params, bodies and answers come from the server's AppType
  // (a type-only import: no server code is bundled).
  const client = hc<AppType>(base, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => doFetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    headers: () => ({ authorization: `Bearer ${options.token}` }),
  });

  async function call<T>(request: () => Promise<Response>): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await request();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, status: 0, retry: true, error: `Server not reachable at ${base}: ${reason}` };
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    if (response.ok) return { ok: true, status: response.status, data: json as T };
    const apiError = (json as ErrorResponse | null)?.error;
    const message = apiError ? `${apiError.code}: ${apiError.message}` : `HTTP ${response.status}`;
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      retry: response.status >= 500 || response.status === 429 || response.status === 408,
      error: message,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }

  // hc substitutes path params verbatim; Outlook ids contain + / = and must be encoded.
  const enc = encodeURIComponent;
  const page = (q: { limit?: number; cursor?: string | null }) => ({ ...(q.limit ? { limit: String(q.limit) } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) });
  return {
    // Signing in (no token yet: these routes are outside /v1).
    createSignInRequest: (body: { challenge: string; client: string }) =>
      call<SignInRequest>(() => client.auth['sign-in-requests'].$post({ json: body })),
    redeemSignIn: (id: string, verifier: string) =>
      call<RedeemSignInResponse>(() => client.auth['sign-in-requests'][':id'].token.$post({ param: { id: enc(id) }, json: { verifier } })),
    signOut: () => call<{ revoked: true }>(() => client.v1.me.token.$delete()),
    whoAmI: () => call<Me & { analysis: AnalysisStatus }>(() => client.v1.me.$get()),
    settings: () => call<UserSettings>(() => client.v1.me.settings.$get()),
    putSettings: (settings: UserSettingsInput) => call<UserSettings>(() => client.v1.me.settings.$put({ json: settings as UserSettings })),
    dataSummary: () => call<DataSummary>(() => client.v1.me.data.$get()),
    eraseMe: () => call<{ deleted: true }>(() => client.v1.me.$delete()),
    exportAll: () => call<Record<string, unknown>>(() => client.v1.export.$get()),
    // Clients.
    counterparts: (q: { filter?: 'overdue' | 'silent' | 'renewal' | 'awaiting'; sort?: 'health' | '-health' | 'lastContact' | 'key'; limit?: number; cursor?: string | null }) =>
      call<{ counterparts: CounterpartListItem[]; total: number; nextCursor: string | null }>(() =>
        client.v1.counterparts.$get({ query: { ...(q.filter ? { filter: q.filter } : {}), ...(q.sort ? { sort: q.sort } : {}), ...page(q) } }),
      ),
    counterpart: (key: string) => call<CounterpartDetailResponse>(() => client.v1.counterparts[':key'].$get({ param: { key: enc(key) } })),
    counterpartThreads: (key: string, q: { limit?: number; cursor?: string | null }) =>
      call<{ threads: CounterpartThread[]; total: number; nextCursor: string | null }>(() => client.v1.counterparts[':key'].threads.$get({ param: { key: enc(key) }, query: page(q) })),
    updateCounterpart: (key: string, patch: UpdateCounterpartRequest) =>
      call<{ key: string; profile: CounterpartProfile }>(() => client.v1.counterparts[':key'].$patch({ param: { key: enc(key) }, json: patch })),
    touchpoints: (q: { counterpart: string; limit?: number; cursor?: string | null }) =>
      call<{ touchpoints: StoredTouchpoint[]; nextCursor: string | null }>(() => client.v1.touchpoints.$get({ query: { counterpart: q.counterpart, ...page(q) } })),
    promises: (q: { counterpart: string; limit?: number; cursor?: string | null }) =>
      call<{ promises: PromiseView[]; nextCursor: string | null }>(() => client.v1.promises.$get({ query: { counterpart: q.counterpart, ...page(q) } })),
    snoozeReminder: (id: string, until: string | null) => call<{ id: string; until: string | null }>(() => client.v1.reminders.snooze.$put({ json: { id, until } })),
    // Mailboxes.
    connectLink: (body: { provider: MailProviderName; access: MailAccess }) =>
      call<{ url: string; expiresAt: string }>(() => client.v1['connect-links'].$post({ json: body })),
    disconnectAccount: (id: string) => call<{ disconnected: true }>(() => client.v1.accounts[':id'].$delete({ param: { id: enc(id) } })),
    syncAccount: (id: string) => call<{ account: AccountView }>(() => client.v1.accounts[':id'].sync.$post({ param: { id: enc(id) } })),
    uploadMemory: (messages: StoredMessageFacts[]) =>
      call<{ accepted: number; duplicates: number; threadsUpdated: number }>(() => client.v1.memory.$post({ json: { messages } })),
    // Organisations (issue 13): the caller's, their members and invitations, and the team's clients.
    orgs: () => call<{ orgs: Org[] }>(() => client.v1.orgs.$get()),
    createOrg: (name: string) => call<Org>(() => client.v1.orgs.$post({ json: { name } })),
    orgMembers: (orgId: string) => call<{ members: OrgMember[]; invitations: OrgInvitation[] }>(() => client.v1.orgs[':orgId'].members.$get({ param: { orgId: enc(orgId) } })),
    inviteMember: (orgId: string, email: string, role: OrgRole) =>
      call<{ invitation: OrgInvitation }>(() => client.v1.orgs[':orgId'].members.$post({ param: { orgId: enc(orgId) }, json: { email, role } })),
    updateMember: (orgId: string, userId: string, change: { role?: OrgRole; shareSentences?: boolean }) =>
      call<{ member: OrgMember }>(() => client.v1.orgs[':orgId'].members[':userId'].$patch({ param: { orgId: enc(orgId), userId: enc(userId) }, json: change })),
    removeMember: (orgId: string, userId: string) =>
      call<{ removed: true }>(() => client.v1.orgs[':orgId'].members[':userId'].$delete({ param: { orgId: enc(orgId), userId: enc(userId) } })),
    cancelInvitation: (orgId: string, invitationId: string) =>
      call<{ cancelled: true }>(() => client.v1.orgs[':orgId'].invitations[':invitationId'].$delete({ param: { orgId: enc(orgId), invitationId: enc(invitationId) } })),
    myInvitations: () => call<{ invitations: OrgInvitation[] }>(() => client.v1.invitations.$get()),
    acceptInvitation: (id: string) => call<{ org: Org }>(() => client.v1.invitations[':id'].accept.$post({ param: { id: enc(id) } })),
    declineInvitation: (id: string) => call<{ declined: true }>(() => client.v1.invitations[':id'].decline.$post({ param: { id: enc(id) } })),
    teamCounterparts: (orgId: string, q: { filter?: 'overdue' | 'silent' | 'renewal' | 'awaiting'; sort?: 'health' | '-health' | 'lastContact' | 'key'; limit?: number; cursor?: string | null }) =>
      call<{ counterparts: TeamCounterpart[]; total: number; nextCursor: string | null }>(() =>
        client.v1.orgs[':orgId'].counterparts.$get({ param: { orgId: enc(orgId) }, query: { ...(q.filter ? { filter: q.filter } : {}), ...(q.sort ? { sort: q.sort } : {}), ...page(q) } }),
      ),
    teamCounterpart: (orgId: string, key: string) =>
      call<OrgCounterpartDetail>(() => client.v1.orgs[':orgId'].counterparts[':key'].$get({ param: { orgId: enc(orgId), key: enc(key) } })),
    teamTimeline: (orgId: string, key: string, q: { limit?: number; cursor?: string | null }) =>
      call<{ touchpoints: TeamTouchpoint[]; total: number; nextCursor: string | null }>(() =>
        client.v1.orgs[':orgId'].counterparts[':key'].timeline.$get({ param: { orgId: enc(orgId), key: enc(key) }, query: page(q) }),
      ),
    updateTeamCounterpart: (orgId: string, key: string, patch: UpdateOrgCounterpartRequest) =>
      call<{ key: string; profile: TeamClientProfile }>(() => client.v1.orgs[':orgId'].counterparts[':key'].$patch({ param: { orgId: enc(orgId), key: enc(key) }, json: patch })),
    teamStats: (orgId: string) => call<{ members: TeamMemberStats[] }>(() => client.v1.orgs[':orgId'].team.$get({ param: { orgId: enc(orgId) } })),
    health: () => call<{ status: string }>(() => client.healthz.$get()),
    me: () => call<unknown>(() => client.v1.me.settings.$get()),
    threadSummary: (threadId: string) =>
      call<ThreadSummaryResponse>(() => client.v1.threads[':threadId'].summary.$get({ param: { threadId: enc(threadId) } })),
    pushMessages: (messages: NormalizedMessageInput[]) =>
      call<{ accepted?: number }>(() => client.v1.messages.$post({ json: { messages } })),
    createTouchpoint: (touchpoint: Touchpoint) => call<unknown>(() => client.v1.touchpoints.$post({ json: touchpoint })),
    updatePromise: (id: string, body: UpdatePromiseRequest) =>
      call<unknown>(() => client.v1.promises[':id'].$patch({ param: { id: enc(id) }, json: body })),
    reminders: () => call<{ now: string; reminders: Reminder[]; counts: Record<ReminderKind, number> }>(() => client.v1.reminders.$get({ query: {} })),
    accounts: () => call<ListAccountsResponse>(() => client.v1.accounts.$get()),
    report: (counterpart: string, since?: string) =>
      call<ProgressReport>(() =>
        client.v1.counterparts[':key'].report.$get({ param: { key: enc(counterpart) }, query: since ? { since } : {} }),
      ),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
