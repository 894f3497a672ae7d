import type { Health } from '@followthrough/shared/model';

export function healthBand(score: number): { word: string; tone: 'good' | 'warn' | 'bad' } {
  if (score >= 75) return { word: 'Healthy', tone: 'good' };
  if (score >= 50) return { word: 'Needs attention', tone: 'warn' };
  return { word: 'At risk', tone: 'bad' };
}

/** The reasons behind a score, those that cost the most points first (the same words as the sidebar). */
export function HealthReasons({ health, max, testId = 'ft-client-reasons' }: { health: Health; max?: number; testId?: string }) {
  const reasons = [...health.components]
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - b.contribution - (a.weight - a.contribution));
  const shown = max === undefined ? reasons : reasons.filter((c) => c.weight - c.contribution >= 0.5).slice(0, max);
  if (shown.length === 0) return <p className="ft-note">{max === undefined ? 'Nothing to measure yet.' : 'Nothing costs points: keep it up.'}</p>;
  return (
    <ul className="ft-reasons" data-testid={testId}>
      {shown.map((c) => (
        <li key={c.id} data-component={c.id}>
          <span className="ft-points" aria-label={`${Math.round(c.contribution)} of ${Math.round(c.weight)} points`}>
            {Math.round(c.contribution)}/{Math.round(c.weight)}
          </span>{' '}
          {c.explanation}
        </li>
      ))}
    </ul>
  );
}

export function HealthScore({ score }: { score: number }) {
  const { word, tone } = healthBand(score);
  return (
    <span className={`ft-score ft-tone-${tone}`} data-testid="ft-client-score" aria-label={`Health ${score} out of 100: ${word}`}>
      <strong>{score}</strong> <span>{word}</span>
    </span>
  );
}
