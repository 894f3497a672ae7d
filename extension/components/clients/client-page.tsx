import { useCallback, useEffect, useState } from 'react';
import type { CounterpartDetailResponse, UpdateCounterpartRequest } from '@followthrough/shared/contract';
import type { ClientsSource } from '../../utils/messaging';
import { describeBusinessMinutes } from '@followthrough/shared';
import type { Department, Review } from '@followthrough/shared/model';
import { ReviewForm } from '../review-form';
import { formatDay } from '../format';
import { ClientProfileForm } from './client-profile-form';
import { ClientTimeline } from './client-timeline';
import type { ClientsData } from './clients-data';
import { HealthReasons, HealthScore } from './health-reasons';

const HOURS = { workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] } };

/** One client: health with every reason, the figures, what the user sets about it, and its timeline. */
export function ClientPage({ data, clientKey, back, userTargetPercent, workingHours = HOURS.workingHours, department = null, teams = [], newId = () => crypto.randomUUID() }: {
  data: ClientsData;
  clientKey: string;
  back(): void;
  userTargetPercent?: number;
  workingHours?: typeof HOURS.workingHours;
  /** The user's department: a review logged here carries it. */
  department?: Department | null;
  /** The user's organisations: each links to the client's 360° page there. */
  teams?: { id: string; name: string }[];
  newId?: () => string;
}) {
  const [detail, setDetail] = useState<(CounterpartDetailResponse & { source: ClientsSource }) | null>(null);
  const [error, setError] = useState('');
  const [report, setReport] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [reviewStatus, setReviewStatus] = useState('');

  const load = useCallback(async () => {
    const res = await data.client(clientKey);
    if (res.status === 'ok') {
      setDetail(res.data);
      setError('');
    } else setError(res.status === 'error' ? res.message : res.status === 'not-found' ? `No client ${clientKey} here yet.` : 'Not signed in.');
  }, [data, clientKey]);
  useEffect(() => void load(), [load]);

  const logReview = async (review: Review, summary: string) => {
    if (!data.logTouchpoint) return;
    await data.logTouchpoint({
      id: newId(),
      counterpart: clientKey,
      kind: 'review',
      at: new Date().toISOString(),
      review,
      ...(summary ? { summary } : {}),
      ...(department ? { department } : {}),
    });
    setReviewing(false);
    setReviewStatus('Quarterly review logged.');
    await load();
  };

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
        {error && teams.length > 0 && (
          <p className="ft-note" data-testid="ft-client-team-links">
            {/* A client the user owns in a team without mail of their own (a review reminder leads here). */}
            Across your team:{' '}
            {teams.map((t, i) => (
              <span key={t.id}>
                {i > 0 ? ', ' : ''}
                <a href={`#team=${encodeURIComponent(t.id)}&client=${encodeURIComponent(clientKey)}`}>{t.name}'s 360° view</a>
              </span>
            ))}
          </p>
        )}
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
      {teams.length > 0 && (
        <p className="ft-note" data-testid="ft-client-team-links">
          Across your team:{' '}
          {teams.map((t, i) => (
            <span key={t.id}>
              {i > 0 ? ', ' : ''}
              <a href={`#team=${encodeURIComponent(t.id)}&client=${encodeURIComponent(clientKey)}`}>{t.name}'s 360° view</a>
            </span>
          ))}
        </p>
      )}
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
      {data.logTouchpoint && (
        <>
          <h2>Quarterly review</h2>
          {reviewing ? (
            <ReviewForm submit={logReview} cancel={() => setReviewing(false)} />
          ) : (
            <button type="button" data-testid="ft-client-log-review" onClick={() => setReviewing(true)}>
              Log this quarter's review (SWOT and risks)
            </button>
          )}
          <span role="status" className="ft-note" data-testid="ft-client-review-status">
            {' '}
            {reviewStatus}
          </span>
        </>
      )}
      <ClientTimeline data={data} detail={detail} />
    </section>
  );
}
