import { randomUUID } from 'node:crypto';
import type { InValue } from '@libsql/client';
import { departmentSchema, type Department } from '@followthrough/shared';
import { ORG_SHARING_NOTICE, roleAtLeast, type Org, type OrgInvitation, type OrgMember, type OrgRole } from '@followthrough/shared/contract';
import type { Database } from '../db/client';
import { orgClientProfiles, orgInvitations, orgMembers, orgs, users } from '../db/schema/index';
import { ApiError } from '../http/errors';
import { names, str, strOrNull, type Executor } from './sql';
import { inWriteTransaction } from './write-transaction';

const O = names(orgs);
const OM = names(orgMembers);
const OI = names(orgInvitations);
const OP = names(orgClientProfiles);
const U = names(users);

export interface Membership {
  orgId: string;
  orgName: string;
  userId: string;
  role: OrgRole;
  shareSentences: boolean;
}

/**
 * The caller's membership of an organisation, or a 404 that says no more than "not found": someone outside
 * an organisation cannot tell it from one that does not exist. Every org route starts here.
 */
export async function requireMembership(db: Executor, orgId: string, userId: string, needs: OrgRole = 'member'): Promise<Membership> {
  const row = (
    await db.execute({
      sql: `SELECT o.${O.name} AS org_name, m.${OM.role} AS role, m.${OM.shareSentences} AS share FROM ${OM.$} m JOIN ${O.$} o ON o.${O.id} = m.${OM.orgId}
            WHERE m.${OM.orgId} = ? AND m.${OM.userId} = ?`,
      args: [orgId, userId],
    })
  ).rows[0];
  if (!row) throw ApiError.notFound(`organisation ${orgId}`);
  const membership = { orgId, orgName: str(row.org_name), userId, role: str(row.role) as OrgRole, shareSentences: Number(row.share) === 1 };
  if (!roleAtLeast(membership.role, needs)) throw ApiError.forbidden(`this needs the ${needs} role in ${membership.orgName}`);
  return membership;
}

