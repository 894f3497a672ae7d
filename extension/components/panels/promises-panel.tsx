import { useState } from 'react';
import type { PromiseView } from '@followthrough/shared/contract';
import type { PanelDefinition, PanelProps, SidebarActions } from '../panel-types';
import { describeDue, formatDay, fromDateInput, toDateInput } from '../format';

const STATUS_WORDS: Record<PromiseView['status'], string> = {
  open: 'open',
  overdue: 'overdue',
  kept: 'kept',
  'kept-late': 'kept late',
  'possibly-kept': 'possibly kept: confirm?',
  dismissed: 'not a promise',
  done: 'done',
};

function PromiseItem({ promise, now, timeZone, actions }: { promise: PromiseView; now: Date; timeZone: string; actions: SidebarActions }) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [date, setDate] = useState(toDateInput(promise.dueAt));
  const live = promise.status === 'open' || promise.status === 'overdue';
  const snoozed = promise.snoozedUntil && Date.parse(promise.snoozedUntil) > now.getTime();
  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="ft-promise" data-testid="ft-promise" data-promise-id={promise.id} data-status={promise.status}>
      <p className="ft-promise-text">“{promise.text}”</p>
      <p className="ft-promise-meta">
        <span className={`ft-badge ft-status-${promise.status}`}>{STATUS_WORDS[promise.status]}</span>{' '}
        {live ? describeDue(promise.dueAt, now) : `due ${formatDay(promise.dueAt, timeZone)}`}
        {promise.dueIsDefault && ' (no date stated: default)'}
        {promise.dueText && ` (“${promise.dueText}”)`}
        {snoozed && ` · snoozed until ${formatDay(promise.snoozedUntil ?? null, timeZone)}`}
      </p>
      {promise.keptAt && (
        <p className="ft-promise-evidence" data-testid="ft-promise-evidence">
          {promise.status === 'possibly-kept' ? 'Maybe kept by' : 'Kept by'} your {promise.keptBy && /^[0-9a-f-]{36}$/.test(promise.keptBy) ? 'logged touchpoint' : 'mail'} of {formatDay(promise.keptAt, timeZone)}
          {promise.evidence ? `: “${promise.evidence}”` : ''}
        </p>
      )}
      <div className="ft-actions" role="group" aria-label="Promise actions">
        {(live || promise.status === 'possibly-kept') && (
          <button type="button" disabled={busy} data-testid="ft-promise-done" onClick={() => run(() => actions.setVerdict(promise.id, { status: 'done' }))}>
            {promise.status === 'possibly-kept' ? 'Yes, kept' : 'Mark done'}
          </button>
        )}
        {(promise.status === 'possibly-kept' || promise.status === 'kept' || promise.status === 'kept-late') && (
          <button type="button" disabled={busy} data-testid="ft-promise-not-kept" onClick={() => run(() => actions.setVerdict(promise.id, { status: 'not-kept' }))}>
            Not kept
          </button>
        )}
        {promise.status !== 'dismissed' && (
          <button type="button" disabled={busy} data-testid="ft-promise-dismiss" onClick={() => run(() => actions.setVerdict(promise.id, { status: 'dismissed' }))}>
            Not a promise
          </button>
        )}
        {live && (
          <button
            type="button"
            disabled={busy}
            data-testid="ft-promise-snooze"
            onClick={() => run(() => actions.setVerdict(promise.id, { status: 'open', snoozedUntil: new Date(now.getTime() + 86_400_000).toISOString() }))}
          >
            Snooze 1 day
          </button>
        )}
        {!live && (
          <button type="button" disabled={busy} data-testid="ft-promise-reopen" onClick={() => run(() => actions.setVerdict(promise.id, { status: 'open' }))}>
            Reopen
          </button>
        )}
        <button type="button" disabled={busy} aria-expanded={editing} data-testid="ft-promise-change-due" onClick={() => setEditing(!editing)}>
          Change due date
        </button>
      </div>
      {editing && (
        <form
          className="ft-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const dueAt = fromDateInput(date);
            if (dueAt) void run(() => actions.setVerdict(promise.id, { status: 'open', dueAt })).then(() => setEditing(false));
          }}
        >
          <label>
            New due date{' '}
            <input type="date" value={date} required data-testid="ft-promise-due-input" onChange={(e) => setDate(e.target.value)} />
          </label>
          <button type="submit" disabled={busy} data-testid="ft-promise-due-save">Save</button>
        </form>
      )}
    </li>
  );
}

/** How many promises a list shows before "Show N more": what fits beside the thread without scrolling. */
export const PROMISES_SHOWN_FIRST = 5;

/** Live promises (open, overdue) first, soonest due first; then the settled ones, newest first. */
function byUrgency(a: PromiseView, b: PromiseView): number {
  const liveA = a.status === 'open' || a.status === 'overdue';
  const liveB = b.status === 'open' || b.status === 'overdue';
  if (liveA !== liveB) return liveA ? -1 : 1;
  return liveA ? Date.parse(a.dueAt) - Date.parse(b.dueAt) : Date.parse(b.madeAt) - Date.parse(a.madeAt);
}

function PromiseList({ promises, testId, view, actions }: { promises: readonly PromiseView[]; testId: string; view: PanelProps['view']; actions: SidebarActions }) {
  const [expanded, setExpanded] = useState(false);
  const ordered = [...promises].sort(byUrgency);
  const shown = expanded ? ordered : ordered.slice(0, PROMISES_SHOWN_FIRST);
  const hidden = ordered.length - shown.length;
  return (
    <>
      <ul className="ft-plain" data-testid={testId}>
        {shown.map((p) => (
          <PromiseItem key={p.id} promise={p} now={view.now} timeZone={view.timeZone} actions={actions} />
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className="ft-more" data-testid={`${testId}-more`} onClick={() => setExpanded(true)}>
          Show {hidden} more
        </button>
      )}
    </>
  );
}

function PromisesPanel({ view, actions }: PanelProps) {
  const { promises, otherOpenPromises, otherOpenPromiseCount } = view.summary;
  return (
    <div>
      {promises.length === 0 ? (
        <p className="ft-muted">No promises found in this thread.</p>
      ) : (
        <PromiseList promises={promises} testId="ft-promises-thread" view={view} actions={actions} />
      )}
      {otherOpenPromises.length > 0 && (
        <>
          <p className="ft-subhead">Open with this client in other threads{otherOpenPromiseCount > otherOpenPromises.length ? ` (the ${otherOpenPromises.length} most urgent of ${otherOpenPromiseCount})` : ''}</p>
          <PromiseList promises={otherOpenPromises} testId="ft-promises-other" view={view} actions={actions} />
        </>
      )}
    </div>
  );
}

export const promisesPanel: PanelDefinition = { id: 'promises-panel', title: 'Promises', Component: PromisesPanel };
