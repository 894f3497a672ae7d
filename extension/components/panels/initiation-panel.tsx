import type { PanelDefinition, PanelProps } from '../panel-types';
import { percent } from '../format';

function InitiationPanel({ view }: PanelProps) {
  // The target in force (the client's own, the user's, or the 80% guideline), as health measured it.
  const TARGET = (view.summary.counterpartSummary?.health.components.find((c) => c.id === 'initiation')?.target ?? 80) / 100;
  const { initiatedBy } = view.summary;
  const initiatorUnread = view.coverage?.initiatorKnown === false;
  const initiated = initiatorUnread ? undefined : view.summary.counterpartSummary?.initiated;
  const share = initiated?.share ?? null;
  return (
    <div>
      <p data-testid="ft-initiator">
        {initiatorUnread
          ? 'Who started this thread could not be read from the page.'
          : initiatedBy === 'us'
            ? 'We started this thread.'
            : initiatedBy === 'them'
              ? 'The client started this thread.'
              : 'Who started this thread is unclear (automated or internal mail only).'}
      </p>
      {initiated && (
        <>
          <p data-testid="ft-initiated-share">
            We started {initiated.us} of {initiated.us + initiated.them} conversations with this client ({percent(share)}; target {percent(TARGET)}).
          </p>
          <div
            className="ft-meter"
            role="meter"
            aria-label="Our share of initiated conversations"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={share === null ? 0 : Math.round(share * 100)}
          >
            <div className={`ft-meter-fill ${share !== null && share >= TARGET ? 'ft-tone-good' : 'ft-tone-warn'}`} style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
            <div className="ft-meter-target" style={{ left: `${TARGET * 100}%` }} />
          </div>
          {view.source === 'local' && (
            <p className="ft-muted">
              {view.threadsRemembered && view.threadsRemembered > 1
                ? `From the ${view.threadsRemembered} threads with this client you opened in this browser; sign in to a server for the whole mailbox.`
                : 'From this thread only; sign in to a server for the whole mailbox.'}
            </p>
          )}
        </>
      )}
    </div>
  );
}

export const initiationPanel: PanelDefinition = { id: 'initiation-panel', title: 'Who initiates', Component: InitiationPanel };
