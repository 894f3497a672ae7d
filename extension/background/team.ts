import type { Org } from '@followthrough/shared/contract';
import type { Department } from '@followthrough/shared/model';
import type { ProtocolMap, Remote, SettingsState } from '../utils/messaging';
import { completeSettings } from '../utils/settings';
import { settingsItem } from '../utils/storage';
import { currentClient, toRemote } from './context';
import { pullServerSettings, saveSettings } from './settings-sync';

/**
 * Teams (issue 13): organisations, members, invitations and the team's view of its clients. Only with a
 * server (an organisation is the server's); reads and writes go straight to it, not through the offline
 * queue: what a team page shows is what the server says now, and a refused change says why at once.
 */
type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Answer<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

const PAGE = 25;

async function withClient<T>(run: (client: NonNullable<Awaited<ReturnType<typeof currentClient>>>) => Promise<Remote<T>>): Promise<Remote<T>> {
  const client = await currentClient();
  if (!client) return { status: 'local-only' };
  return run(client);
}

export const listOrgs = (): Promise<Answer<'listOrgs'>> => withClient(async (c) => toRemote(await c.orgs()));
export const createOrg = ({ name }: Data<'createOrg'>): Promise<Answer<'createOrg'>> => withClient(async (c) => toRemote(await c.createOrg(name)));
export const getOrgMembers = ({ orgId }: Data<'getOrgMembers'>): Promise<Answer<'getOrgMembers'>> => withClient(async (c) => toRemote(await c.orgMembers(orgId)));
export const inviteOrgMember = ({ orgId, email, role }: Data<'inviteOrgMember'>): Promise<Answer<'inviteOrgMember'>> =>
  withClient(async (c) => toRemote(await c.inviteMember(orgId, email, role)));
export const updateOrgMember = ({ orgId, userId, change }: Data<'updateOrgMember'>): Promise<Answer<'updateOrgMember'>> =>
  withClient(async (c) => toRemote(await c.updateMember(orgId, userId, change)));
export const removeOrgMember = ({ orgId, userId }: Data<'removeOrgMember'>): Promise<Answer<'removeOrgMember'>> =>
  withClient(async (c) => toRemote(await c.removeMember(orgId, userId)));
export const cancelOrgInvitation = ({ orgId, invitationId }: Data<'cancelOrgInvitation'>): Promise<Answer<'cancelOrgInvitation'>> =>
  withClient(async (c) => toRemote(await c.cancelInvitation(orgId, invitationId)));
export const listMyInvitations = (): Promise<Answer<'listMyInvitations'>> => withClient(async (c) => toRemote(await c.myInvitations()));
export const answerInvitation = ({ id, accept }: Data<'answerInvitation'>): Promise<Answer<'answerInvitation'>> =>
  withClient<{ org?: Org }>(async (c) => {
    if (accept) return toRemote(await c.acceptInvitation(id));
    const declined = toRemote(await c.declineInvitation(id));
    return declined.status === 'ok' ? { status: 'ok', data: {} } : declined;
  });
export const listTeamClients = (q: Data<'listTeamClients'>): Promise<Answer<'listTeamClients'>> =>
  withClient(async (c) => toRemote(await c.teamCounterparts(q.orgId, { ...(q.filter ? { filter: q.filter } : {}), sort: 'health', limit: q.limit, cursor: q.cursor ?? null })));
export const getTeamClient = ({ orgId, counterpart }: Data<'getTeamClient'>): Promise<Answer<'getTeamClient'>> =>
  withClient(async (c) => toRemote(await c.teamCounterpart(orgId, counterpart)));
export const getTeamTimeline = ({ orgId, counterpart, cursor }: Data<'getTeamTimeline'>): Promise<Answer<'getTeamTimeline'>> =>
  withClient(async (c) => toRemote(await c.teamTimeline(orgId, counterpart, { limit: PAGE, cursor: cursor ?? null })));
export const updateTeamClient = ({ orgId, counterpart, patch }: Data<'updateTeamClient'>): Promise<Answer<'updateTeamClient'>> =>
  withClient(async (c) => toRemote(await c.updateTeamCounterpart(orgId, counterpart, patch)));
export const getTeamStats = ({ orgId }: Data<'getTeamStats'>): Promise<Answer<'getTeamStats'>> => withClient(async (c) => toRemote(await c.teamStats(orgId)));

/** The department is one of the user's settings: the server's when signed in (through the queue), else this browser's. */
export async function setDepartment(department: Department | null): Promise<SettingsState> {
  const current = await pullServerSettings().catch(async () => ({ values: completeSettings(await settingsItem.getValue()) }) as Pick<SettingsState, 'values'>);
  return saveSettings({ ...current.values, department });
}
