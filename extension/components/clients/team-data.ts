import type {
  Org,
  OrgCounterpartDetail,
  OrgMember,
  TeamClientProfile,
  TeamCounterpart,
  TeamMemberStats,
  TeamTouchpoint,
  UpdateOrgCounterpartRequest,
} from '@followthrough/shared/contract';
import type { Touchpoint } from '@followthrough/shared/model';
import { sendMessage, type Remote } from '../../utils/messaging';
import type { ClientFilterId } from './clients-data';
import type { CursorPage } from './cursor-pages';

/**
 * Where the Clients view's team mode gets its data: an organisation's clients composed by the server from
 * every member's figures. The components take this, not messaging, so tests drive them with fakes.
 */
export interface TeamData {
  orgs(): Promise<Remote<{ orgs: Org[] }>>;
  list(orgId: string, q: { filter?: ClientFilterId; limit: number; cursor?: string | null }): Promise<Remote<CursorPage<TeamCounterpart>>>;
  client(orgId: string, key: string): Promise<Remote<OrgCounterpartDetail>>;
  timeline(orgId: string, key: string, cursor: string | null): Promise<Remote<{ touchpoints: TeamTouchpoint[]; total: number; nextCursor: string | null }>>;
  stats(orgId: string): Promise<Remote<{ members: TeamMemberStats[] }>>;
  members(orgId: string): Promise<Remote<{ members: OrgMember[] }>>;
  saveProfile(orgId: string, key: string, patch: UpdateOrgCounterpartRequest): Promise<Remote<{ key: string; profile: TeamClientProfile }>>;
  /** Logs a touchpoint of the user's own (a quarterly review from the 360° page): through the offline queue. */
  logTouchpoint(touchpoint: Touchpoint): Promise<void>;
  newId(): string;
}

export const backgroundTeamData: TeamData = {
  orgs: () => sendMessage('listOrgs', undefined),
  list: (orgId, q) => sendMessage('listTeamClients', { orgId, ...q }),
  client: (orgId, key) => sendMessage('getTeamClient', { orgId, counterpart: key }),
  timeline: (orgId, key, cursor) => sendMessage('getTeamTimeline', { orgId, counterpart: key, cursor }),
  stats: (orgId) => sendMessage('getTeamStats', { orgId }),
  members: (orgId) => sendMessage('getOrgMembers', { orgId }),
  saveProfile: (orgId, key, patch) => sendMessage('updateTeamClient', { orgId, counterpart: key, patch }),
  logTouchpoint: async (touchpoint) => {
    await sendMessage('logTouchpoint', { touchpoint });
  },
  newId: () => crypto.randomUUID(),
};

/** The team mode's filters: the manager's questions, in the order they are worked through. */
export const TEAM_FILTERS: { id: ClientFilterId | 'all'; label: string }[] = [
  { id: 'all', label: 'All clients' },
  { id: 'silent', label: 'Nobody in touch within cadence' },
  { id: 'renewal', label: 'Renewal within 90 days' },
  { id: 'overdue', label: 'Overdue promises' },
  { id: 'awaiting', label: 'Awaiting our reply' },
];
