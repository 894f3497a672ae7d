import type { PanelDefinition, PanelProps } from '../panel-types';
import { daysBetween, formatDate } from '../format';

function AwaitingPanel({ view }: PanelProps) {
  const { awaiting, requests } = view.summary;
  return (
    <div>
      <p data-testid="ft-awaiting" className={awaiting?.side === 'us' ? 'ft-tone-bad' : undefined}>
        {awaiting === null
          ? 'Nobody is waiting on this thread.'
          : awaiting.side === 'us'
            ? `The client is waiting for our reply since ${formatDate(awaiting.since, view.timeZone)} (${daysBetween(awaiting.since, view.now)} days).`
            : `We are waiting for the client since ${formatDate(awaiting.since, view.timeZone)}.`}
      </p>
      {requests.length > 0 && (
        <>
          <p className="ft-subhead">They asked us:</p>
          <ul className="ft-list" data-testid="ft-requests">
            {requests.map((r) => (
              <li key={`${r.messageId}:${r.text}`}>“{r.text}”</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export const awaitingPanel: PanelDefinition = { id: 'awaiting-panel', title: 'Awaiting reply', Component: AwaitingPanel };
