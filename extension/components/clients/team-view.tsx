import { useEffect, useState } from 'react';
import { FilterButtons } from './filter-buttons';
import type { Org, OrgPerson, TeamCounterpart, TeamMemberStats } from '@followthrough/shared/contract';
import type { WorkingHours } from '@followthrough/shared/model';
import { departmentLabel } from '../departments';
import { formatBusinessMinutes, formatDay } from '../format';
import type { ClientFilterId } from './clients-data';
import { ClientRowHead } from './client-row-head';
import { useCursorPages, type CursorPage } from './cursor-pages';
import { HealthReasons } from './health-reasons';
import { TEAM_FILTERS, type TeamData } from './team-data';

const PAGE_SIZE = 25;

export const personName = (p: Pick<OrgPerson, 'name' | 'email'> | null | undefined): string => (p ? (p.name ?? p.email) : 'nobody');

const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** One client across the team: health, who deals with it, which departments touched it, the last contact by anyone. */
export function TeamClientRow({ client, open }: { client: TeamCounterpart; open(key: string): void }) {
  return (
    <li className="ft-client-row" data-testid="ft-team-row" data-key={client.key} data-score={client.health.score}>
      <ClientRowHead client={client} open={open} />
      <p className="ft-note ft-team-row-facts">
        <span data-testid="ft-team-row-last">
          Last contact {client.lastContactAt ? `${formatDay(client.lastContactAt)} by ${personName(client.lastContactBy)}` : 'none yet'}
        </span>
        {' · '}
        <span data-testid="ft-team-row-members">{client.members.map((m) => personName(m)).join(', ') || 'no member'}</span>
        {client.owner && <span data-testid="ft-team-row-owner"> · owner {personName(client.owner)}</span>}
      </p>
      {client.departments.length > 0 && (
        <ul className="ft-chips" data-testid="ft-team-row-departments" aria-label="Touchpoints by department">
          {client.departments.map((d) => (
            <li key={d.department ?? 'none'} data-department={d.department ?? ''} className="ft-chip-static">
              {departmentLabel(d.department)} {d.touchpoints}
            </li>
          ))}
        </ul>
      )}
      <HealthReasons health={client.health} max={2} testId="ft-team-reasons" />
    </li>
  );
}

