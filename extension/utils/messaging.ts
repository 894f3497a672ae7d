import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CounterpartSummary, PromiseVerdict, Touchpoint, NormalizedMessageInput, StoredMessageFacts, ProgressReport } from '@followthrough/shared/model';
import type {
  AccountView,
  AnalysisStatus,
  CounterpartDetailResponse,
  CounterpartListItem,
  CounterpartProfile,
  CounterpartThread,
  DataSummary,
  MailAccess,
  MailProviderName,
  Org,
  OrgCounterpartDetail,
  OrgInvitation,
  OrgMember,
  OrgRole,
  PromiseView,
  Reminder,
  StoredTouchpoint,
  TeamClientProfile,
  TeamCounterpart,
  TeamMemberStats,
  TeamTouchpoint,
  ThreadSummaryResponse,
  UpdateCounterpartRequest,
  UpdateOrgCounterpartRequest,
} from '@followthrough/shared/contract';
import type { Department } from '@followthrough/shared/model';
import type { RememberedThread } from './memory-store';
import type { EngineAnswer, EngineRequests, EngineResults } from './remote-engine';
import type { ExtensionSettings } from './settings';

/** Server answers as the pages see them: data, or why there is none (never a thrown error). */
export type Remote<T> =
  | { status: 'ok'; data: T }
  /** No server configured: local-only mode. */
  | { status: 'local-only' }
  | { status: 'not-found' }
  | { status: 'error'; message: string };

export interface ConnectionTestResult {
  ok: boolean;
  /** One line per step: reachability (/healthz), then the token (an authenticated call). */
  steps: { name: 'reachable' | 'token' | 'permission'; ok: boolean; detail: string }[];
}

export interface QueueStatus {
  pending: number;
  failed: number;
  oldestPendingAt: string | null;
}

/** One write waiting for the server, or refused by it, as the options page lists it. */
export interface QueueItem {
  key: string;
  description: string;
  enqueuedAt: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
}

/** Where the Clients view's figures come from: the server, or this browser's memory of opened threads. */
export type ClientsSource = 'server' | 'memory';

/** What the sidebar overlays on a local-only thread: the client's figures from every remembered thread. */
export interface LocalThreadView {
  counterpartSummary: CounterpartSummary & { name: string | null; renewalDate: string | null };
  otherOpenPromises: PromiseView[];
  otherOpenPromiseCount: number;
  threadsRemembered: number;
}

/** The settings the options page edits: the server's when signed in (the one home), else this browser's. */
export type SettingsValues = Pick<ExtensionSettings, 'addresses' | 'timeZone' | 'workingHours' | 'defaultCadenceDays' | 'initiationTargetPercent'> & Partial<Pick<ExtensionSettings, 'department'>>;

export interface SettingsState {
  values: SettingsValues;
  source: 'server' | 'local';
  /** An edit made offline waits in the queue. */
  pending: boolean;
  /** Why the server's settings could not be read (the local copy is shown). */
  error: string | null;
}

export interface LocalDataSummary {
  threads: number;
  messages: number;
  touchpoints: number;
  verdicts: number;
  clients: number;
  queued: number;
}

/**
 * The one protocol between content scripts / popup / options / Clients and the background, which alone
 * talks to the server and holds the token. Every message is typed here; nothing else calls sendMessage.
 */
