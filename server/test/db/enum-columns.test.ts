import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, RISK_KINDS, TOUCHPOINT_KINDS, VERDICT_STATUSES } from '@followthrough/shared';
import { ACCOUNT_STATUSES, MAIL_ACCESS_LEVELS, MAIL_PROVIDERS, ORG_ROLE_NAMES, SYNC_PHASES } from '@followthrough/shared/contract';
import * as schema from '../../src/db/schema/index';

const tables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => value instanceof SQLiteTable);
const textColumns = tables.flatMap((table) => {
  const { name, columns } = getTableConfig(table);
  return columns.filter((column) => column.columnType === 'SQLiteText').map((column) => ({ table: name, column }));
});
const enumValues = (column: SQLiteColumn): readonly string[] | undefined => (column as SQLiteColumn & { enumValues?: string[] }).enumValues;

/** Names that hold one of a few known values wherever they appear; a new column with one of them must say which. */
const ENUM_LIKE = /^(provider|access|status|phase|state|kind|side|role|method|direction|department|initiated_by|awaiting_side|kept_strength)$/;
/** Columns of those names that are not enums: OAuth / OIDC `state` is a random one-time token. */
const NOT_ENUMS = new Set(['oauth_pending_states.state', 'oidc_pending_states.state']);

describe('enum-like columns', () => {
  it('declare their values (drizzle text enum), so a write of any other value fails to compile', () => {
    const undeclared = textColumns
      .filter(({ table, column }) => ENUM_LIKE.test(column.name) && !NOT_ENUMS.has(`${table}.${column.name}`) && !enumValues(column)?.length)
      .map(({ table, column }) => `${table}.${column.name}`);
    expect(undeclared).toEqual([]);
  });

  // The values come from the one list the engine, the contract and the server share.
  it.each([
    ['mail_accounts.provider', MAIL_PROVIDERS],
    ['mail_accounts.access', MAIL_ACCESS_LEVELS],
    ['mail_accounts.status', ACCOUNT_STATUSES],
    ['mail_accounts.phase', SYNC_PHASES],
    ['connect_tickets.provider', MAIL_PROVIDERS],
    ['oidc_pending_states.provider', MAIL_PROVIDERS],
    ['touchpoints.kind', TOUCHPOINT_KINDS],
    ['touchpoints.department', DEPARTMENTS],
    ['promise_verdicts.status', VERDICT_STATUSES],
    ['org_members.role', ORG_ROLE_NAMES],
    ['snippets.kind', ['request', ...RISK_KINDS, 'feedback-asked']],
  ] as const)('%s holds the shared list', (name, values) => {
    const found = textColumns.find(({ table, column }) => `${table}.${column.name}` === name);
    expect(found && enumValues(found.column)).toEqual(values);
  });

  it('are checked by the compiler', () => {
    type AccountInsert = typeof schema.mailAccounts.$inferInsert;
    // @ts-expect-error: not a provider the server knows
    const wrong: AccountInsert['provider'] = 'yahoo';
    const right: AccountInsert['provider'] = 'microsoft';
    expect([wrong, right]).toHaveLength(2);
  });
});
