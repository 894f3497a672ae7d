import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Reminder } from '@followthrough/shared/contract';
import { sendMessage } from '../../utils/messaging';
import { kindTitle } from '../../utils/notify';
import { remindersItem, settingsItem, type CachedReminders } from '../../utils/storage';

/** Today's list, in the order a manager works through it. */
const GROUPS: { title: string; kinds: Reminder['kind'][]; testId: string }[] = [
  { title: 'Promises due or overdue', kinds: ['promise-overdue', 'promise-due'], testId: 'ft-today-promises' },
  { title: 'Clients waiting for your reply', kinds: ['awaiting-reply'], testId: 'ft-today-awaiting' },
  { title: 'Clients gone quiet', kinds: ['silence'], testId: 'ft-today-silent' },
  { title: 'Coming up', kinds: ['renewal', 'feedback'], testId: 'ft-today-upcoming' },
];

export function TodayList() {
  const [cache, setCache] = useState<CachedReminders | null>(null);
  const [configured, setConfigured] = useState(true);
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    void remindersItem.getValue().then(setCache);
    void settingsItem.getValue().then((s) => setConfigured(Boolean(s.serverUrl && s.token)));
    return remindersItem.watch((next) => setCache(next));
  }, []);

  const refresh = async () => {
    setRefreshing(true);
    try {
      await sendMessage('refreshReminders', undefined);
    } finally {
      setRefreshing(false);
    }
  };

  const open = (link: string) => {
    void sendMessage('openThread', { link }).then(() => window.close());
  };

  const reminders = cache?.reminders ?? [];
  return (
    <main className="ft-page ft-popup" data-testid="ft-popup">
      <header className="ft-page-header">
        <h1>Today</h1>
        <button type="button" onClick={() => void refresh()} disabled={refreshing || !configured} data-testid="ft-popup-refresh">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {!configured && (
        <p className="ft-note" data-testid="ft-popup-local-only">
          Local-only mode: the sidebar works in Gmail and Outlook; connect a server in the{' '}
          <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>options</a> for reminders.
        </p>
      )}
      {cache?.error && <p className="ft-note ft-bad" role="alert">Last refresh failed: {cache.error}</p>}
      {(cache?.reconnectNeeded ?? []).map((mailbox) => (
        <p key={`${mailbox.provider}:${mailbox.email}`} className="ft-note ft-bad" role="alert" data-testid="ft-popup-reconnect">
          Reconnect {mailbox.provider === 'google' ? 'Gmail' : 'Microsoft'} mailbox <strong>{mailbox.email}</strong>: its access
          was revoked, so its mail is no longer analysed. Connect it again from your Followthrough server.
        </p>
      ))}
      {configured && reminders.length === 0 && <p className="ft-note" data-testid="ft-popup-empty">Nothing due today.</p>}
      {GROUPS.map((group) => {
        const items = reminders.filter((r) => group.kinds.includes(r.kind));
        if (items.length === 0) return null;
        return (
          <section key={group.testId} aria-label={group.title}>
            <h2>{group.title}</h2>
            <ul data-testid={group.testId}>
              {items.map((r) => (
                <li key={r.id} data-testid="ft-popup-item" data-reminder-id={r.id} data-kind={r.kind}>
                  {r.link ? (
                    <button type="button" className="ft-link" onClick={() => open(r.link!)} title={`Open the thread (${kindTitle(r.kind)})`}>
                      <strong>{r.counterpart}</strong>: {r.title}
                    </button>
                  ) : (
                    <span>
                      <strong>{r.counterpart}</strong>: {r.title}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {cache?.fetchedAt && <p className="ft-note">Updated {new Date(cache.fetchedAt).toLocaleTimeString()}</p>}
    </main>
  );
}