export interface ProtocolMap {
  // The shared engine, run in the background for the content scripts (utils/remote-engine.ts).
  analyzeSnapshot(data: EngineRequests['analyzeSnapshot']): EngineAnswer<EngineResults['analyzeSnapshot']>;
  localReport(data: EngineRequests['localReport']): EngineAnswer<EngineResults['localReport']>;
  rememberedFacts(data: EngineRequests['rememberedFacts']): EngineAnswer<EngineResults['rememberedFacts']>;
  /** A thread is about to be opened: start the background and compile the engine's rules if it has not yet. */
  warmEngine(): { warmed: boolean };
  // The sidebar.
  getThreadSummary(data: { threadId: string }): Remote<ThreadSummaryResponse>;
  /** Pushes what the open thread shows to the server (idempotent by message id). Bodies go only there. */
  pushThreadMessages(data: { messages: NormalizedMessageInput[] }): Remote<{ accepted: number }>;
  /** Local-only mode: keeps the thread's facts (no bodies) and answers with the client's figures from all remembered threads. */
  rememberThread(data: { thread: RememberedThread; facts: StoredMessageFacts[] }): LocalThreadView | null;
  logTouchpoint(data: { touchpoint: Touchpoint }): { queued: true; pending: number };
  setPromiseVerdict(data: { promiseId: string; verdict: Required<Pick<PromiseVerdict, 'status'>> & PromiseVerdict }): {
    queued: boolean;
    pending: number;
  };
  getReport(data: { counterpart: string; since?: string }): Remote<ProgressReport>;
  // Clients (the sidebar's client header and the Clients view).
  getClientProfile(data: { counterpart: string }): Remote<{ profile: CounterpartProfile; source: ClientsSource }>;
  updateClientProfile(data: { counterpart: string; patch: UpdateCounterpartRequest }): { queued: boolean; pending: number };
  listClients(data: { filter?: 'overdue' | 'silent' | 'renewal' | 'awaiting'; limit: number; cursor?: string | null }): Remote<{
    counterparts: CounterpartListItem[];
    total: number;
    nextCursor: string | null;
    source: ClientsSource;
  }>;
  getClient(data: { counterpart: string }): Remote<CounterpartDetailResponse & { source: ClientsSource }>;
  getClientThreads(data: { counterpart: string; cursor?: string | null }): Remote<{ threads: CounterpartThread[]; total: number; nextCursor: string | null }>;
  getClientPromises(data: { counterpart: string; cursor?: string | null }): Remote<{ promises: PromiseView[]; nextCursor: string | null }>;
  getClientTouchpoints(data: { counterpart: string; cursor?: string | null }): Remote<{ touchpoints: StoredTouchpoint[]; nextCursor: string | null }>;
  /** Opens the Clients view in a tab (on a client's page when given). */
  openClients(data: { counterpart?: string }): void;
  /** Opens the options page (content scripts cannot). */
  openOptions(): void;
  // Teams (issue 13): the user's organisations, their members and invitations, the team's clients.
  listOrgs(): Remote<{ orgs: Org[] }>;
  createOrg(data: { name: string }): Remote<Org>;
  getOrgMembers(data: { orgId: string }): Remote<{ members: OrgMember[]; invitations: OrgInvitation[] }>;
  inviteOrgMember(data: { orgId: string; email: string; role: OrgRole }): Remote<{ invitation: OrgInvitation }>;
  /** A role (an admin's act) or the user's own sharing of sentences. */
  updateOrgMember(data: { orgId: string; userId: string; change: { role?: OrgRole; shareSentences?: boolean } }): Remote<{ member: OrgMember }>;
  /** Removes a member (an admin's act), or leaves (the user's own id). */
  removeOrgMember(data: { orgId: string; userId: string }): Remote<{ removed: true }>;
  cancelOrgInvitation(data: { orgId: string; invitationId: string }): Remote<{ cancelled: true }>;
  /** Invitations addressed to the user, each saying what joining shares. */
  listMyInvitations(): Remote<{ invitations: OrgInvitation[] }>;
  answerInvitation(data: { id: string; accept: boolean }): Remote<{ org?: Org }>;
  listTeamClients(data: { orgId: string; filter?: 'overdue' | 'silent' | 'renewal' | 'awaiting'; limit: number; cursor?: string | null }): Remote<{
    counterparts: TeamCounterpart[];
    total: number;
    nextCursor: string | null;
  }>;
  getTeamClient(data: { orgId: string; counterpart: string }): Remote<OrgCounterpartDetail>;
  getTeamTimeline(data: { orgId: string; counterpart: string; cursor?: string | null }): Remote<{ touchpoints: TeamTouchpoint[]; total: number; nextCursor: string | null }>;
  updateTeamClient(data: { orgId: string; counterpart: string; patch: UpdateOrgCounterpartRequest }): Remote<{ key: string; profile: TeamClientProfile }>;
  /** Managers: each member's keep rate, initiation share and reply lag over all their clients. */
  getTeamStats(data: { orgId: string }): Remote<{ members: TeamMemberStats[] }>;
  /** The user's department (a setting: on the server when signed in), the default of the touchpoints they log. */
  setDepartment(data: { department: Department | null }): SettingsState;
  // Signing in.
  startSignIn(data: { serverUrl: string }): { ok: boolean; checkCode?: string; error?: string };
  cancelSignIn(): void;
  signOut(): { ok: boolean; error?: string };
  testConnection(data: { serverUrl: string; token: string }): ConnectionTestResult;
  // Settings.
  loadSettings(): SettingsState;
  saveSettings(data: { values: SettingsValues }): SettingsState;
  getAnalysisStatus(): Remote<AnalysisStatus>;
  // Reminders.
  refreshReminders(): { ok: boolean; count: number; error: string | null };
  snoozeReminder(data: { reminderId: string; until: string | null }): { queued: boolean };
  /** Opens a reminder's thread, or the client's page when it has none. */
  openReminder(data: { reminder: Pick<Reminder, 'link' | 'counterpart'> }): void;
  openThread(data: { link: string }): void;
  // Mailboxes.
  listMailboxes(): Remote<{ accounts: AccountView[] }>;
  connectMailbox(data: { provider: MailProviderName; access: MailAccess }): { ok: boolean; error?: string };
  disconnectMailbox(data: { id: string }): { ok: boolean; error?: string };
  syncMailbox(data: { id: string }): { ok: boolean; error?: string };
  // Your data.
  dataSummary(): { server: DataSummary | null; serverUrl: string | null; local: LocalDataSummary; error: string | null };
  exportAll(): { ok: boolean; json?: string; error?: string };
  eraseAll(): { ok: boolean; erased: string[]; error?: string };
  uploadMemory(): { ok: boolean; accepted: number; threads: number; error?: string };
  dismissMemoryOffer(): void;
  // Writes waiting for the server.
  getQueueStatus(): QueueStatus;
  getQueue(): { entries: QueueItem[]; failed: QueueItem[] };
  retryWrite(data: { key: string }): { ok: boolean };
  discardWrite(data: { key: string }): { ok: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
