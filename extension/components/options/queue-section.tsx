import { useCallback, useEffect, useState } from 'react';
import { sendMessage, type QueueItem } from '../../utils/messaging';
import { offlineQueueItem } from '../../utils/storage';

/** Writes waiting for the server (offline, server down) and those it refused, each with retry and discard. */
export function QueueSection() {
  const [queue, setQueue] = useState<{ entries: QueueItem[]; failed: QueueItem[] }>({ entries: [], failed: [] });
  const load = useCallback(async () => setQueue(await sendMessage('getQueue', undefined)), []);
  useEffect(() => {
    void load();
    return offlineQueueItem.watch(() => void load());
  }, [load]);
  const row = (item: QueueItem, refused: boolean) => (
    <li key={item.key} className="ft-card" data-testid={refused ? 'ft-queue-failed' : 'ft-queue-pending'} data-key={item.key}>
      {item.description}
      <span className="ft-note">
        {' '}
        · since {new Date(item.enqueuedAt).toLocaleString()}
        {item.attempts > 0 ? ` · ${item.attempts} attempts` : ''}
      </span>
      {item.lastError && <p className={refused ? 'ft-bad' : 'ft-note'}>{refused ? `Refused by the server: ${item.lastError}` : `Last try: ${item.lastError}`}</p>}
      <div className="ft-section-actions">
        <button type="button" data-testid="ft-queue-retry" onClick={() => void sendMessage('retryWrite', { key: item.key }).then(load)}>
          {refused ? 'Try again' : 'Send now'}
        </button>
        <button
          type="button"
          data-testid="ft-queue-discard"
          onClick={() => {
            if (window.confirm(`Discard this change? It will not reach the server: ${item.description}`)) void sendMessage('discardWrite', { key: item.key }).then(load);
          }}
        >
          Discard
        </button>
      </div>
    </li>
  );
  return (
    <fieldset data-testid="ft-options-queue" data-pending={queue.entries.length} data-failed={queue.failed.length}>
      <legend>Changes waiting for the server</legend>
      {queue.entries.length + queue.failed.length === 0 ? (
        <p className="ft-note">Nothing waiting: every change reached the server (or there is no server).</p>
      ) : (
        <>
          {queue.failed.length > 0 && <h2>Refused</h2>}
          <ul className="ft-client-list">{queue.failed.map((i) => row(i, true))}</ul>
          {queue.entries.length > 0 && <h2>Waiting</h2>}
          <ul className="ft-client-list">{queue.entries.map((i) => row(i, false))}</ul>
        </>
      )}
    </fieldset>
  );
}
