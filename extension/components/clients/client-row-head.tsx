import type { CounterpartListItem } from '@followthrough/shared/contract';
import { HealthScore } from './health-reasons';

/** What a row of a Clients list (the user's or the team's) says first about a client. */
export type ClientRowFacts = Pick<CounterpartListItem, 'key' | 'name' | 'threads' | 'renewalDate' | 'awaitingOurReplyCount'> & {
  health: Pick<CounterpartListItem['health'], 'score'>;
  promises: Pick<CounterpartListItem['promises'], 'overdue'>;
};

/** The row's head: health, the client's name (opens its page), its threads and what needs doing. */
export function ClientRowHead({ client, open }: { client: ClientRowFacts; open(key: string): void }) {
  const badges: string[] = [];
  if (client.promises.overdue > 0) badges.push(`${client.promises.overdue} overdue`);
  if (client.awaitingOurReplyCount > 0) badges.push(`${client.awaitingOurReplyCount} awaiting us`);
  if (client.renewalDate) badges.push(`renews ${client.renewalDate}`);
  return (
    <div className="ft-client-row-head">
      <HealthScore score={client.health.score} />
      <button type="button" className="ft-link ft-client-name" onClick={() => open(client.key)}>
        <strong>{client.name ?? client.key}</strong>
        {client.name && <span className="ft-note"> {client.key}</span>}
      </button>
      <span className="ft-note">
        {client.threads} {client.threads === 1 ? 'thread' : 'threads'}
        {badges.length > 0 ? ` · ${badges.join(' · ')}` : ''}
      </span>
    </div>
  );
}