/** The user's department, from their settings (the default of the touchpoints they log). */
export function departmentOf(settingsJson: unknown): Department | null {
  if (settingsJson === null || settingsJson === undefined) return null;
  try {
    const parsed = departmentSchema.safeParse((JSON.parse(str(settingsJson)) as { department?: unknown }).department);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createOrg(database: Database, input: { name: string; userId: string; now: Date }): Promise<Org> {
  const id = randomUUID();
  const at = input.now.toISOString();
  await database.client.batch(
    [
      { sql: `INSERT INTO ${O.$} (${O.id}, ${O.name}, ${O.createdAt}) VALUES (?, ?, ?)`, args: [id, input.name.trim(), at] },
      { sql: `INSERT INTO ${OM.$} (${OM.orgId}, ${OM.userId}, ${OM.role}, ${OM.shareSentences}, ${OM.joinedAt}) VALUES (?, ?, 'admin', 0, ?)`, args: [id, input.userId, at] },
    ],
    'write',
  );
  return { id, name: input.name.trim(), role: 'admin', shareSentences: false, memberCount: 1, createdAt: at };
}

const ORG_COLUMNS = `o.${O.id} AS id, o.${O.name} AS name, o.${O.createdAt} AS created_at, m.${OM.role} AS role, m.${OM.shareSentences} AS share,
  (SELECT count(*) FROM ${OM.$} c WHERE c.${OM.orgId} = o.${O.id}) AS member_count`;

function toOrg(r: Record<string, unknown>): Org {
  return { id: str(r.id), name: str(r.name), role: str(r.role) as OrgRole, shareSentences: Number(r.share) === 1, memberCount: Number(r.member_count), createdAt: str(r.created_at) };
}

export async function listOrgsOf(db: Executor, userId: string): Promise<Org[]> {
  const rows = await db.execute({
    sql: `SELECT ${ORG_COLUMNS} FROM ${OM.$} m JOIN ${O.$} o ON o.${O.id} = m.${OM.orgId} WHERE m.${OM.userId} = ? ORDER BY o.${O.name}, o.${O.id}`,
    args: [userId],
  });
  return rows.rows.map(toOrg);
}

export async function orgOf(db: Executor, orgId: string, userId: string): Promise<Org> {
  const row = (
    await db.execute({ sql: `SELECT ${ORG_COLUMNS} FROM ${OM.$} m JOIN ${O.$} o ON o.${O.id} = m.${OM.orgId} WHERE m.${OM.orgId} = ? AND m.${OM.userId} = ?`, args: [orgId, userId] })
  ).rows[0];
  if (!row) throw ApiError.notFound(`organisation ${orgId}`);
  return toOrg(row);
}

export async function renameOrg(database: Database, orgId: string, name: string): Promise<void> {
  await database.client.execute({ sql: `UPDATE ${O.$} SET ${O.name} = ? WHERE ${O.id} = ?`, args: [name.trim(), orgId] });
}

/** Deletes the organisation and everything of it (members, invitations, the team's client profiles); nobody's own data. */
export async function deleteOrg(database: Database, orgId: string): Promise<void> {
  await database.client.batch(
    [OM, OI, OP].map((t) => ({ sql: `DELETE FROM ${t.$} WHERE ${t.orgId} = ?`, args: [orgId] as InValue[] })).concat([{ sql: `DELETE FROM ${O.$} WHERE ${O.id} = ?`, args: [orgId] }]),
    'write',
  );
}

const MEMBER_COLUMNS = `m.${OM.userId} AS user_id, u.${U.email} AS email, u.${U.name} AS name, m.${OM.role} AS role, m.${OM.shareSentences} AS share,
  m.${OM.joinedAt} AS joined_at, u.${U.settingsJson} AS settings_json`;

function toMember(r: Record<string, unknown>): OrgMember {
  return {
    userId: str(r.user_id),
    email: str(r.email),
    name: strOrNull(r.name),
    role: str(r.role) as OrgRole,
    department: departmentOf(r.settings_json),
    shareSentences: Number(r.share) === 1,
    joinedAt: str(r.joined_at),
  };
}

export async function listMembers(db: Executor, orgId: string): Promise<OrgMember[]> {
  const rows = await db.execute({
    sql: `SELECT ${MEMBER_COLUMNS} FROM ${OM.$} m JOIN ${U.$} u ON u.${U.id} = m.${OM.userId} WHERE m.${OM.orgId} = ? ORDER BY m.${OM.joinedAt}, u.${U.email}`,
    args: [orgId],
  });
  return rows.rows.map(toMember);
}

const INVITATION_SELECT = `SELECT i.${OI.id} AS id, i.${OI.orgId} AS org_id, o.${O.name} AS org_name, i.${OI.email} AS email, i.${OI.role} AS role, i.${OI.createdAt} AS created_at,
    inviter.${U.email} AS inviter_email, inviter.${U.name} AS inviter_name, (SELECT 1 FROM ${U.$} x WHERE x.${U.email} = i.${OI.email}) AS account
  FROM ${OI.$} i JOIN ${O.$} o ON o.${O.id} = i.${OI.orgId} LEFT JOIN ${U.$} inviter ON inviter.${U.id} = i.${OI.invitedByUserId}`;

function toInvitation(r: Record<string, unknown>): OrgInvitation {
  return {
    id: str(r.id),
    orgId: str(r.org_id),
    orgName: str(r.org_name),
    email: str(r.email),
    role: str(r.role) as OrgRole,
    invitedBy: r.inviter_email === null || r.inviter_email === undefined ? null : { email: str(r.inviter_email), name: strOrNull(r.inviter_name) },
    createdAt: str(r.created_at),
    accountExists: r.account !== null && r.account !== undefined,
    sharingNotice: ORG_SHARING_NOTICE,
  };
}

export async function listOrgInvitations(db: Executor, orgId: string): Promise<OrgInvitation[]> {
  const rows = await db.execute({ sql: `${INVITATION_SELECT} WHERE i.${OI.orgId} = ? ORDER BY i.${OI.createdAt}, i.${OI.email}`, args: [orgId] });
  return rows.rows.map(toInvitation);
}

/** Invitations addressed to the user's account address, newest first. */
export async function listInvitationsFor(db: Executor, email: string): Promise<OrgInvitation[]> {
  const rows = await db.execute({ sql: `${INVITATION_SELECT} WHERE i.${OI.email} = ? ORDER BY i.${OI.createdAt} DESC, i.${OI.id}`, args: [normalizeEmail(email)] });
  return rows.rows.map(toInvitation);
}

/**
 * Invites an address (an admin's act). Inviting the same address again changes the role on the invitation;
 * an address that is already a member is a conflict.
 */
export async function inviteMember(database: Database, input: { orgId: string; email: string; role: OrgRole; invitedBy: string | null; now: Date }): Promise<OrgInvitation> {
  const email = normalizeEmail(input.email);
  return inWriteTransaction(database, async (tx) => {
    const member = await tx.execute({
      sql: `SELECT 1 FROM ${OM.$} m JOIN ${U.$} u ON u.${U.id} = m.${OM.userId} WHERE m.${OM.orgId} = ? AND u.${U.email} = ?`,
      args: [input.orgId, email],
    });
    if (member.rows.length > 0) throw ApiError.conflict(`${email} is already a member`);
    await tx.execute({
      sql: `INSERT INTO ${OI.$} (${OI.id}, ${OI.orgId}, ${OI.email}, ${OI.role}, ${OI.invitedByUserId}, ${OI.createdAt}) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (${OI.orgId}, ${OI.email}) DO UPDATE SET ${OI.role} = excluded.${OI.role}, ${OI.invitedByUserId} = excluded.${OI.invitedByUserId}`,
      args: [randomUUID(), input.orgId, email, input.role, input.invitedBy, input.now.toISOString()],
    });
    const row = (await tx.execute({ sql: `${INVITATION_SELECT} WHERE i.${OI.orgId} = ? AND i.${OI.email} = ?`, args: [input.orgId, email] })).rows[0];
    if (!row) throw new Error('invitation vanished after insert');
    return toInvitation(row);
  });
}

/** Accepts an invitation addressed to the user's account address: they become a member with its role. */
export async function acceptInvitation(database: Database, invitationId: string, user: { id: string; email: string }, now: Date): Promise<string> {
  return inWriteTransaction(database, async (tx) => {
    const row = (await tx.execute({ sql: `SELECT ${OI.orgId} AS org_id, ${OI.role} AS role FROM ${OI.$} WHERE ${OI.id} = ? AND ${OI.email} = ?`, args: [invitationId, normalizeEmail(user.email)] })).rows[0];
    if (!row) throw ApiError.notFound(`invitation ${invitationId}`);
    await tx.execute({
      sql: `INSERT INTO ${OM.$} (${OM.orgId}, ${OM.userId}, ${OM.role}, ${OM.shareSentences}, ${OM.joinedAt}) VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING`,
      args: [str(row.org_id), user.id, str(row.role), now.toISOString()],
    });
    await tx.execute({ sql: `DELETE FROM ${OI.$} WHERE ${OI.id} = ?`, args: [invitationId] });
    return str(row.org_id);
  });
}

/** Declines an invitation addressed to the user (false when there is none). */
export async function declineInvitation(database: Database, invitationId: string, email: string): Promise<boolean> {
  const deleted = await database.client.execute({ sql: `DELETE FROM ${OI.$} WHERE ${OI.id} = ? AND ${OI.email} = ? RETURNING ${OI.id}`, args: [invitationId, normalizeEmail(email)] });
  return deleted.rows.length > 0;
}

/** An admin withdraws an invitation of their organisation (false when there is none). */
export async function cancelInvitation(database: Database, orgId: string, invitationId: string): Promise<boolean> {
  const deleted = await database.client.execute({ sql: `DELETE FROM ${OI.$} WHERE ${OI.id} = ? AND ${OI.orgId} = ? RETURNING ${OI.id}`, args: [invitationId, orgId] });
  return deleted.rows.length > 0;
}

async function adminCount(tx: Executor, orgId: string): Promise<number> {
  return Number((await tx.execute({ sql: `SELECT count(*) AS n FROM ${OM.$} WHERE ${OM.orgId} = ? AND ${OM.role} = 'admin'`, args: [orgId] })).rows[0]?.n ?? 0);
}

/**
 * Changes a member's role (an admin's act) or their sharing (only their own). An organisation always keeps
 * an admin: the last one cannot step down.
 */
export async function updateMember(
  database: Database,
  actor: Membership,
  targetUserId: string,
  change: { role?: OrgRole | undefined; shareSentences?: boolean | undefined },
): Promise<OrgMember> {
  return inWriteTransaction(database, async (tx) => {
    const target = (await tx.execute({ sql: `SELECT ${OM.role} AS role FROM ${OM.$} WHERE ${OM.orgId} = ? AND ${OM.userId} = ?`, args: [actor.orgId, targetUserId] })).rows[0];
    if (!target) throw ApiError.notFound(`member ${targetUserId}`);
    if (change.shareSentences !== undefined && targetUserId !== actor.userId) {
      throw ApiError.forbidden('only members themselves decide whether their sentences are shared');
    }
    if (change.role !== undefined && change.role !== str(target.role)) {
      if (actor.role !== 'admin') throw ApiError.forbidden(`changing roles needs the admin role in ${actor.orgName}`);
      if (str(target.role) === 'admin' && (await adminCount(tx, actor.orgId)) <= 1) throw ApiError.conflict('the last admin cannot step down: make someone else admin first');
      await tx.execute({ sql: `UPDATE ${OM.$} SET ${OM.role} = ? WHERE ${OM.orgId} = ? AND ${OM.userId} = ?`, args: [change.role, actor.orgId, targetUserId] });
    }
    if (change.shareSentences !== undefined) {
      await tx.execute({ sql: `UPDATE ${OM.$} SET ${OM.shareSentences} = ? WHERE ${OM.orgId} = ? AND ${OM.userId} = ?`, args: [change.shareSentences ? 1 : 0, actor.orgId, targetUserId] });
    }
    const row = (
      await tx.execute({ sql: `SELECT ${MEMBER_COLUMNS} FROM ${OM.$} m JOIN ${U.$} u ON u.${U.id} = m.${OM.userId} WHERE m.${OM.orgId} = ? AND m.${OM.userId} = ?`, args: [actor.orgId, targetUserId] })
    ).rows[0]!;
    return toMember(row);
  });
}

/**
 * Removes a member (an admin's act, or anyone leaving). Their data stays theirs; the team stops seeing it.
 * The last admin cannot leave while others remain; the last member leaving deletes the organisation.
 */
export async function removeMember(database: Database, actor: Membership, targetUserId: string): Promise<void> {
  if (targetUserId !== actor.userId && actor.role !== 'admin') throw ApiError.forbidden(`removing members needs the admin role in ${actor.orgName}`);
  await inWriteTransaction(database, async (tx) => {
    const target = (await tx.execute({ sql: `SELECT ${OM.role} AS role FROM ${OM.$} WHERE ${OM.orgId} = ? AND ${OM.userId} = ?`, args: [actor.orgId, targetUserId] })).rows[0];
    if (!target) throw ApiError.notFound(`member ${targetUserId}`);
    const members = Number((await tx.execute({ sql: `SELECT count(*) AS n FROM ${OM.$} WHERE ${OM.orgId} = ?`, args: [actor.orgId] })).rows[0]?.n ?? 0);
    if (members <= 1) {
      for (const t of [OM, OI, OP]) await tx.execute({ sql: `DELETE FROM ${t.$} WHERE ${t.orgId} = ?`, args: [actor.orgId] });
      await tx.execute({ sql: `DELETE FROM ${O.$} WHERE ${O.id} = ?`, args: [actor.orgId] });
      return;
    }
    if (str(target.role) === 'admin' && (await adminCount(tx, actor.orgId)) <= 1) throw ApiError.conflict('the last admin cannot leave: make someone else admin first');
    await tx.execute({ sql: `DELETE FROM ${OM.$} WHERE ${OM.orgId} = ? AND ${OM.userId} = ?`, args: [actor.orgId, targetUserId] });
    await tx.execute({ sql: `UPDATE ${OP.$} SET ${OP.ownerUserId} = NULL WHERE ${OP.orgId} = ? AND ${OP.ownerUserId} = ?`, args: [actor.orgId, targetUserId] });
  });
}

/** The ids of an organisation's members, in the order they joined. */
export async function memberIds(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db.execute({ sql: `SELECT ${OM.userId} AS id FROM ${OM.$} WHERE ${OM.orgId} = ? ORDER BY ${OM.joinedAt}, ${OM.userId}`, args: [orgId] });
  return rows.rows.map((r) => str(r.id));
}

/** The user and everyone they share an organisation with: whose touchpoints (reviews, feedback asked) the user's own views count. */
export async function teamMateIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.execute({
    sql: `SELECT DISTINCT o.${OM.userId} AS id FROM ${OM.$} m JOIN ${OM.$} o ON o.${OM.orgId} = m.${OM.orgId} WHERE m.${OM.userId} = ?`,
    args: [userId],
  });
  return [...new Set([userId, ...rows.rows.map((r) => str(r.id))])];
}
