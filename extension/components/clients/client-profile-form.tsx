import { useProfileForm } from './profile-form-state';
import type { CounterpartProfile, UpdateCounterpartRequest } from '@followthrough/shared/contract';

/**
 * What the user sets about a client: name, agreed cadence, renewal date, notes, initiation target, how often
 * to review it and ask it for feedback (an organisation's profile of the client wins over these). The
 * same form is on the client page and one click away in the sidebar's client header.
 */
export interface ProfileFormValues {
  name: string;
  cadenceDays: string;
  renewalDate: string;
  notes: string;
  initiationTargetPercent: string;
  reviewIntervalDays: string;
  feedbackIntervalDays: string;
}

export function toFormValues(profile: CounterpartProfile): ProfileFormValues {
  return {
    name: profile.name ?? '',
    cadenceDays: profile.cadenceDays === null ? '' : String(profile.cadenceDays),
    renewalDate: profile.renewalDate ?? '',
    notes: profile.notes ?? '',
    initiationTargetPercent: profile.initiationTargetPercent === null ? '' : String(profile.initiationTargetPercent),
    reviewIntervalDays: profile.reviewIntervalDays === null ? '' : String(profile.reviewIntervalDays),
    feedbackIntervalDays: profile.feedbackIntervalDays === null ? '' : String(profile.feedbackIntervalDays),
  };
}

/** The changed fields as the API's patch, or the errors (each names its field). */
export function parseProfileForm(values: ProfileFormValues, before: CounterpartProfile): { ok: true; patch: UpdateCounterpartRequest } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const patch: UpdateCounterpartRequest = {};
  const name = values.name.trim();
  if ((name || null) !== before.name) patch.name = name || null;
  const whole = (raw: string, field: string, min: number, max: number): number | null | undefined => {
    if (!raw.trim()) return null;
    const n = Number(raw.trim().replace(/%$/, ''));
    if (!Number.isInteger(n) || n < min || n > max) {
      errors.push(`${field}: "${raw}" must be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return n;
  };
  const cadence = whole(values.cadenceDays, 'Cadence', 1, 3650);
  if (cadence !== undefined && cadence !== before.cadenceDays) patch.cadenceDays = cadence;
  const target = whole(values.initiationTargetPercent, 'Initiation target', 1, 100);
  if (target !== undefined && target !== before.initiationTargetPercent) patch.initiationTargetPercent = target;
  const review = whole(values.reviewIntervalDays, 'Review every', 7, 3650);
  if (review !== undefined && review !== before.reviewIntervalDays) patch.reviewIntervalDays = review;
  const feedback = whole(values.feedbackIntervalDays, 'Ask for feedback every', 7, 3650);
  if (feedback !== undefined && feedback !== before.feedbackIntervalDays) patch.feedbackIntervalDays = feedback;
  const renewal = values.renewalDate.trim();
  if (renewal && !/^\d{4}-\d{2}-\d{2}$/.test(renewal)) errors.push(`Renewal date: "${renewal}" is not a date (YYYY-MM-DD)`);
  else if ((renewal || null) !== before.renewalDate) patch.renewalDate = renewal || null;
  const notes = values.notes.trim();
  if ((notes || null) !== before.notes) patch.notes = notes || null;
  return errors.length > 0 ? { ok: false, errors } : { ok: true, patch };
}

export function ClientProfileForm({
  profile,
  save,
  userTargetPercent,
  compact = false,
}: {
  profile: CounterpartProfile;
  save(patch: UpdateCounterpartRequest): Promise<{ queued: boolean }>;
  /** The user's own target, shown as what applies when the client has none. */
  userTargetPercent?: number;
  compact?: boolean;
}) {
  const { values, set, errors, status, busy, submit } = useProfileForm(profile, toFormValues, parseProfileForm, async (patch: UpdateCounterpartRequest) =>
    (await save(patch)).queued ? 'Saved; sending to the server.' : 'Saved in this browser.',
  );

  return (
    <form className={`ft-profile-form${compact ? ' ft-compact' : ''}`} onSubmit={(e) => void submit(e)} noValidate data-testid="ft-client-profile">
      <label>
        Name
        <input type="text" value={values.name} maxLength={200} placeholder="e.g. Northwind Traders" data-testid="ft-client-name-input" onChange={(e) => set('name', e.target.value)} />
      </label>
      <div className="ft-row">
        <label>
          Agreed cadence (days)
          <input type="number" min={1} max={3650} value={values.cadenceDays} placeholder="none" data-testid="ft-client-cadence-input" onChange={(e) => set('cadenceDays', e.target.value)} />
        </label>
        <label>
          Renewal date
          <input type="date" value={values.renewalDate} data-testid="ft-client-renewal-input" onChange={(e) => set('renewalDate', e.target.value)} />
        </label>
        <label>
          Initiation target (%)
          <input
            type="number"
            min={1}
            max={100}
            value={values.initiationTargetPercent}
            placeholder={userTargetPercent ? `${userTargetPercent} (yours)` : 'yours'}
            data-testid="ft-client-target-input"
            onChange={(e) => set('initiationTargetPercent', e.target.value)}
          />
        </label>
      </div>
      <div className="ft-row">
        <label>
          Quarterly review every (days)
          <input type="number" min={7} max={3650} value={values.reviewIntervalDays} placeholder="90" data-testid="ft-client-review-interval-input" onChange={(e) => set('reviewIntervalDays', e.target.value)} />
        </label>
        <label>
          Ask for feedback every (days)
          <input type="number" min={7} max={3650} value={values.feedbackIntervalDays} placeholder="90" data-testid="ft-client-feedback-interval-input" onChange={(e) => set('feedbackIntervalDays', e.target.value)} />
        </label>
      </div>
      <label>
        Notes
        <textarea rows={compact ? 2 : 3} value={values.notes} maxLength={10000} data-testid="ft-client-notes-input" onChange={(e) => set('notes', e.target.value)} />
      </label>
      {errors.length > 0 && (
        <ul className="ft-bad" role="alert" data-testid="ft-client-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <button type="submit" disabled={busy} data-testid="ft-client-save">
        Save
      </button>{' '}
      <span role="status" data-testid="ft-client-saved">
        {status}
      </span>
    </form>
  );
}
