import { ORG_ROLE_NAMES, ORG_SHARING_NOTICE, type Org, type OrgRole } from '@followthrough/shared/contract';
import { loadConfig } from '../../config';
import { createDb, migrate, type Database } from '../../db/index';
import { orgs, users } from '../../db/schema/index';
import { ApiError } from '../../http/errors';
import {
  createOrg,
  deleteOrg,
  inviteMember,
  listMembers,
  listOrgInvitations,
  listOrgsOf,
  normalizeEmail,
  removeMember,
  renameOrg,
  updateMember,
  type Membership,
} from '../../store/orgs';
import { names, str } from '../../store/sql';
import type { CliCommand } from '../command';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

const usage = `Usage: followthrough org <action> ...

Organisations: colleagues who hold client relationships together, each with their own mailbox and token.
Acts on the server's database as its administrator (DATABASE_URL, DATABASE_AUTH_TOKEN). <org> is an
organisation's id or its name.

  org create <name> --admin <email>       create an organisation; <email> (an existing user) is its admin
  org list [--user <email>]               every organisation, or those <email> is a member of
  org members <org>                       members (role, department, sharing) and open invitations
  org invite <org> <email> [--role member|manager|admin] [--by <admin-email>]
                                          invite a colleague; they join when they accept it in the
                                          extension (an address without an account waits for one:
                                          "followthrough user add <email>", then they sign in)
  org role <org> <email> member|manager|admin
                                          change a member's role (an organisation keeps an admin)
  org remove <org> <email>                remove a member (their own data stays theirs)
  org rename <org> <name>
  org delete <org>                        delete the organisation (nobody's own data)

Whether a member's promise, request and risk sentences are shared is that member's own choice, made in
the extension; it cannot be set here.

Roles: member (sees the team's clients), manager (also each member's figures), admin (also decides who
is in the organisation).

Options:
  -h, --help   show this help`;

const O = names(orgs);
const U = names(users);

/** The administrator at the console acts as an admin of every organisation, without being a member. */
function operator(org: { id: string; name: string }): Membership {
  return { orgId: org.id, orgName: org.name, userId: '', role: 'admin', shareSentences: false };
}

async function findOrg(database: Database, ref: string): Promise<{ id: string; name: string }> {
  const rows = await database.client.execute({ sql: `SELECT ${O.id} AS id, ${O.name} AS name FROM ${O.$} WHERE ${O.id} = ? OR lower(${O.name}) = lower(?)`, args: [ref, ref] });
  const byId = rows.rows.find((r) => str(r.id) === ref);
  if (byId) return { id: str(byId.id), name: str(byId.name) };
  if (rows.rows.length === 0) throw new UsageError(`no organisation "${ref}" (see "followthrough org list")`);
  if (rows.rows.length > 1) throw new UsageError(`${rows.rows.length} organisations are called "${ref}": give its id (see "followthrough org list")`);
  return { id: str(rows.rows[0]!.id), name: str(rows.rows[0]!.name) };
}

async function findUser(database: Database, email: string): Promise<{ id: string; email: string }> {
  const row = (await database.client.execute({ sql: `SELECT ${U.id} AS id, ${U.email} AS email FROM ${U.$} WHERE ${U.email} = ?`, args: [normalizeEmail(email)] })).rows[0];
  if (!row) throw new UsageError(`no user with e-mail ${email} (create one with "followthrough user add ${email}")`);
  return { id: str(row.id), email: str(row.email) };
}

function role(value: string | undefined, flag: string): OrgRole {
  if (value === undefined) return 'member';
  if (!(ORG_ROLE_NAMES as readonly string[]).includes(value)) throw new UsageError(`${flag}: "${value}" is not member, manager or admin`, usage);
  return value as OrgRole;
}

const orgLine = (o: Pick<Org, 'id' | 'name' | 'memberCount'> & { role?: string }) =>
  `${o.name}  (id ${o.id}, ${o.memberCount} member${o.memberCount === 1 ? '' : 's'}${o.role ? `, role ${o.role}` : ''})`;

