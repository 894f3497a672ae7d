import { useEffect, useState } from 'react';
import type { Department, Review, TouchpointKind } from '@followthrough/shared/model';
import { DEPARTMENT_CHOICES, departmentLabel } from '../departments';
import type { PanelDefinition, PanelProps } from '../panel-types';
import { ReviewForm } from '../review-form';

const KINDS: { kind: TouchpointKind; label: string }[] = [
  { kind: 'call', label: 'Call' },
  { kind: 'meeting', label: 'Meeting' },
  { kind: 'note', label: 'Note' },
  { kind: 'invoice', label: 'Invoice' },
  { kind: 'feedback-asked', label: 'Feedback asked' },
  { kind: 'report-sent', label: 'Report sent' },
];

/**
 * Log a touchpoint with the client: with the user's department (their setting), which one click on another
 * department changes for what is logged next; the quarterly review opens its SWOT form.
 */
function TouchpointPanel({ view, actions }: PanelProps) {
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [department, setDepartment] = useState<Department | null>(view.department ?? null);
  // The user's own department, once the settings arrive (or change in the options).
  useEffect(() => setDepartment(view.department ?? null), [view.department]);
  if (!view.summary.counterpart) return <p className="ft-muted">No client in this thread to log against.</p>;
  const extra = department ? { department } : {};
  const log = async (kind: TouchpointKind, label: string) => {
    setBusy(true);
    try {
      await actions.logTouchpoint(kind, note.trim(), extra);
      setNote('');
      setStatus(`${label} logged${department ? ` (${departmentLabel(department)})` : ''}.`);
    } catch (error) {
      setStatus(`Could not log: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const logReview = async (review: Review, summary: string) => {
    await actions.logTouchpoint('review', summary, { ...extra, review });
    setReviewing(false);
    setStatus(`Quarterly review logged${department ? ` (${departmentLabel(department)})` : ''}.`);
  };
  return (
    <div>
      <div className="ft-departments" role="group" aria-label="Department" data-testid="ft-touchpoint-departments" data-department={department ?? ''}>
        {DEPARTMENT_CHOICES.map((d) => (
          <button
            key={d.id}
            type="button"
            className="ft-chip"
            aria-pressed={department === d.id}
            data-testid={`ft-department-${d.id}`}
            title={department === d.id ? `Logging as ${d.label}` : `Log as ${d.label}`}
            onClick={() => setDepartment(department === d.id ? null : d.id)}
          >
            {d.label}
          </button>
        ))}
      </div>
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
        <button type="button" disabled={busy} aria-expanded={reviewing} data-testid="ft-log-review" onClick={() => setReviewing(!reviewing)}>
          Quarterly review…
        </button>
      </div>
      {reviewing && <ReviewForm compact submit={logReview} cancel={() => setReviewing(false)} />}
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
