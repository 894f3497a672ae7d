import { z } from 'zod';
import { healthSchema, lagStatsSchema, promiseTallySchema, requestSnippetSchema, riskSnippetSchema } from '../model/analysis-document';
import { LIMITS } from '../model/limits';
import { departmentSchema, reviewSchema } from '../model/touchpoint';
import { promiseViewSchema } from './promises';
import { storedTouchpointSchema } from './touchpoints';

// Organisations (issue 13): colleagues who hold client relationships together. Everything here is scoped
// by membership: a caller who is not a member of the organisation gets 404 on all of it.

/** member: sees the team's clients; manager: also each member's figures; admin: also decides who is in it. */
export const ORG_ROLE_NAMES = ['member', 'manager', 'admin'] as const;
export const orgRoleSchema = z.enum(ORG_ROLE_NAMES);
export type OrgRole = z.infer<typeof orgRoleSchema>;

/** Whether a role includes another (admin > manager > member). */
export function roleAtLeast(role: OrgRole, needed: OrgRole): boolean {
  return ORG_ROLE_NAMES.indexOf(role) >= ORG_ROLE_NAMES.indexOf(needed);
}

/**
 * What joining shares, in the words the invitation, the organisation page and the README's Privacy section
 * use. The server enforces exactly this (store/read/team-reads.ts).
 */
export const ORG_SHARING_NOTICE =
  'Joining shares with the other members, for every client in your mailbox: figures (conversations, who started them, reply times, last contact, ' +
  'how many promises are open, overdue or kept, health and its reasons), the touchpoints you log with their summaries and reviews, and the ' +
  'client details you set (name, cadence, renewal date, notes). Your promise, request and risk sentences stay yours: colleagues and managers ' +
  'see only their counts, unless you turn on sharing them. Nobody sees your mail, and you can leave at any time.';

const orgId = z.string().min(1).max(100);
const email = z.email({ pattern: z.regexes.unicodeEmail }).max(LIMITS.address);

export const createOrgRequestSchema = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export const updateOrgRequestSchema = createOrgRequestSchema;

