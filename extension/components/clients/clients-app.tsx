import { useEffect, useState } from 'react';
import { completeSettings } from '../../utils/settings';
import { settingsItem } from '../../utils/storage';
import { ClientList } from './client-list';
import { ClientPage } from './client-page';
import type { ClientsData } from './clients-data';

/** `#client=<key>` opens a client's page; otherwise the list. The browser's back button works between them. */
function readHash(): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  return params.get('client');
}

export function ClientsApp({ data }: { data: ClientsData }) {
  const [client, setClient] = useState<string | null>(readHash());
  const [target, setTarget] = useState<number | undefined>(undefined);
  const [hours, setHours] = useState<{ start: string; end: string; days: number[] } | undefined>(undefined);
  useEffect(() => {
    const onHash = () => setClient(readHash());
    window.addEventListener('hashchange', onHash);
    void settingsItem.getValue().then((s) => {
      const settings = completeSettings(s);
      setTarget(settings.initiationTargetPercent);
      setHours(settings.workingHours);
    });
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const open = (key: string) => {
    location.hash = `client=${encodeURIComponent(key)}`;
  };
  const back = () => {
    location.hash = '';
  };
  return (
    <main className="ft-page ft-wide" data-testid="ft-clients">
      <header className="ft-page-header">
        <h1>Clients</h1>
      </header>
      {client ? (
        <ClientPage key={client} data={data} clientKey={client} back={back} {...(target ? { userTargetPercent: target } : {})} {...(hours ? { workingHours: hours } : {})} />
      ) : (
        <ClientList data={data} open={open} />
      )}
    </main>
  );
}
