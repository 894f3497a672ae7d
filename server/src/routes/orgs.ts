import { Hono } from 'hono';
import { z } from 'zod';
import {
  addOrgMemberRequestSchema,
  createOrgRequestSchema,
  listOrgCounterpartsQuerySchema,
  orgTimelineQuerySchema,
  updateOrgCounterpartRequestSchema,
  updateOrgMemberRequestSchema,
  updateOrgRequestSchema,
} from '@followthrough/shared/contract';
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
  .post('/', validate('json', createOrgRequestSchema), async (c) => {
    const { name } = c.req.valid('json');
    const org = await createOrg(c.var.deps.database, { name, userId: c.var.user.id, now: c.var.deps.clock() });
    return c.json(org, 201);
  })
  .get('/', async (c) => c.json({ orgs: await listOrgsOf(c.var.deps.database.reader, c.var.user.id) }, 200))
  .get('/:orgId', validate('param', orgParam), async (c) => {
    const { orgId } = c.req.valid('param');
    return c.json(await orgOf(c.var.deps.database.reader, orgId, c.var.user.id), 200);
  })
  .patch('/:orgId', validate('param', orgParam), validate('json', updateOrgRequestSchema), async (c) => {
    const { orgId } = c.req.valid('param');
    await requireMembership(c.var.deps.database.reader, orgId, c.var.user.id, 'admin');
    await renameOrg(c.var.deps.database, orgId, c.req.valid('json').name);
    return c.json(await orgOf(c.var.deps.database.reader, orgId, c.var.user.id), 200);
  })
  .delete('/:orgId', validate('param', orgParam), async (c) => {
    const { orgId } = c.req.valid('param');
    await requireMembership(c.var.deps.database.reader, orgId, c.var.user.id, 'admin');
    await deleteOrg(c.var.deps.database, orgId);
    return c.json({ deleted: true as const }, 200);
  })
  .get('/:orgId/members', validate('param', orgParam), async (c) => {
    const { orgId } = c.req.valid('param');
    const reader = c.var.deps.database.reader;
    await requireMembership(reader, orgId, c.var.user.id);
    const [members, invitations] = await Promise.all([listMembers(reader, orgId), listOrgInvitations(reader, orgId)]);
    return c.json({ members, invitations }, 200);
  })
  .post('/:orgId/members', validate('param', orgParam), validate('json', addOrgMemberRequestSchema), async (c) => {
    const { orgId } = c.req.valid('param');
    const { email, role } = c.req.valid('json');
    await requireMembership(c.var.deps.database.reader, orgId, c.var.user.id, 'admin');
    const invitation = await inviteMember(c.var.deps.database, { orgId, email, role, invitedBy: c.var.user.id, now: c.var.deps.clock() });
    return c.json({ invitation }, 201);
  })
  .patch('/:orgId/members/:userId', validate('param', memberParam), validate('json', updateOrgMemberRequestSchema), async (c) => {
    const { orgId, userId } = c.req.valid('param');
    const actor = await requireMembership(c.var.deps.database.reader, orgId, c.var.user.id);
    const member = await updateMember(c.var.deps.database, actor, userId, c.req.valid('json'));
    return c.json({ member }, 200);
  })
  .delete('/:orgId/members/:userId', validate('param', memberParam), async (c) => {
    const { orgId, userId } = c.req.valid('param');
    const actor = await requireMembership(c.var.deps.database.reader, orgId, c.var.user.id);
    await removeMember(c.var.deps.database, actor, userId);
    return c.json({ removed: true as const }, 200);
  })
  .delete('/:orgId/invitations/:invitationId', validate('param', invitationParam), async (c) => {
    const { orgId, invitationId } = c.req.valid('param');
    await requireMembership(c.var.deps.database.reader, orgId, c.var.user.id, 'admin');
    if (!(await cancelInvitation(c.var.deps.database, orgId, invitationId))) throw ApiError.notFound(`invitation ${invitationId}`);
    return c.json({ cancelled: true as const }, 200);
  })
  .get('/:orgId/team', validate('param', orgParam), async (c) => {
    const { orgId } = c.req.valid('param');
    const reader = c.var.deps.database.reader;
    await requireMembership(reader, orgId, c.var.user.id, 'manager');
    const settings = settingsOfUser(c.var.user).analysis;
    return c.json({ members: await readTeamStats(reader, orgId, readClock(c.var.deps.clock(), settings), createYielder()) }, 200);
  })
  .get('/:orgId/counterparts', validate('param', orgParam), validate('query', listOrgCounterpartsQuerySchema), async (c) => {
    const { orgId } = c.req.valid('param');
    const reader = c.var.deps.database.reader;
    const viewer = await requireMembership(reader, orgId, c.var.user.id);
    const settings = settingsOfUser(c.var.user).analysis;
    const page = await listTeamCounterparts(reader, viewer, c.req.valid('query'), readClock(c.var.deps.clock(), settings), settings, createYielder());
    return c.json(page, 200);
  })
  .get('/:orgId/counterparts/:key', validate('param', keyParam), async (c) => {
    const { orgId, key } = c.req.valid('param');
    const reader = c.var.deps.database.reader;
    const viewer = await requireMembership(reader, orgId, c.var.user.id);
    const settings = settingsOfUser(c.var.user).analysis;
    const detail = await readTeamCounterpart(reader, viewer, key, readClock(c.var.deps.clock(), settings), settings);
    if (!detail) throw ApiError.notFound(`counterpart ${key}`);
    return c.json(detail, 200);
  })
  .patch('/:orgId/counterparts/:key', validate('param', keyParam), validate('json', updateOrgCounterpartRequestSchema), async (c) => {
    const { orgId, key } = c.req.valid('param');
    const { database } = c.var.deps;
    const viewer = await requireMembership(database.reader, orgId, c.var.user.id);
    const profile = await updateTeamProfile(database, viewer, key, c.req.valid('json'), c.var.deps.clock());
    if (!profile) throw ApiError.notFound(`counterpart ${key}`);
    return c.json({ key, profile }, 200);
  })
  .get('/:orgId/counterparts/:key/timeline', validate('param', keyParam), validate('query', orgTimelineQuerySchema), async (c) => {
    const { orgId, key } = c.req.valid('param');
    const reader = c.var.deps.database.reader;
    const viewer = await requireMembership(reader, orgId, c.var.user.id);
    const page = await readTeamTimeline(reader, viewer.orgId, key, c.req.valid('query'));
    return c.json(page, 200);
  });

const invitationIdParam = z.object({ id: z.string().min(1).max(100) });

/** `/v1/invitations`: the invitations addressed to the caller, to accept or decline. */
export const invitationRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ invitations: await listInvitationsFor(c.var.deps.database.reader, c.var.user.email) }, 200))
  .post('/:id/accept', validate('param', invitationIdParam), async (c) => {
    const { id } = c.req.valid('param');
    const orgId = await acceptInvitation(c.var.deps.database, id, c.var.user, c.var.deps.clock());
    return c.json({ org: await orgOf(c.var.deps.database.reader, orgId, c.var.user.id) }, 200);
  })
  .post('/:id/decline', validate('param', invitationIdParam), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await declineInvitation(c.var.deps.database, id, c.var.user.email))) throw ApiError.notFound(`invitation ${id}`);
    return c.json({ declined: true as const }, 200);
  });
