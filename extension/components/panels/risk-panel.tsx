import type { RiskKind } from '@followthrough/shared/model';
import type { PanelDefinition, PanelProps, SidebarView } from '../panel-types';
import { describeDue } from '../format';

const RISK_WORDS: Record<RiskKind, string> = {
  dissatisfaction: 'Client unhappy',
  escalation: 'Escalation threatened',
  cancellation: 'Cancellation mentioned',
  delay: 'Delay mentioned',
  'bad-news': 'We are sending bad news',
};

const DAY_MS = 86_400_000;

/** Our promises to this client that slipped or will within 24 hours. */
function slipping(view: SidebarView) {
  const open = [...view.summary.promises, ...view.summary.otherOpenPromises].filter(
    (p) => p.status === 'open' || p.status === 'overdue',
  );
  return open.filter((p) => Date.parse(p.dueAt) - view.now.getTime() < DAY_MS && !(p.snoozedUntil && Date.parse(p.snoozedUntil) > view.now.getTime()));
}

function RiskPanel({ view }: PanelProps) {
  const risks = view.summary.risks.filter((r) => r.side === 'them' || r.kind === 'bad-news');
  const due = slipping(view);
  const unhappy = risks.some((r) => r.kind === 'dissatisfaction' || r.kind === 'escalation' || r.kind === 'cancellation');
  if (risks.length === 0 && due.length === 0) return <p className="ft-muted" data-testid="ft-no-risks">No risk signals in this thread.</p>;
  return (
    <div>
      {(unhappy || due.length > 0) && (
        <p className="ft-nudge" role="alert" data-testid="ft-bad-news-nudge">
          <strong>Tell them now.</strong>{' '}
          {due.length > 0
            ? `A promise is ${due.some((p) => Date.parse(p.dueAt) < view.now.getTime()) ? 'overdue' : 'due within 24 hours'}: say where it stands and offer a new date before they ask.`
            : 'The client sounds unhappy: call or write today with what you will do, and by when.'}
        </p>
      )}
      <ul className="ft-list" data-testid="ft-risks">
        {risks.map((r) => (
          <li key={`${r.messageId}:${r.kind}:${r.text}`} data-kind={r.kind}>
            <strong>{RISK_WORDS[r.kind]}:</strong> “{r.text}”
          </li>
        ))}
        {due.map((p) => (
          <li key={p.id} data-kind="promise-slipping">
            <strong>Promise {describeDue(p.dueAt, view.now)}:</strong> “{p.text}”
          </li>
        ))}
      </ul>
    </div>
  );
}

export const riskPanel: PanelDefinition = { id: 'risk-panel', title: 'Risks: break bad news early', Component: RiskPanel };
