import { useState, type FormEvent } from 'react';
import type { Review, ReviewField } from '@followthrough/shared/model';
import { REVIEW_FIELD_LABELS, REVIEW_FIELD_ORDER } from './departments';

const EMPTY: Review = { strengths: '', weaknesses: '', opportunities: '', threats: '', risks: '' };

/**
 * The quarterly review of a client: a SWOT (strengths, weaknesses, opportunities, threats) and the risks
 * reviewed, free text each. The sidebar and the client's 360° page log it as a `review` touchpoint.
 */
export function ReviewForm({ submit, cancel, compact = false }: { submit(review: Review, summary: string): Promise<void>; cancel?(): void; compact?: boolean }) {
  const [review, setReview] = useState<Review>(EMPTY);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const set = (field: ReviewField, value: string) => setReview((r) => ({ ...r, [field]: value }));
  const empty = REVIEW_FIELD_ORDER.every((f) => review[f].trim() === '');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (empty) {
      setError('Write at least one part of the review.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const trimmed = Object.fromEntries(REVIEW_FIELD_ORDER.map((f) => [f, review[f].trim()])) as Review;
      await submit(trimmed, summary.trim());
      setReview(EMPTY);
      setSummary('');
    } catch (e) {
      setError(`Not logged: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ft-review-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="ft-review-form" aria-label="Quarterly review">
      {REVIEW_FIELD_ORDER.map((field) => (
        <label key={field} className="ft-field">
          <span>{REVIEW_FIELD_LABELS[field].label}</span>
          <textarea
            rows={compact ? 2 : 3}
            maxLength={4000}
            value={review[field]}
            placeholder={REVIEW_FIELD_LABELS[field].hint}
            data-testid={`ft-review-${field}`}
            onChange={(e) => set(field, e.target.value)}
          />
        </label>
      ))}
      <label className="ft-field">
        <span>Summary (optional)</span>
        <input type="text" maxLength={2000} value={summary} data-testid="ft-review-summary" onChange={(e) => setSummary(e.target.value)} />
      </label>
      {error && (
        <p className="ft-bad" role="alert">
          {error}
        </p>
      )}
      <div className="ft-actions">
        <button type="submit" disabled={busy} data-testid="ft-review-save">
          Log review
        </button>
        {cancel && (
          <button type="button" disabled={busy} onClick={cancel} data-testid="ft-review-cancel">
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
