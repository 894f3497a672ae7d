import { useCallback, useEffect, useState } from 'react';
import type { OrgCounterpartDetail, OrgMember, TeamClientProfile, TeamTouchpoint, UpdateOrgCounterpartRequest } from '@followthrough/shared/contract';
import { TOUCHPOINT_LABELS, type Department, type Review, type WorkingHours } from '@followthrough/shared/model';
import { DEPARTMENT_CHOICES, departmentLabel, REVIEW_FIELD_LABELS, REVIEW_FIELD_ORDER } from '../departments';
import { formatBusinessMinutes, formatDate, formatDay } from '../format';
import { ReviewForm } from '../review-form';
import { HealthReasons, HealthScore } from './health-reasons';
import { useProfileForm } from './profile-form-state';
import { personName } from './team-view';
import type { TeamData } from './team-data';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface TeamProfileValues {
  name: string;
  cadenceDays: string;
  renewalDate: string;
  notes: string;
  ownerUserId: string;
  reviewIntervalDays: string;
  feedbackIntervalDays: string;
}

const toValues = (p: TeamClientProfile): TeamProfileValues => ({
  name: p.name ?? '',
  cadenceDays: p.cadenceDays === null ? '' : String(p.cadenceDays),
  renewalDate: p.renewalDate ?? '',
  notes: p.notes ?? '',
  ownerUserId: p.ownerUserId ?? '',
  reviewIntervalDays: p.reviewIntervalDays === null ? '' : String(p.reviewIntervalDays),
  feedbackIntervalDays: p.feedbackIntervalDays === null ? '' : String(p.feedbackIntervalDays),
});

