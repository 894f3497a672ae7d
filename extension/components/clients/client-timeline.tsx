import { useEffect, useState } from 'react';
import type { CounterpartDetailResponse, CounterpartThread } from '@followthrough/shared/contract';
import { TOUCHPOINT_LABELS } from '@followthrough/shared/model';
import { formatDate } from '../format';
import type { ClientsData } from './clients-data';

/** One line of a client's history: a conversation, a promise, a touchpoint, a risk, a report. */
export interface TimelineItem {
  kind: 'thread' | 'promise' | 'touchpoint' | 'risk' | 'report';
  at: string;
  title: string;
  detail: string;
  link: string | null;
}

/** Threads, promises, touchpoints, risks and reports in one list, newest first. */
export function timelineItems(detail: CounterpartDetailResponse, threads: readonly CounterpartThread[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const t of threads) {
    const waiting = t.awaiting ? (t.awaiting.side === 'us' ? ' · waiting for our reply' : ' · waiting for theirs') : '';
    items.push({
      kind: 'thread',
      at: t.lastContactAt ?? t.firstAt ?? '',
      title: t.subject || '(no subject)',
      detail: `${t.messageCount > 0 ? `${t.messageCount} ${t.messageCount === 1 ? 'message' : 'messages'}` : 'conversation'}${t.initiatedBy ? `, started by ${t.initiatedBy === 'us' ? 'us' : 'them'}` : ''}${waiting}`,
      link: t.link,
    });
  }
  for (const p of detail.promises) {
    items.push({ kind: 'promise', at: p.madeAt, title: `Promise: “${p.text}”`, detail: `${p.status.replace('-', ' ')}, due ${p.dueAt.slice(0, 10)}`, link: null });
  }
  for (const t of detail.touchpoints) {
    items.push({
      kind: t.kind === 'report-sent' ? 'report' : 'touchpoint',
      at: t.at,
      title: TOUCHPOINT_LABELS[t.kind] ?? 'Contact',
      detail: [t.summary, t.review?.threats ? `threats: ${t.review.threats}` : null, t.department ?? null].filter(Boolean).join(' · '),
      link: null,
    });
  }
  for (const r of detail.counterpart.risks) {
    items.push({ kind: 'risk', at: r.at, title: `Risk (${r.kind.replace('-', ' ')}${r.side === 'us' ? ', ours' : ''})`, detail: `“${r.text}”`, link: null });
  }
  return items.filter((i) => i.at).sort((a, b) => b.at.localeCompare(a.at));
}

export function ClientTimeline({ data, detail, timeZone }: { data: ClientsData; detail: CounterpartDetailResponse; timeZone?: string }) {
  const key = detail.counterpart.key;
  const [threads, setThreads] = useState<CounterpartThread[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');
  const load = async (next: string | null) => {
    const res = await data.threads(key, next);
    if (res.status !== 'ok') {
      setError(res.status === 'error' ? res.message : '');
      return;
    }
    setThreads((before) => (next ? [...before, ...res.data.threads] : res.data.threads));
    setCursor(res.data.nextCursor);
    setTotal(res.data.total);
  };
  useEffect(() => {
    void load(null);
  }, [key]);
  const items = timelineItems(detail, threads);
  return (
    <section aria-label="Timeline">
      <h2>Timeline</h2>
      <p className="ft-note">
        {total} conversations, {detail.promises.length} promises and {detail.touchpointCount} touchpoints
        {detail.touchpointCount > detail.touchpoints.length ? ` (the latest ${detail.touchpoints.length} shown)` : ''}.
      </p>
      {error && <p className="ft-bad">{error}</p>}
      <ol className="ft-timeline" data-testid="ft-client-timeline">
        {items.map((item, i) => (
          <li key={`${item.kind}-${i}`} data-testid="ft-timeline-item" data-kind={item.kind}>
            <span className="ft-note">{formatDate(item.at, timeZone)}</span>{' '}
            {item.link ? (
              <button type="button" className="ft-link" onClick={() => void data.openThread(item.link!)}>
                <strong>{item.title}</strong>
              </button>
            ) : (
              <strong>{item.title}</strong>
            )}
            {item.detail && <span className="ft-note"> · {item.detail}</span>}
          </li>
        ))}
      </ol>
      {cursor && (
        <button type="button" data-testid="ft-client-threads-more" onClick={() => void load(cursor)}>
          Older conversations ({total - threads.length} more)
        </button>
      )}
    </section>
  );
}
