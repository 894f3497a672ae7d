import { useCallback, useEffect, useState } from 'react';
import type { CounterpartDetailResponse, UpdateCounterpartRequest } from '@followthrough/shared/contract';
import type { ClientsSource } from '../../utils/messaging';
import { describeBusinessMinutes } from '@followthrough/shared';
import { formatDay } from '../format';
import { ClientProfileForm } from './client-profile-form';
import { ClientTimeline } from './client-timeline';
import type { ClientsData } from './clients-data';
import { HealthReasons, HealthScore } from './health-reasons';

const HOURS = { workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] } };

/** One client: health with every reason, the figures, what the user sets about it, and its timeline. */
export function ClientPage({ data, clientKey, back, userTargetPercent, workingHours = HOURS.workingHours }: {
  data: ClientsData;
  clientKey: string;
  back(): void;
  userTargetPercent?: number;
  workingHours?: typeof HOURS.workingHours;
}) {
  const [detail, setDetail] = useState<(CounterpartDetailResponse & { source: ClientsSource }) | null>(null);
  const [error, setError] = useState('');
  const [report, setReport] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await data.client(clientKey);
    if (res.status === 'ok') {
      setDetail(res.data);
      setError('');
    } else setError(res.status === 'error' ? res.message : res.status === 'not-found' ? `No client ${clientKey} here yet.` : 'Not signed in.');
  }, [data, clientKey]);
  useEffect(() => void load(), [load]);

  const save = async (patch: UpdateCounterpartRequest) => {
    const result = await data.saveProfile(clientKey, patch);
    await load();
    return result;
  };

  if (!detail) {
    return (
      <section data-testid="ft-client-page" data-key={clientKey} data-state={error ? 'error' : 'loading'}>
        <button type="button" className="ft-link" onClick={back} data-testid="ft-client-back">
          ← All clients
        </button>
        {error && <p className="ft-bad" role="alert">{error}</p>}
      </section>
    );
  }
  const c = detail.counterpart;
  const lag = c.responseLag.ours;
  const initiation = c.health.components.find((h) => h.id === 'initiation');
  return (
    <section data-testid="ft-client-page" data-key={clientKey} data-state="ready" data-source={detail.source}>
      <button type="button" className="ft-link" onClick={back} data-testid="ft-client-back">
        ← All clients
      </button>
      <header className="ft-client-header">
        <h1 data-testid="ft-client-title">
          {c.name ?? c.key} {c.name && <span className="ft-note">{c.key}</span>}
        </h1>
        <HealthScore score={c.health.score} />
      </header>
      <HealthReasons health={c.health} />
      <dl className="ft-facts" data-testid="ft-client-facts">
        <dt>Conversations started by us</dt>
        <dd>
          {c.initiated.us} of {c.initiated.us + c.initiated.them}
          {c.initiated.share !== null ? ` (${Math.round(c.initiated.share * 100)}%)` : ''}, target {initiation?.target ?? userTargetPercent ?? 80}%
        </dd>
        <dt>Our typical reply</dt>
        <dd>{lag.count === 0 || lag.medianBusinessMinutes === null ? 'no replies yet' : describeBusinessMinutes(lag.medianBusinessMinutes, { workingHours })}</dd>
        <dt>Last contact</dt>
        <dd data-testid="ft-client-last-contact">
          {c.lastContactAt ? formatDay(c.lastContactAt) : 'none yet'}
          {c.cadenceDays !== null ? `, cadence every ${c.cadenceDays} days` : ', no cadence agreed'}
        </dd>
        <dt>Renewal</dt>
        <dd data-testid="ft-client-renewal">{c.renewalDate ?? 'not set'}</dd>
        <dt>Promises</dt>
        <dd>
          {c.promises.open} open, {c.promises.overdue} overdue, {c.promises.kept + c.promises.done} kept, {c.promises.keptLate} kept late
        </dd>
        <dt>Waiting</dt>
        <dd>
          {c.awaitingOurReplyCount} for our reply, {c.awaitingThemCount} for theirs
        </dd>
      </dl>
      {detail.source === 'memory' && <p className="ft-note">From the threads you opened in this browser. Sign in to a server for the whole mailbox.</p>}
      <h2>What you agreed with this client</h2>
      <ClientProfileForm profile={detail.profile} save={save} {...(userTargetPercent ? { userTargetPercent } : {})} />
      <div className="ft-row">
        <button
          type="button"
          data-testid="ft-client-report"
          onClick={() =>
            void data.report(clientKey).then((r) => setReport(r.status === 'ok' ? r.data.text : r.status === 'error' ? r.message : 'The progress report needs a server (or the thread open in the sidebar).'))
          }
        >
          Draft progress report
        </button>
      </div>
      {report && (
        <pre className="ft-report" data-testid="ft-client-report-text">
          {report}
        </pre>
      )}
      <ClientTimeline data={data} detail={detail} />
    </section>
  );
}
