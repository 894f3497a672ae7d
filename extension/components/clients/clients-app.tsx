import { useEffect, useState } from 'react';
import type { Org } from '@followthrough/shared/contract';
import type { Department } from '@followthrough/shared/model';
import { completeSettings } from '../../utils/settings';
import { settingsItem } from '../../utils/storage';
import { ClientList } from './client-list';
import { ClientPage } from './client-page';
import type { ClientsData } from './clients-data';
import { TeamClientPage } from './team-client-page';
import type { TeamData } from './team-data';
import { TeamView } from './team-view';

const HOURS = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };

/**
 * `#client=<key>` opens one of the user's clients; `#team=<orgId>` the team mode of an organisation they are
 * in, with `&client=<key>` its 360° page. The browser's back button works between them.
 */
export function readHash(hash: string): { team: string | null; client: string | null } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { team: params.get('team'), client: params.get('client') };
}

export function hashFor(team: string | null, client: string | null): string {
  const params = new URLSearchParams();
  if (team) params.set('team', team);
  if (client) params.set('client', client);
  return params.toString();
}

export function ClientsApp({ data, team: teamData }: { data: ClientsData; team?: TeamData }) {
  const [where, setWhere] = useState(readHash(location.hash));
  const [target, setTarget] = useState<number | undefined>(undefined);
  const [hours, setHours] = useState<{ start: string; end: string; days: number[] } | undefined>(undefined);
  const [department, setDepartment] = useState<Department | null>(null);
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  const [orgs, setOrgs] = useState<Org[] | null>(null);
  useEffect(() => {
    const onHash = () => setWhere(readHash(location.hash));
    window.addEventListener('hashchange', onHash);
    void settingsItem.getValue().then((s) => {
      const settings = completeSettings(s);
      setTarget(settings.initiationTargetPercent);
      setHours(settings.workingHours);
      setDepartment(settings.department);
      if (settings.timeZone) setTimeZone(settings.timeZone);
    });
    // Team mode is there for members of an organisation (signed in to a server).
    void teamData?.orgs().then((res) => setOrgs(res.status === 'ok' ? res.data.orgs : []));
    return () => window.removeEventListener('hashchange', onHash);
  }, [teamData]);
  const go = (team: string | null, client: string | null) => {
    location.hash = hashFor(team, client);
  };
  const org = where.team ? (orgs ?? []).find((o) => o.id === where.team) : undefined;
  const workingHours = hours ?? HOURS;
  return (
    <main className="ft-page ft-wide" data-testid="ft-clients" data-mode={where.team ? 'team' : 'mine'}>
      <header className="ft-page-header">
        <h1>{org ? `Clients of ${org.name}` : 'Clients'}</h1>
        {orgs && orgs.length > 0 && (
          <span className="ft-filters" role="group" aria-label="Whose clients">
            <button type="button" aria-pressed={!where.team} data-testid="ft-clients-mode-mine" onClick={() => go(null, null)}>
              My clients
            </button>
            {orgs.map((o) => (
              <button key={o.id} type="button" aria-pressed={where.team === o.id} data-testid="ft-clients-mode-team" data-org={o.id} onClick={() => go(o.id, null)}>
                Team: {o.name}
              </button>
            ))}
          </span>
        )}
      </header>
      {where.team && teamData ? (
        !orgs ? (
          <p className="ft-note">Loading your organisations…</p>
        ) : !org ? (
          <p className="ft-bad" role="alert" data-testid="ft-team-missing">
            You are not a member of this organisation (any more). <a href="#">Your own clients</a>.
          </p>
        ) : where.client ? (
          <TeamClientPage
            key={`${org.id}|${where.client}`}
            data={teamData}
            orgId={org.id}
            clientKey={where.client}
            back={() => go(org.id, null)}
            workingHours={workingHours}
            department={department}
            {...(timeZone ? { timeZone } : {})}
          />
        ) : (
          <TeamView key={org.id} data={teamData} org={org} open={(key) => go(org.id, key)} workingHours={workingHours} />
        )
      ) : where.client ? (
        <ClientPage
          key={where.client}
          data={data}
          clientKey={where.client}
          back={() => go(null, null)}
          {...(target ? { userTargetPercent: target } : {})}
          {...(hours ? { workingHours: hours } : {})}
          department={department}
          teams={(orgs ?? []).map((o) => ({ id: o.id, name: o.name }))}
        />
      ) : (
        <ClientList data={data} open={(key) => go(null, key)} />
      )}
    </main>
  );
}
