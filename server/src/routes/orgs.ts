import { Hono } from 'hono';
import { z } from 'zod';
import {
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
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { readClock } from '../store/read/counterpart-reads';
import { listTeamCounterparts, readTeamCounterpart, readTeamStats, readTeamTimeline, updateTeamProfile } from '../store/read/team-reads';
import {
  acceptInvitation,
  cancelInvitation,
  createOrg,
  declineInvitation,
  deleteOrg,
  inviteMember,
  listInvitationsFor,
  listMembers,
  listOrgInvitations,
  listOrgsOf,
  orgOf,
  removeMember,
  renameOrg,
  requireMembership,
  updateMember,
} from '../store/orgs';
import { createYielder } from '../store/sql';
import { settingsOfUser } from '../store/users';

const orgParam = z.object({ orgId: z.string().min(1).max(100) });
const memberParam = orgParam.extend({ userId: z.string().min(1).max(100) });
const invitationParam = orgParam.extend({ invitationId: z.string().min(1).max(100) });
const keyParam = orgParam.extend({ key: z.string().min(1).max(320).transform((k) => k.toLowerCase()) });

/**
 * `/v1/orgs`: organisations, their members and invitations, and the team's view of its clients. Every route
 * under `/:orgId` starts with requireMembership: someone outside the organisation gets 404 whatever they ask.
 */
export const orgRoutes = new Hono<AppEnv>()
  .post('/', describe({ summary: 'Create an organisation (the caller is its admin and a manager)', response: orgSchema, status: 201 }), validate('json', createOrgRequestSchema), async (c) => {
    const { name } = c.req.valid('json');
    const org = await createOrg(c.get('deps').database, { name, userId: c.get('user').id, now: c.get('deps').clock() });
    return c.json(org, 201);
  })
  .get('/', describe({ summary: 'The organisations the caller is a member of', response: listOrgsResponseSchema }), async (c) => c.json({ orgs: await listOrgsOf(c.get('deps').database.reader, c.get('user').id) }, 200))
  .get('/:orgId', describe({ summary: "One organisation, with the caller's role and sharing (404 for non-members)", response: orgSchema, errors: [404] }), validate('param', orgParam), async (c) => {
    const { orgId } = c.req.valid('param');
    return c.json(await orgOf(c.get('deps').database.reader, orgId, c.get('user').id), 200);
  })
  .patch('/:orgId', describe({ summary: 'Rename (admin)', response: orgSchema, errors: [403, 404] }), validate('param', orgParam), validate('json', updateOrgRequestSchema), async (c) => {
    const { orgId } = c.req.valid('param');
    await requireMembership(c.get('deps').database.reader, orgId, c.get('user').id, 'admin');
    await renameOrg(c.get('deps').database, orgId, c.req.valid('json').name);
    return c.json(await orgOf(c.get('deps').database.reader, orgId, c.get('user').id), 200);
  })
  .delete('/:orgId', describe({ summary: "Delete the organisation (admin); nobody's own data", response: deleteOrgResponseSchema, errors: [403, 404] }), validate('param', orgParam), async (c) => {
    const { orgId } = c.req.valid('param');
    await requireMembership(c.get('deps').database.reader, orgId, c.get('user').id, 'admin');
    await deleteOrg(c.get('deps').database, orgId);
    return c.json({ deleted: true as const }, 200);
  })
  .get('/:orgId/members', describe({ summary: 'Members (role, department, sharing) and open invitations', response: listOrgMembersResponseSchema, errors: [404] }), validate('param', orgParam), async (c) => {
    const { orgId } = c.req.valid('param');
    const reader = c.get('deps').database.reader;
    await requireMembership(reader, orgId, c.get('user').id);
    const [members, invitations] = await Promise.all([listMembers(reader, orgId), listOrgInvitations(reader, orgId)]);
    return c.json({ members, invitations }, 200);
  })
  .post('/:orgId/members', describe({ summary: 'Invite a colleague by address (admin); they join when they accept, and the invitation says what is shared', response: addOrgMemberResponseSchema, status: 201, errors: [403, 404, 409] }), validate('param', orgParam), validate('json', addOrgMemberRequestSchema), async (c) => {
    const { orgId } = c.req.valid('param');
    const { email, role } = c.req.valid('json');
    await requireMembership(c.get('deps').database.reader, orgId, c.get('user').id, 'admin');
    const invitation = await inviteMember(c.get('deps').database, { orgId, email, role, invitedBy: c.get('user').id, now: c.get('deps').clock() });
    return c.json({ invitation }, 201);
  })
  .patch('/:orgId/members/:userId', describe({ summary: "Change a role (admin) or one's own sharing of promise, request and risk sentences", response: updateOrgMemberResponseSchema, errors: [403, 404, 409] }), validate('param', memberParam), validate('json', updateOrgMemberRequestSchema), async (c) => {
    const { orgId, userId } = c.req.valid('param');
    const actor = await requireMembership(c.get('deps').database.reader, orgId, c.get('user').id);
    const member = await updateMember(c.get('deps').database, actor, userId, c.req.valid('json'));
    return c.json({ member }, 200);
  })
  .delete('/:orgId/members/:userId', describe({ summary: 'Remove a member (admin) or leave', response: removeOrgMemberResponseSchema, errors: [403, 404, 409] }), validate('param', memberParam), async (c) => {
    const { orgId, userId } = c.req.valid('param');
    const actor = await requireMembership(c.get('deps').database.reader, orgId, c.get('user').id);
    await removeMember(c.get('deps').database, actor, userId);
    return c.json({ removed: true as const }, 200);
  })
  .delete('/:orgId/invitations/:invitationId', describe({ summary: 'Withdraw an invitation (admin)', response: cancelInvitationResponseSchema, errors: [403, 404] }), validate('param', invitationParam), async (c) => {
    const { orgId, invitationId } = c.req.valid('param');
    await requireMembership(c.get('deps').database.reader, orgId, c.get('user').id, 'admin');
    if (!(await cancelInvitation(c.get('deps').database, orgId, invitationId))) throw ApiError.notFound(`invitation ${invitationId}`);
    return c.json({ cancelled: true as const }, 200);
  })
  .get('/:orgId/team', describe({ summary: "Each member's keep rate, initiation share and reply lag (managers)", response: orgTeamResponseSchema, errors: [403, 404] }), validate('param', orgParam), async (c) => {
    const { orgId } = c.req.valid('param');
    const reader = c.get('deps').database.reader;
    await requireMembership(reader, orgId, c.get('user').id, 'manager');
    const settings = settingsOfUser(c.get('user')).analysis;
    return c.json({ members: await readTeamStats(reader, orgId, readClock(c.get('deps').clock(), settings), createYielder()) }, 200);
  })
  .get('/:orgId/counterparts', describe({ summary: "Every client any member deals with, with the team's figures, departments and each member's part (no sentences)", response: listOrgCounterpartsResponseSchema, errors: [404] }), validate('param', orgParam), validate('query', listOrgCounterpartsQuerySchema), async (c) => {
    const { orgId } = c.req.valid('param');
    const reader = c.get('deps').database.reader;
    const viewer = await requireMembership(reader, orgId, c.get('user').id);
    const settings = settingsOfUser(c.get('user')).analysis;
    const page = await listTeamCounterparts(reader, viewer, c.req.valid('query'), readClock(c.get('deps').clock(), settings), settings, createYielder());
    return c.json(page, 200);
  })
  .get('/:orgId/counterparts/:key', describe({ summary: "A client's 360° page: team figures, members, the merged timeline, the latest review, sentences of members who share them", response: orgCounterpartDetailResponseSchema, errors: [404] }), validate('param', keyParam), async (c) => {
    const { orgId, key } = c.req.valid('param');
    const reader = c.get('deps').database.reader;
    const viewer = await requireMembership(reader, orgId, c.get('user').id);
    const settings = settingsOfUser(c.get('user')).analysis;
    const detail = await readTeamCounterpart(reader, viewer, key, readClock(c.get('deps').clock(), settings), settings);
    if (!detail) throw ApiError.notFound(`counterpart ${key}`);
    return c.json(detail, 200);
  })
  .patch('/:orgId/counterparts/:key', describe({ summary: "Set the team's profile of a client: name, cadence, renewal, notes, owner, review and feedback intervals", response: updateOrgCounterpartResponseSchema, errors: [404] }), validate('param', keyParam), validate('json', updateOrgCounterpartRequestSchema), async (c) => {
    const { orgId, key } = c.req.valid('param');
    const { database } = c.get('deps');
    const viewer = await requireMembership(database.reader, orgId, c.get('user').id);
    const profile = await updateTeamProfile(database, viewer, key, c.req.valid('json'), c.get('deps').clock());
    if (!profile) throw ApiError.notFound(`counterpart ${key}`);
    return c.json({ key, profile }, 200);
  })
  .get('/:orgId/counterparts/:key/timeline', describe({ summary: "Every member's touchpoints with a client, newest first, paged", response: orgTimelineResponseSchema, errors: [404] }), validate('param', keyParam), validate('query', orgTimelineQuerySchema), async (c) => {
    const { orgId, key } = c.req.valid('param');
    const reader = c.get('deps').database.reader;
    const viewer = await requireMembership(reader, orgId, c.get('user').id);
    const page = await readTeamTimeline(reader, viewer.orgId, key, c.req.valid('query'));
    return c.json(page, 200);
  });

const invitationIdParam = z.object({ id: z.string().min(1).max(100) });

/** `/v1/invitations`: the invitations addressed to the caller, to accept or decline. */
export const invitationRoutes = new Hono<AppEnv>()
  .get('/', describe({ summary: 'Invitations to organisations addressed to the caller, each saying what joining shares', response: listInvitationsResponseSchema }), async (c) => c.json({ invitations: await listInvitationsFor(c.get('deps').database.reader, c.get('user').email) }, 200))
  .post('/:id/accept', describe({ summary: 'Accept: join the organisation with the invited role', response: acceptInvitationResponseSchema, errors: [404] }), validate('param', invitationIdParam), async (c) => {
    const { id } = c.req.valid('param');
    const orgId = await acceptInvitation(c.get('deps').database, id, c.get('user'), c.get('deps').clock());
    return c.json({ org: await orgOf(c.get('deps').database.reader, orgId, c.get('user').id) }, 200);
  })
  .post('/:id/decline', describe({ summary: 'Decline an invitation', response: declineInvitationResponseSchema, errors: [404] }), validate('param', invitationIdParam), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await declineInvitation(c.get('deps').database, id, c.get('user').email))) throw ApiError.notFound(`invitation ${id}`);
    return c.json({ declined: true as const }, 200);
  });
