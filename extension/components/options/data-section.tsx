import { useEffect, useState } from 'react';
import type { DataSummary } from '@followthrough/shared/contract';
import { sendMessage, type LocalDataSummary } from '../../utils/messaging';
import { accountItem, type AccountState } from '../../utils/storage';

type Summary = { server: DataSummary | null; serverUrl: string | null; local: LocalDataSummary; error: string | null };

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** Exactly what "Erase everything" removes, in words, before the user confirms. */
export function whatGoes(summary: Summary): string[] {
  const lines: string[] = [];
  const s = summary.server;
  if (s && summary.serverUrl) {
    const host = new URL(summary.serverUrl).host;
    lines.push(`On ${host}: your account ${s.email}, ${n(s.messages, 'message')}' facts in ${n(s.threads, 'thread')}, ${n(s.clients, 'client')}, ${n(s.promises, 'promise')}, ${n(s.touchpoints, 'touchpoint')} and ${n(s.tokens, 'sign-in')}.`);
    if (s.mailboxes.length > 0) lines.push(`On ${host}: the connection to ${s.mailboxes.map((m) => m.email).join(', ')} (the server stops syncing).`);
  }
  const l = summary.local;
  lines.push(
    `In this browser: ${n(l.threads, 'remembered thread')} (${n(l.messages, 'message')}), ${n(l.touchpoints, 'logged touchpoint')}, ${n(l.verdicts, 'promise verdict')}, ${n(l.clients, 'client profile')}, ${n(l.queued, 'change')} not yet sent, your reminders and your settings.`,
  );
  return lines;
}

export function DataSection() {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const load = () => void sendMessage('dataSummary', undefined).then(setSummary);
  useEffect(load, []);

  const download = async () => {
    setBusy(true);
    setMessage('');
    try {
      const result = await sendMessage('exportAll', undefined);
      if (!result.ok || !result.json) {
        setMessage(result.error ?? 'The export failed.');
        return;
      }
      const url = URL.createObjectURL(new Blob([result.json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `followthrough-export-${new Date().toISOString().slice(0, 10)}.json`;
      a.dataset.testid = 'ft-data-export-link';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage(`Exported ${(result.json.length / 1024).toFixed(0)} KB: everything on the server and in this browser (never your API token).`);
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    setBusy(true);
    try {
      const result = await sendMessage('eraseAll', undefined);
      setConfirming(false);
      setMessage(result.ok ? `Erased: ${result.erased.join('; ')}.` : (result.error ?? 'Nothing was erased.'));
      load();
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset data-testid="ft-options-data">
      <legend>Your data</legend>
      {summary && (
        <ul data-testid="ft-data-summary">
          {whatGoes(summary).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {summary?.error && <p className="ft-bad">The server's counts are not available: {summary.error}</p>}
      <div className="ft-section-actions">
        <button type="button" disabled={busy} data-testid="ft-data-export" onClick={() => void download()}>
          Export everything as a file
        </button>
        <button type="button" disabled={busy} data-testid="ft-data-erase" onClick={() => setConfirming(true)}>
          Erase everything…
        </button>
      </div>
      {confirming && summary && (
        <div className="ft-card" role="alertdialog" aria-label="Confirm erase" data-testid="ft-data-erase-dialog">
          <p>
            <strong>This cannot be undone.</strong> It erases:
          </p>
          <ul>
            {whatGoes(summary).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="ft-section-actions">
            <button type="button" disabled={busy} data-testid="ft-data-erase-confirm" onClick={() => void erase()}>
              Erase all of it
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep my data
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role="status" data-testid="ft-data-message">
          {message}
        </p>
      )}
    </fieldset>
  );
}

/** After signing in with threads remembered before: offer to send them (facts only) to the server. */
export function MemoryOffer() {
  const [account, setAccount] = useState<AccountState | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    void accountItem.getValue().then(setAccount);
    return accountItem.watch((next) => setAccount(next));
  }, []);
  if (message) return <p role="status" data-testid="ft-memory-message">{message}</p>;
  const offer = account?.memoryOffer;
  if (!offer) return null;
  return (
    <div className="ft-card" data-testid="ft-memory-offer">
      <p>
        This browser remembers {n(offer.threads, 'thread')} ({n(offer.messages, 'message')}) you opened before signing in. Send them to the server so
        they count there too? Only Gmail threads can be matched to the server's; no message text is sent, only what the figures need.
      </p>
      <div className="ft-section-actions">
        <button
          type="button"
          data-testid="ft-memory-upload"
          onClick={() =>
            void sendMessage('uploadMemory', undefined).then((r) =>
              setMessage(r.ok ? `Sent ${n(r.threads, 'thread')} (${n(r.accepted, 'new message')}).${r.error ? ` ${r.error}` : ''}` : `Not sent: ${r.error ?? 'unknown error'}`),
            )
          }
        >
          Send them
        </button>
        <button type="button" onClick={() => void sendMessage('dismissMemoryOffer', undefined)}>
          Not now
        </button>
      </div>
    </div>
  );
}
