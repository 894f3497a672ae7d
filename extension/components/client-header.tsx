import { useEffect, useState } from 'react';
import type { CounterpartProfile, UpdateCounterpartRequest } from '@followthrough/shared/contract';
import type { Remote } from '../utils/messaging';
import { ClientProfileForm } from './clients/client-profile-form';

/**
 * The sidebar's client line: who the thread is with, and one click to what the user agreed with them
 * (name, cadence, renewal, notes, initiation target: the same form as the client's page) or to the
 * client's page in the Clients view.
 */
export interface ClientHeaderDeps {
  getProfile(counterpart: string): Promise<Remote<{ profile: CounterpartProfile; source: 'server' | 'memory' }>>;
  saveProfile(counterpart: string, patch: UpdateCounterpartRequest): Promise<{ queued: boolean }>;
  openClients(counterpart?: string): Promise<void>;
}

export function ClientHeader({ counterpart, deps, userTargetPercent }: { counterpart: string; deps: ClientHeaderDeps; userTargetPercent: number }) {
  const [open, setOpen] = useState(false);
  const [profile, setProfile] = useState<CounterpartProfile | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!open) return;
    let live = true;
    void deps.getProfile(counterpart).then((res) => {
      if (!live) return;
      if (res.status === 'ok') setProfile(res.data.profile);
      else setError(res.status === 'error' ? res.message : 'The client could not be read.');
    });
    return () => {
      live = false;
    };
  }, [open, counterpart, deps]);
  return (
    <div className="ft-client-tools">
      <button type="button" className="ft-small" aria-expanded={open} data-testid="ft-client-edit" onClick={() => setOpen(!open)}>
        {open ? 'Close' : 'Client settings'}
      </button>{' '}
      <button type="button" className="ft-small" data-testid="ft-open-clients" onClick={() => void deps.openClients(counterpart)}>
        Client page
      </button>
      {open && (
        <div className="ft-client-form" data-testid="ft-client-form">
          {error && <p className="ft-tone-bad">{error}</p>}
          {profile && (
            <ClientProfileForm
              compact
              profile={profile}
              userTargetPercent={userTargetPercent}
              save={async (patch) => {
                const result = await deps.saveProfile(counterpart, patch);
                setProfile({ ...profile, ...patch });
                return result;
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