/** An organisation as the caller sees it: their role and sharing in it. */
export const orgSchema = z.object({
  id: orgId,
  name: z.string(),
  role: orgRoleSchema,
  /** The caller shares their promise, request and risk sentences with this team. */
  shareSentences: z.boolean(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type Org = z.infer<typeof orgSchema>;
export const listOrgsResponseSchema = z.object({ orgs: z.array(orgSchema) });
export const deleteOrgResponseSchema = z.object({ deleted: z.literal(true) });

export const orgMemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: orgRoleSchema,
  /** The member's own department (their settings), the default of the touchpoints they log. */
  department: departmentSchema.nullable(),
  shareSentences: z.boolean(),
  joinedAt: z.string(),
});
export type OrgMember = z.infer<typeof orgMemberSchema>;

export const orgInvitationSchema = z.object({
  id: z.string(),
  orgId,
  orgName: z.string(),
  email: z.string(),
  role: orgRoleSchema,
  invitedBy: z.object({ email: z.string(), name: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  /** Whether someone with this address has an account on the server yet (without one, it waits for their first sign-in). */
  accountExists: z.boolean(),
  /** What accepting shares (ORG_SHARING_NOTICE). */
  sharingNotice: z.string(),
});
export type OrgInvitation = z.infer<typeof orgInvitationSchema>;

export const listOrgMembersResponseSchema = z.object({
  members: z.array(orgMemberSchema),
  /** Invitations not answered yet. */
  invitations: z.array(orgInvitationSchema),
});

/** `POST /v1/orgs/:orgId/members`: invites a colleague by address; they join when they accept. */
export const addOrgMemberRequestSchema = z.object({ email, role: orgRoleSchema.default('member') }).strict();
export const addOrgMemberResponseSchema = z.object({ invitation: orgInvitationSchema });

/** Role changes are an admin's; sharing is the member's own choice and nobody else's. */
export const updateOrgMemberRequestSchema = z
  .object({ role: orgRoleSchema.optional(), shareSentences: z.boolean().optional() })
  .strict()
  .refine((b) => b.role !== undefined || b.shareSentences !== undefined, { message: 'give role or shareSentences' });
export const updateOrgMemberResponseSchema = z.object({ member: orgMemberSchema });
export const removeOrgMemberResponseSchema = z.object({ removed: z.literal(true) });

export const listInvitationsResponseSchema = z.object({ invitations: z.array(orgInvitationSchema) });
export const acceptInvitationResponseSchema = z.object({ org: orgSchema });
export const declineInvitationResponseSchema = z.object({ declined: z.literal(true) });
export const cancelInvitationResponseSchema = z.object({ cancelled: z.literal(true) });

// ---------------------------------------------------------------------------------------------------
// The team's view of its clients.

const isoDate = z.iso.date();

/** The team's profile of a client as set; empty fields fall back to the owner's (then any member's) own profile. */
export const teamClientProfileSchema = z.object({
  name: z.string().nullable(),
  cadenceDays: z.number().int().nullable(),
  renewalDate: isoDate.nullable(),
  notes: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  /** Days between quarterly reviews (default 90). */
  reviewIntervalDays: z.number().int().nullable(),
  /** Days between asking for feedback (default 90). */
  feedbackIntervalDays: z.number().int().nullable(),
});
export type TeamClientProfile = z.infer<typeof teamClientProfileSchema>;

export const updateOrgCounterpartRequestSchema = z
  .object({
    name: z.string().min(1).max(200).nullable().optional(),
    cadenceDays: z.number().int().positive().max(3650).nullable().optional(),
    renewalDate: isoDate.nullable().optional(),
    notes: z.string().max(10000).nullable().optional(),
    /** A member of the organisation, or null. */
    ownerUserId: z.string().min(1).max(100).nullable().optional(),
    reviewIntervalDays: z.number().int().min(7).max(3650).nullable().optional(),
    feedbackIntervalDays: z.number().int().min(7).max(3650).nullable().optional(),
  })
  .strict();
export type UpdateOrgCounterpartRequest = z.infer<typeof updateOrgCounterpartRequestSchema>;
export const updateOrgCounterpartResponseSchema = z.object({ key: z.string(), profile: teamClientProfileSchema });

const personSchema = z.object({ userId: z.string(), email: z.string(), name: z.string().nullable() });
export type OrgPerson = z.infer<typeof personSchema>;

/** One member's part in a client: never a sentence, only figures. */
export const teamMemberFiguresSchema = personSchema.extend({
  department: departmentSchema.nullable(),
  threads: z.number().int(),
  lastContactAt: z.string().nullable(),
  openPromises: z.number().int(),
  overduePromises: z.number().int(),
  touchpoints: z.number().int(),
});

export const departmentTallySchema = z.object({
  /** null: logged without a department. */
  department: departmentSchema.nullable(),
  touchpoints: z.number().int(),
  lastAt: z.string(),
});

/** A client across the team: the members' figures composed (counts summed, lags merged, latest contact by anyone). */
export const teamCounterpartSchema = z.object({
  key: z.string(),
  name: z.string().nullable(),
  cadenceDays: z.number().nullable(),
  renewalDate: isoDate.nullable(),
  owner: personSchema.nullable(),
  contacts: z.array(z.string()),
  threads: z.number().int(),
  initiated: z.object({ us: z.number().int(), them: z.number().int(), share: z.number().nullable() }),
  responseLag: z.object({ ours: lagStatsSchema, theirs: lagStatsSchema }),
  lastContactAt: z.string().nullable(),
  daysSinceContact: z.number().nullable(),
  /** Who had the last contact (mail or a logged touchpoint). */
  lastContactBy: personSchema.nullable(),
  awaitingOurReplyCount: z.number().int(),
  awaitingThemCount: z.number().int(),
  requestCount: z.number().int(),
  riskCount: z.number().int(),
  promises: promiseTallySchema,
  health: healthSchema,
  departments: z.array(departmentTallySchema),
  members: z.array(teamMemberFiguresSchema),
});
export type TeamCounterpart = z.infer<typeof teamCounterpartSchema>;

/** overdue, silent (nobody in the team within cadence), renewal (within 90 days), awaiting (a reply we owe). */
export const ORG_COUNTERPART_FILTERS = ['overdue', 'silent', 'renewal', 'awaiting'] as const;
export const listOrgCounterpartsQuerySchema = z.object({
  sort: z.enum(['health', '-health', 'lastContact', 'key']).default('health'),
  filter: z.enum(ORG_COUNTERPART_FILTERS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const listOrgCounterpartsResponseSchema = z.object({
  counterparts: z.array(teamCounterpartSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

/** A touchpoint on the team's timeline: whose it is. */
export const teamTouchpointSchema = storedTouchpointSchema.extend({ member: personSchema });
export type TeamTouchpoint = z.infer<typeof teamTouchpointSchema>;

/** The client's 360° page. */
export const orgCounterpartDetailResponseSchema = z.object({
  counterpart: teamCounterpartSchema,
  /** The team's profile as set (counterpart carries the values in force). */
  profile: teamClientProfileSchema,
  /** Every member's touchpoints with the client, newest first (the latest; the timeline route pages them all). */
  timeline: z.array(teamTouchpointSchema),
  timelineCount: z.number().int(),
  /** The latest quarterly review, by anyone. */
  latestReview: z.object({ touchpointId: z.string(), at: z.string(), member: personSchema, review: reviewSchema }).nullable(),
  /** When the next quarterly review is due (the last one, else the first contact, plus the interval). */
  reviewDueAt: z.string().nullable(),
  /** Sentences of members who share them (and the caller's own): the most urgent few of each kind. */
  sentences: z.object({
    promises: z.array(promiseViewSchema.extend({ member: personSchema })),
    requests: z.array(requestSnippetSchema.extend({ member: personSchema })),
    risks: z.array(riskSnippetSchema.extend({ member: personSchema })),
  }),
  /** What members who do not share their sentences have, as counts only. */
  withheld: z.object({ members: z.number().int(), openPromises: z.number().int(), requests: z.number().int(), risks: z.number().int() }),
});
export type OrgCounterpartDetail = z.infer<typeof orgCounterpartDetailResponseSchema>;

export const orgTimelineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export const orgTimelineResponseSchema = z.object({ touchpoints: z.array(teamTouchpointSchema), total: z.number().int(), nextCursor: z.string().nullable() });

/** The manager's view of each member, over all of the member's clients. */
export const teamMemberStatsSchema = personSchema.extend({
  role: orgRoleSchema,
  department: departmentSchema.nullable(),
  clients: z.number().int(),
  threads: z.number().int(),
  initiated: z.object({ us: z.number().int(), them: z.number().int(), share: z.number().nullable() }),
  /** Our reply lag over all of the member's clients. */
  replyLag: lagStatsSchema,
  promises: promiseTallySchema,
  /** Promises kept on time of those judged (kept, kept late, overdue), 0..1; null when none is judged yet. */
  keepRate: z.number().nullable(),
});
export type TeamMemberStats = z.infer<typeof teamMemberStatsSchema>;
export const orgTeamResponseSchema = z.object({ members: z.array(teamMemberStatsSchema) });
