import { useEffect, useState } from 'react';
import type { AnalysisStatus } from '@followthrough/shared/contract';
import { sendMessage } from '../../utils/messaging';

const thousands = (n: number) => n.toLocaleString('en-US');

/** The server's re-derivation after a settings change, as a progress line; polled while it runs. */
export function AnalysisProgress({ watch }: { watch: number }) {
  const [status, setStatus] = useState<AnalysisStatus | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After a save the last answer is stale: "up to date" must not stand for settings the server has not
    // seen yet, so the line waits for the server's answer about them.
    setStatus(null);
    const poll = async () => {
      const res = await sendMessage('getAnalysisStatus', undefined).catch(() => null);
      if (!live || !res || res.status !== 'ok') return;
      setStatus(res.data);
      if (res.data.state === 'pending' || res.data.state === 'running') timer = setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [watch]);
  if (!status) return null;
  const text =
    status.state === 'current'
      ? status.finishedAt
        ? `Your figures are up to date (recomputed ${new Date(status.finishedAt).toLocaleString()}).`
        : 'Your figures are up to date.'
      : status.state === 'failed'
        ? `Recomputing your figures failed: ${status.error ?? 'unknown error'}. The server retries; tell your administrator if this stays.`
        : status.total > 0
          ? `Recomputing your figures: ${thousands(status.done)} of ${thousands(status.total)} threads`
          : 'Recomputing your figures: starting…';
  return (
    <p className={`ft-note ft-progress${status.state === 'failed' ? ' ft-bad' : ''}`} role="status" data-testid="ft-options-analysis" data-state={status.state}>
      {text}
      {status.total > 0 && status.state !== 'current' && <progress max={status.total} value={status.done} aria-label="Recomputing" />}
    </p>
  );
}
