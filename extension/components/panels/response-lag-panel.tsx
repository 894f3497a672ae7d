import type { LagStats, WorkingHours } from '@followthrough/shared/model';
import type { PanelDefinition, PanelProps } from '../panel-types';
import { formatBusinessMinutes, formatMinutes } from '../format';
import { Sparkline } from '../sparkline';

const RECENT = 12;

function Row({ who, stats, trend, testId, hours }: { who: string; stats: LagStats; trend: number[]; testId: string; hours: { workingHours: WorkingHours } }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{who}</th>
      <td>{stats.count === 0 ? 'no replies yet' : formatBusinessMinutes(stats.medianBusinessMinutes, hours)}</td>
      <td>{stats.count === 0 ? '—' : formatBusinessMinutes(stats.p90BusinessMinutes, hours)}</td>
      <td>
        <Sparkline values={trend} label={`${who}: last ${trend.length} reply times in working hours`} />
      </td>
    </tr>
  );
}

function ResponseLagPanel({ view }: PanelProps) {
  const { lags } = view.summary;
  const trend = (side: 'us' | 'them') => lags.samples.filter((s) => s.responder === side).slice(-RECENT).map((s) => s.businessMinutes);
  return (
    <div>
      <table className="ft-table">
        <thead>
          <tr>
            <th scope="col">Reply time</th>
            <th scope="col">median</th>
            <th scope="col">slowest 10%</th>
            <th scope="col">trend</th>
          </tr>
        </thead>
        <tbody>
          <Row who="We reply in" stats={lags.ours} trend={trend('us')} testId="ft-lag-ours" hours={view} />
          <Row who="They reply in" stats={lags.theirs} trend={trend('them')} testId="ft-lag-theirs" hours={view} />
        </tbody>
      </table>
      {lags.ours.medianMinutes !== null && (
        <p className="ft-muted">Our median on the clock: {formatMinutes(lags.ours.medianMinutes)}.</p>
      )}
    </div>
  );
}

export const responseLagPanel: PanelDefinition = {
  id: 'response-lag-panel',
  title: 'Response time (working hours)',
  Component: ResponseLagPanel,
};