/** Managers: each member's keep rate, initiation share and reply lag over all of their clients. */
export function TeamMembersTable({ members, workingHours }: { members: TeamMemberStats[]; workingHours: WorkingHours }) {
  return (
    <table className="ft-table" data-testid="ft-team-members">
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col">Department</th>
          <th scope="col">Clients</th>
          <th scope="col" title="Promises kept on time, of those judged (kept, kept late, overdue)">
            Promises kept
          </th>
          <th scope="col" title="Conversations the member started, of all">
            Started by us
          </th>
          <th scope="col" title="The member's median reply time, in working time">
            Typical reply
          </th>
          <th scope="col">Overdue</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.userId} data-testid="ft-team-member" data-email={m.email}>
            <th scope="row">
              {personName(m)} {m.role !== 'member' && <span className="ft-note">({m.role})</span>}
            </th>
            <td>{m.department ? departmentLabel(m.department) : '—'}</td>
            <td>{m.clients}</td>
            <td data-testid="ft-team-member-keep">{percent(m.keepRate)}</td>
            <td data-testid="ft-team-member-initiation">
              {percent(m.initiated.share)}
              <span className="ft-note"> ({m.initiated.us} of {m.initiated.us + m.initiated.them})</span>
            </td>
            <td data-testid="ft-team-member-lag">{m.replyLag.count === 0 ? 'no replies yet' : formatBusinessMinutes(m.replyLag.medianBusinessMinutes, { workingHours })}</td>
            <td>{m.promises.overdue}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A short list the manager acts on: clients nobody contacted within cadence, renewals coming with their owner. */
function Attention({ data, orgId, filter, title, empty, open, testId }: { data: TeamData; orgId: string; filter: ClientFilterId; title: string; empty: string; open(key: string): void; testId: string }) {
  const [items, setItems] = useState<TeamCounterpart[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    void data.list(orgId, { filter, limit: 10 }).then((res) => {
      if (!live) return;
      if (res.status === 'ok') {
        setItems(res.data.counterparts);
        setTotal(res.data.total);
      } else setError(res.status === 'error' ? res.message : 'Not available.');
    });
    return () => {
      live = false;
    };
  }, [data, orgId, filter]);
  return (
    <section aria-label={title} data-testid={testId} data-state={items ? 'ready' : error ? 'error' : 'loading'}>
      <h2>
        {title} {items && <span className="ft-badge-count">{total}</span>}
      </h2>
      {error && <p className="ft-bad">{error}</p>}
      {items && items.length === 0 && <p className="ft-note">{empty}</p>}
      <ul className="ft-attention">
        {(items ?? []).map((c) => (
          <li key={c.key} data-testid={`${testId}-item`} data-key={c.key}>
            <button type="button" className="ft-link" onClick={() => open(c.key)}>
              <strong>{c.name ?? c.key}</strong>
            </button>{' '}
            <span className="ft-note">
              {filter === 'renewal'
                ? `renews ${c.renewalDate ?? '?'} · owner ${personName(c.owner)}`
                : `last contact ${c.lastContactAt ? `${formatDay(c.lastContactAt)} by ${personName(c.lastContactBy)}` : 'never'}${c.cadenceDays !== null ? `, cadence every ${c.cadenceDays} days` : ''}${
                    c.owner ? ` · owner ${personName(c.owner)}` : ''
                  }`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The Clients view's team mode: every client any member deals with, by health; for managers each member's
 * figures; the clients nobody contacted within cadence and the renewals within 90 days, with their owners.
 */
export function TeamView({ data, org, open, workingHours }: { data: TeamData; org: Org; open(key: string): void; workingHours: WorkingHours }) {
  const [filter, setFilter] = useState<ClientFilterId | 'all'>('all');
  const pages = useCursorPages<TeamCounterpart, CursorPage<TeamCounterpart>>(
    (cursor) => data.list(org.id, { ...(filter === 'all' ? {} : { filter }), limit: PAGE_SIZE, cursor }),
    (res) => (res.status === 'error' ? res.message : res.status === 'not-found' ? 'You are no longer a member of this organisation.' : 'Sign in to a server to see your team.'),
    [filter, org.id],
  );
  const { items, total, cursor, state, error } = pages;
  const [stats, setStats] = useState<TeamMemberStats[] | null>(null);
  const manager = org.role === 'manager' || org.role === 'admin';

  useEffect(() => {
    if (!manager) return;
    void data.stats(org.id).then((res) => setStats(res.status === 'ok' ? res.data.members : []));
  }, [data, org.id, manager]);

  return (
    <div data-testid="ft-team-view" data-org={org.id} data-role={org.role}>
      {manager && (
        <section aria-label="Your team">
          <h2>Your team</h2>
          {stats ? <TeamMembersTable members={stats} workingHours={workingHours} /> : <p className="ft-note">Loading the members' figures…</p>}
        </section>
      )}
      <div className="ft-attention-row">
        <Attention data={data} orgId={org.id} filter="silent" title="Nobody in touch within cadence" empty="Every client with a cadence heard from someone in time." open={open} testId="ft-team-silent" />
        <Attention data={data} orgId={org.id} filter="renewal" title="Renewals within 90 days" empty="No renewal in the next 90 days." open={open} testId="ft-team-renewals" />
      </div>
      <section data-testid="ft-team-list" data-state={state} data-filter={filter} aria-label="The team's clients">
        <h2>All of {org.name}'s clients</h2>
        <FilterButtons
          filters={TEAM_FILTERS}
          selected={filter}
          testIdPrefix="ft-team-filter"
          onSelect={(id) => {
            pages.markLoading();
            setFilter(id);
          }}
        />
        <p className="ft-note" data-testid="ft-team-total">
          {state === 'error' ? '' : `${total} ${total === 1 ? 'client' : 'clients'} across ${org.memberCount} ${org.memberCount === 1 ? 'member' : 'members'}, worst health first`}
        </p>
        {state === 'error' && (
          <p className="ft-bad" role="alert">
            {error}
          </p>
        )}
        <ul className="ft-client-list">
          {items.map((c) => (
            <TeamClientRow key={c.key} client={c} open={open} />
          ))}
        </ul>
        {state === 'ready' && items.length === 0 && <p className="ft-note">No clients match.</p>}
        {cursor && (
          <button type="button" disabled={state === 'loading'} data-testid="ft-team-more" onClick={pages.more}>
            Show more ({total - items.length} left)
          </button>
        )}
      </section>
    </div>
  );
}