/** The changed fields of the team's profile as the API's patch, or the errors (each names its field). */
export function parseTeamProfile(values: TeamProfileValues, before: TeamClientProfile): { ok: true; patch: UpdateOrgCounterpartRequest } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const patch: UpdateOrgCounterpartRequest = {};
  const whole = (raw: string, field: string, min: number, max: number): number | null | undefined => {
    if (!raw.trim()) return null;
    const n = Number(raw.trim());
    if (!Number.isInteger(n) || n < min || n > max) {
      errors.push(`${field}: "${raw}" must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return n;
  };
  const text = (raw: string) => raw.trim() || null;
  if (text(values.name) !== before.name) patch.name = text(values.name);
  if (text(values.notes) !== before.notes) patch.notes = text(values.notes);
  if (text(values.ownerUserId) !== before.ownerUserId) patch.ownerUserId = text(values.ownerUserId);
  const renewal = values.renewalDate.trim();
  if (renewal && !/^\d{4}-\d{2}-\d{2}$/.test(renewal)) errors.push(`Renewal date: "${renewal}" is not a date (YYYY-MM-DD)`);
  else if ((renewal || null) !== before.renewalDate) patch.renewalDate = renewal || null;
  const cadence = whole(values.cadenceDays, 'Cadence', 1, 3650);
  if (cadence !== undefined && cadence !== before.cadenceDays) patch.cadenceDays = cadence;
  const review = whole(values.reviewIntervalDays, 'Review every', 7, 3650);
  if (review !== undefined && review !== before.reviewIntervalDays) patch.reviewIntervalDays = review;
  const feedback = whole(values.feedbackIntervalDays, 'Ask for feedback every', 7, 3650);
  if (feedback !== undefined && feedback !== before.feedbackIntervalDays) patch.feedbackIntervalDays = feedback;
  return errors.length > 0 ? { ok: false, errors } : { ok: true, patch };
}

/** What the team agreed about the client: name, cadence, renewal, notes, owner, how often to review and ask for feedback. */
function TeamProfileForm({ profile, members, save }: { profile: TeamClientProfile; members: OrgMember[]; save(patch: UpdateOrgCounterpartRequest): Promise<string> }) {
  const { values, set, errors, status, busy, submit } = useProfileForm(profile, toValues, parseTeamProfile, save);
  return (
    <form className="ft-profile-form" onSubmit={(e) => void submit(e)} noValidate data-testid="ft-team-profile">
      <div className="ft-row">
        <label>
          Name
          <input type="text" value={values.name} maxLength={200} data-testid="ft-team-name-input" onChange={(e) => set('name', e.target.value)} />
        </label>
        <label>
          Owner
          <select value={values.ownerUserId} data-testid="ft-team-owner-input" onChange={(e) => set('ownerUserId', e.target.value)}>
            <option value="">Nobody (everyone who deals with it)</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {personName(m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="ft-row">
        <label>
          Agreed cadence (days)
          <input type="number" min={1} max={3650} value={values.cadenceDays} placeholder="none" data-testid="ft-team-cadence-input" onChange={(e) => set('cadenceDays', e.target.value)} />
        </label>
        <label>
          Renewal date
          <input type="date" value={values.renewalDate} data-testid="ft-team-renewal-input" onChange={(e) => set('renewalDate', e.target.value)} />
        </label>
        <label>
          Review every (days)
          <input type="number" min={7} max={3650} value={values.reviewIntervalDays} placeholder="90" data-testid="ft-team-review-interval-input" onChange={(e) => set('reviewIntervalDays', e.target.value)} />
        </label>
        <label>
          Ask for feedback every (days)
          <input type="number" min={7} max={3650} value={values.feedbackIntervalDays} placeholder="90" data-testid="ft-team-feedback-interval-input" onChange={(e) => set('feedbackIntervalDays', e.target.value)} />
        </label>
      </div>
      <label>
        Notes (the team sees them)
        <textarea rows={2} value={values.notes} maxLength={10000} data-testid="ft-team-notes-input" onChange={(e) => set('notes', e.target.value)} />
      </label>
      {errors.length > 0 && (
        <ul className="ft-bad" role="alert" data-testid="ft-team-profile-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <button type="submit" disabled={busy} data-testid="ft-team-profile-save">
        Save for the team
      </button>{' '}
      <span role="status" data-testid="ft-team-profile-saved">
        {status}
      </span>
    </form>
  );
}

/** A review's SWOT and risks, as logged. */
export function ReviewView({ review }: { review: Review }) {
  return (
    <dl className="ft-swot" data-testid="ft-team-review">
      {REVIEW_FIELD_ORDER.filter((f) => review[f].trim()).map((f) => (
        <div key={f} data-field={f}>
          <dt>{REVIEW_FIELD_LABELS[f].label}</dt>
          <dd>{review[f]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every member's touchpoints with the client, newest first, one department at a time or all together. */
function TeamTimeline({ data, orgId, detail, timeZone }: { data: TeamData; orgId: string; detail: OrgCounterpartDetail; timeZone?: string }) {
  const key = detail.counterpart.key;
  const [items, setItems] = useState<TeamTouchpoint[]>(detail.timeline);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState(detail.timelineCount);
  const [department, setDepartment] = useState<Department | 'all' | 'none'>('all');
  const load = async (next: string | null) => {
    const res = await data.timeline(orgId, key, next);
    if (res.status !== 'ok') return;
    setItems((before) => (next ? [...before, ...res.data.touchpoints] : res.data.touchpoints));
    setCursor(res.data.nextCursor);
    setTotal(res.data.total);
  };
  useEffect(() => {
    setItems(detail.timeline);
    setTotal(detail.timelineCount);
    void load(null);
  }, [detail, orgId, key]);
  const present = new Set(items.map((t) => t.department ?? null));
  const shown = items.filter((t) => department === 'all' || (department === 'none' ? !t.department : t.department === department));
  return (
    <section aria-label="Timeline by department" data-testid="ft-team-timeline-section">
      <h2>Timeline across the team</h2>
      <div className="ft-filters" role="group" aria-label="Department">
        <button type="button" aria-pressed={department === 'all'} data-testid="ft-team-timeline-all" onClick={() => setDepartment('all')}>
          All departments ({total})
        </button>
        {DEPARTMENT_CHOICES.filter((d) => present.has(d.id)).map((d) => (
          <button key={d.id} type="button" aria-pressed={department === d.id} data-testid={`ft-team-timeline-${d.id}`} onClick={() => setDepartment(d.id)}>
            {d.label}
          </button>
        ))}
        {present.has(null) && (
          <button type="button" aria-pressed={department === 'none'} onClick={() => setDepartment('none')}>
            No department
          </button>
        )}
      </div>
      <ol className="ft-timeline" data-testid="ft-team-timeline">
        {shown.map((t) => (
          <li key={t.id} data-testid="ft-team-timeline-item" data-kind={t.kind} data-department={t.department ?? ''} data-member={t.member.email}>
            <span className="ft-note">{formatDate(t.at, timeZone)}</span> <strong>{TOUCHPOINT_LABELS[t.kind] ?? 'Contact'}</strong>
            <span className="ft-note">
              {' '}
              · {departmentLabel(t.department)} · {personName(t.member)}
            </span>
            {t.summary && <span> · {t.summary}</span>}
          </li>
        ))}
      </ol>
      {shown.length === 0 && <p className="ft-note">No touchpoints logged{department === 'all' ? '' : ' by this department'} yet.</p>}
      {cursor && (
        <button type="button" data-testid="ft-team-timeline-more" onClick={() => void load(cursor)}>
          Older touchpoints ({total - items.length} more)
        </button>
      )}
    </section>
  );
}

/**
 * A client's 360° page for the team: health over everyone's figures, each member's part, the touchpoints of
 * every department on one timeline, the latest quarterly review (and a form for the next), the team's
 * profile, and the sentences of members who share theirs (counts of the others').
 */
export function TeamClientPage({
  data,
  orgId,
  clientKey,
  back,
  workingHours,
  department,
  timeZone,
}: {
  data: TeamData;
  orgId: string;
  clientKey: string;
  back(): void;
  workingHours: WorkingHours;
  /** The user's own department: a review logged here carries it. */
  department: Department | null;
  timeZone?: string;
}) {
  const [detail, setDetail] = useState<OrgCounterpartDetail | null>(null);
  const [members, setMembers] = useState<OrgMember[]>([]);
  const [error, setError] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    const res = await data.client(orgId, clientKey);
    if (res.status === 'ok') {
      setDetail(res.data);
      setError('');
      return res.data;
    }
    setError(res.status === 'error' ? res.message : res.status === 'not-found' ? `Nobody in the team deals with ${clientKey} yet.` : 'Sign in to a server to see your team.');
    return null;
  }, [data, orgId, clientKey]);
  useEffect(() => {
    void load();
    void data.members(orgId).then((res) => res.status === 'ok' && setMembers(res.data.members));
  }, [load, data, orgId]);

  const saveProfile = async (patch: UpdateOrgCounterpartRequest): Promise<string> => {
    const res = await data.saveProfile(orgId, clientKey, patch);
    if (res.status !== 'ok') return `Not saved: ${res.status === 'error' ? res.message : 'not found'}`;
    await load();
    return 'Saved for the team.';
  };

  const logReview = async (review: Review, summary: string) => {
    const before = detail?.latestReview?.touchpointId ?? null;
    await data.logTouchpoint({
      id: data.newId(),
      counterpart: clientKey,
      kind: 'review',
      at: new Date().toISOString(),
      review,
      ...(summary ? { summary } : {}),
      ...(department ? { department } : {}),
    });
    setReviewing(false);
    setStatus('Review logged; sending it to the server…');
    // The write goes through the offline queue: show it once the server has it.
    for (let i = 0; i < 20; i++) {
      const next = await load();
      if (next?.latestReview && next.latestReview.touchpointId !== before) {
        setStatus('Review logged.');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    setStatus('Review logged; it shows here once it reaches the server.');
  };

  if (!detail) {
    return (
      <section data-testid="ft-team-client-page" data-key={clientKey} data-state={error ? 'error' : 'loading'}>
        <button type="button" className="ft-link" onClick={back} data-testid="ft-client-back">
          ← All of the team's clients
        </button>
        {error && (
          <p className="ft-bad" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }
  const c = detail.counterpart;
  const lag = c.responseLag.ours;
  const { sentences, withheld } = detail;
  return (
    <section data-testid="ft-team-client-page" data-key={clientKey} data-state="ready">
      <button type="button" className="ft-link" onClick={back} data-testid="ft-client-back">
        ← All of the team's clients
      </button>
      <header className="ft-client-header">
        <h1 data-testid="ft-team-client-title">
          {c.name ?? c.key} {c.name && <span className="ft-note">{c.key}</span>}
        </h1>
        <HealthScore score={c.health.score} />
      </header>
      <HealthReasons health={c.health} />
      <dl className="ft-facts" data-testid="ft-team-client-facts">
        <dt>Owner</dt>
        <dd data-testid="ft-team-client-owner">{c.owner ? personName(c.owner) : 'nobody yet (everyone who deals with it)'}</dd>
        <dt>Last contact</dt>
        <dd data-testid="ft-team-client-last-contact">
          {c.lastContactAt ? `${formatDay(c.lastContactAt)} by ${personName(c.lastContactBy)}` : 'none yet'}
          {c.cadenceDays !== null ? `, cadence every ${c.cadenceDays} days` : ', no cadence agreed'}
        </dd>
        <dt>Conversations started by us</dt>
        <dd>
          {c.initiated.us} of {c.initiated.us + c.initiated.them}
          {c.initiated.share !== null ? ` (${Math.round(c.initiated.share * 100)}%)` : ''}
        </dd>
        <dt>Our typical reply</dt>
        <dd>{lag.count === 0 ? 'no replies yet' : formatBusinessMinutes(lag.medianBusinessMinutes, { workingHours })}</dd>
        <dt>Promises</dt>
        <dd>
          {c.promises.open} open, {c.promises.overdue} overdue, {c.promises.kept + c.promises.done} kept, {c.promises.keptLate} kept late
        </dd>
        <dt>Renewal</dt>
        <dd data-testid="ft-team-client-renewal">{c.renewalDate ?? 'not set'}</dd>
        <dt>Quarterly review</dt>
        <dd data-testid="ft-team-client-review-due">
          {detail.latestReview ? `last ${formatDay(detail.latestReview.at)} by ${personName(detail.latestReview.member)}` : 'never reviewed'}
          {detail.reviewDueAt ? `; next due ${formatDay(detail.reviewDueAt)}` : ''}
        </dd>
      </dl>

      <h2>Who deals with {c.name ?? c.key}</h2>
      <table className="ft-table" data-testid="ft-team-client-members">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Department</th>
            <th scope="col">Threads</th>
            <th scope="col">Last contact</th>
            <th scope="col">Open promises</th>
            <th scope="col">Touchpoints</th>
          </tr>
        </thead>
        <tbody>
          {c.members.map((m) => (
            <tr key={m.userId} data-testid="ft-team-client-member" data-email={m.email}>
              <th scope="row">{personName(m)}</th>
              <td>{departmentLabel(m.department)}</td>
              <td>{m.threads}</td>
              <td>{m.lastContactAt ? formatDay(m.lastContactAt) : '—'}</td>
              <td>
                {m.openPromises}
                {m.overduePromises > 0 && <span className="ft-tone-bad"> ({m.overduePromises} overdue)</span>}
              </td>
              <td>{m.touchpoints}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.departments.length > 0 && (
        <ul className="ft-chips" data-testid="ft-team-client-departments" aria-label="Touchpoints by department">
          {c.departments.map((d) => (
            <li key={d.department ?? 'none'} className="ft-chip-static" data-department={d.department ?? ''}>
              {departmentLabel(d.department)}: {d.touchpoints}, last {formatDay(d.lastAt)}
            </li>
          ))}
        </ul>
      )}

      <h2>Quarterly review</h2>
      {detail.latestReview ? (
        <div className="ft-card" data-testid="ft-team-latest-review">
          <p className="ft-note">
            {formatDay(detail.latestReview.at)} by {personName(detail.latestReview.member)}
          </p>
          <ReviewView review={detail.latestReview.review} />
        </div>
      ) : (
        <p className="ft-note">No review yet: a SWOT of the client and the risks, every {detail.profile.reviewIntervalDays ?? 90} days.</p>
      )}
      {reviewing ? (
        <ReviewForm submit={logReview} cancel={() => setReviewing(false)} />
      ) : (
        <button type="button" data-testid="ft-team-log-review" onClick={() => setReviewing(true)}>
          Log this quarter's review
        </button>
      )}
      <span role="status" className="ft-note" data-testid="ft-team-review-status">
        {' '}
        {status}
      </span>

      <h2>What the team shares</h2>
      <section data-testid="ft-team-sentences" aria-label="Shared sentences">
        {sentences.promises.length + sentences.requests.length + sentences.risks.length === 0 && <p className="ft-note">No promises, requests or risks shared.</p>}
        <ul>
          {sentences.promises.map((p) => (
            <li key={`p-${p.id}`} data-testid="ft-team-sentence" data-kind="promise">
              Promise by {personName(p.member)}: “{p.text}” <span className="ft-note">({p.status.replace('-', ' ')}, due {p.dueAt.slice(0, 10)})</span>
            </li>
          ))}
          {sentences.requests.map((r) => (
            <li key={`r-${r.messageId}-${r.text}`} data-testid="ft-team-sentence" data-kind="request">
              Request to {personName(r.member)}: “{r.text}”
            </li>
          ))}
          {sentences.risks.map((r) => (
            <li key={`k-${r.messageId}-${r.text}`} data-testid="ft-team-sentence" data-kind="risk">
              Risk ({r.kind.replace('-', ' ')}) in {personName(r.member)}'s mail: “{r.text}”
            </li>
          ))}
        </ul>
        {withheld.members > 0 && (
          <p className="ft-note" data-testid="ft-team-withheld">
            {withheld.members} {withheld.members === 1 ? 'member keeps' : 'members keep'} their sentences private: {plural(withheld.openPromises, 'open promise')}, {plural(withheld.requests, 'request')} and{' '}
            {plural(withheld.risks, 'risk')}, as counts only.
          </p>
        )}
      </section>

      <h2>What the team agreed with this client</h2>
      <TeamProfileForm profile={detail.profile} members={members} save={saveProfile} />

      <TeamTimeline data={data} orgId={orgId} detail={detail} {...(timeZone ? { timeZone } : {})} />
    </section>
  );
}