export const orgCommand: CliCommand = {
  name: 'org',
  summary: 'organisations: create, invite colleagues, roles, members',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { admin: { type: 'string' }, user: { type: 'string' }, role: { type: 'string' }, by: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      usage,
    );
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    const [action, ...rest] = positionals;
    const arity: Record<string, number> = { create: 1, list: 0, members: 1, invite: 2, role: 3, remove: 2, rename: 2, delete: 1 };
    if (!action) throw new UsageError(`missing action: ${Object.keys(arity).join(', ')}`, usage);
    if (arity[action] === undefined) throw new UsageError(`unknown action "${action}": expected ${Object.keys(arity).join(', ')}`, usage);
    if (rest.length < arity[action]!) throw new UsageError(`org ${action}: expected ${arity[action]} argument${arity[action] === 1 ? '' : 's'}`, usage);
    if (rest.length > arity[action]!) throw new UsageError(`unexpected argument "${rest[arity[action]!]}"`, usage);
    if (action === 'create' && !values.admin) throw new UsageError('org create: --admin <email> is required', usage);

    const config = loadConfig(io.env);
    const database = await createDb(config.databaseUrl, config.databaseAuthToken);
    const now = io.now();
    const out = (line: string) => io.stdout.write(`${line}\n`);
    try {
      await migrate(database);
      switch (action) {
        case 'create': {
          const admin = await findUser(database, values.admin!);
          const name = rest[0]!.trim();
          if (!name) throw new UsageError('org create: the name is empty', usage);
          const org = await createOrg(database, { name, userId: admin.id, now });
          out(`Created ${org.name} (id ${org.id}) with ${admin.email} as its admin.`);
          break;
        }
        case 'list': {
          if (values.user) {
            const user = await findUser(database, values.user);
            const list = await listOrgsOf(database.client, user.id);
            if (list.length === 0) out(`${user.email} is in no organisation.`);
            for (const o of list) out(orgLine(o));
          } else {
            const rows = await database.client.execute(`SELECT o.id, o.name, (SELECT count(*) FROM org_members m WHERE m.org_id = o.id) AS n FROM orgs o ORDER BY o.name, o.id`);
            if (rows.rows.length === 0) out('No organisations yet ("followthrough org create <name> --admin <email>").');
            for (const r of rows.rows) out(orgLine({ id: str(r.id), name: str(r.name), memberCount: Number(r.n) }));
          }
          break;
        }
        case 'members': {
          const org = await findOrg(database, rest[0]!);
          const [members, invitations] = await Promise.all([listMembers(database.client, org.id), listOrgInvitations(database.client, org.id)]);
          out(`${org.name} (id ${org.id})`);
          for (const m of members) {
            out(`  ${m.email.padEnd(32)} ${m.role.padEnd(8)} ${(m.department ?? '-').padEnd(11)} ${m.shareSentences ? 'shares sentences' : 'sentences private'}  joined ${m.joinedAt.slice(0, 10)}`);
          }
          for (const i of invitations) out(`  ${i.email.padEnd(32)} ${i.role.padEnd(8)} invited ${i.createdAt.slice(0, 10)}${i.accountExists ? '' : ' (no account yet)'}`);
          break;
        }
        case 'invite': {
          const org = await findOrg(database, rest[0]!);
          const by = values.by ? await findUser(database, values.by) : null;
          const invitation = await inviteMember(database, { orgId: org.id, email: rest[1]!, role: role(values.role, '--role'), invitedBy: by?.id ?? null, now });
          out(`Invited ${invitation.email} to ${org.name} as ${invitation.role}. They join when they accept it in the extension (Clients page, Team).`);
          if (!invitation.accountExists) out(`${invitation.email} has no account yet: create one with "followthrough user add ${invitation.email}", then they sign in ("followthrough user pair").`);
          out(`What the invitation tells them: ${ORG_SHARING_NOTICE}`);
          break;
        }
        case 'role': {
          const org = await findOrg(database, rest[0]!);
          const user = await findUser(database, rest[1]!);
          const member = await updateMember(database, operator(org), user.id, { role: role(rest[2], 'role') });
          out(`${member.email} is now ${member.role} of ${org.name}.`);
          break;
        }
        case 'remove': {
          const org = await findOrg(database, rest[0]!);
          const user = await findUser(database, rest[1]!);
          await removeMember(database, operator(org), user.id);
          out(`Removed ${user.email} from ${org.name}; their own data stays theirs.`);
          break;
        }
        case 'rename': {
          const org = await findOrg(database, rest[0]!);
          if (!rest[1]!.trim()) throw new UsageError('org rename: the name is empty', usage);
          await renameOrg(database, org.id, rest[1]!);
          out(`Renamed ${org.name} to ${rest[1]!.trim()}.`);
          break;
        }
        case 'delete': {
          const org = await findOrg(database, rest[0]!);
          await deleteOrg(database, org.id);
          out(`Deleted ${org.name}; every member keeps their own data.`);
          break;
        }
      }
      return 0;
    } catch (error) {
      // The store's refusals (already a member, the last admin, not a member) are the caller's input.
      if (error instanceof ApiError) throw new UsageError(error.message);
      throw error;
    } finally {
      database.close();
    }
  },
};
