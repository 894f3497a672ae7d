import { useState } from 'react';
import type { TouchpointKind } from '@followthrough/shared/model';
import type { PanelDefinition, PanelProps } from '../panel-types';

const KINDS: { kind: TouchpointKind; label: string }[] = [
  { kind: 'call', label: 'Call' },
  { kind: 'meeting', label: 'Meeting' },
  { kind: 'note', label: 'Note' },
  { kind: 'feedback-asked', label: 'Feedback asked' },
  { kind: 'report-sent', label: 'Report sent' },
];

function TouchpointPanel({ view, actions }: PanelProps) {
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!view.summary.counterpart) return <p className="ft-muted">No client in this thread to log against.</p>;
  const log = async (kind: TouchpointKind, label: string) => {
    setBusy(true);
    try {
      await actions.logTouchpoint(kind, note.trim());
      setNote('');
      setStatus(`${label} logged.`);
    } catch (error) {
      setStatus(`Could not log: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <label className="ft-field">
        <span>Note (optional)</span>
        <textarea rows={2} maxLength={2000} value={note} data-testid="ft-touchpoint-note" onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="ft-actions" role="group" aria-label="Log a touchpoint">
        {KINDS.map(({ kind, label }) => (
          <button key={kind} type="button" disabled={busy} data-testid={`ft-log-${kind}`} onClick={() => void log(kind, label)}>
            {label}
          </button>
        ))}
      </div>
      <p className="ft-muted" role="status" aria-live="polite" data-testid="ft-touchpoint-status">
        {status ?? ''}
      </p>
    </div>
  );
}

export const touchpointPanel: PanelDefinition = {
  id: 'touchpoint-panel',
  title: 'Log a touchpoint',
  Component: TouchpointPanel,
};
