import type { PanelDefinition, PanelProps } from '../panel-types';

function band(score: number): { word: string; tone: 'good' | 'warn' | 'bad' } {
  if (score >= 75) return { word: 'Healthy', tone: 'good' };
  if (score >= 50) return { word: 'Needs attention', tone: 'warn' };
  return { word: 'At risk', tone: 'bad' };
}

function HealthPanel({ view }: PanelProps) {
  const health = view.summary.counterpartSummary?.health;
  if (!health) return <p className="ft-muted">No client in this thread: only our own people.</p>;
  const { word, tone } = band(health.score);
  // Weakest first: the reasons a manager should act on come first.
  const reasons = [...health.components].sort((a, b) => a.contribution / (a.weight || 1) - b.contribution / (b.weight || 1));
  return (
    <div>
      <p className="ft-score" data-testid="ft-health-score" aria-label={`Health ${health.score} out of 100: ${word}`}>
        <span className={`ft-score-number ft-tone-${tone}`}>{health.score}</span>
        <span className="ft-score-word">{word}</span>
      </p>
      <ul className="ft-reasons" data-testid="ft-health-reasons">
        {reasons.map((component) => (
          <li key={component.id} data-component={component.id}>
            <span className="ft-points" aria-label={`${Math.round(component.contribution)} of ${component.weight} points`}>
              {Math.round(component.contribution)}/{component.weight}
            </span>{' '}
            {component.explanation}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const healthPanel: PanelDefinition = { id: 'health-panel', title: 'Relationship health', Component: HealthPanel };
