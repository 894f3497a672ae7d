import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Reminder } from '@followthrough/shared/contract';
import { sendMessage } from '../../utils/messaging';
import { kindTitle } from '../../utils/notify';
import { completeSettings, isSignedIn } from '../../utils/settings';
import { remindersItem, settingsItem, type CachedReminders } from '../../utils/storage';

/** Today's list, in the order a manager works through it. */
const GROUPS: { title: string; kinds: Reminder['kind'][]; testId: string }[] = [
  { title: 'Promises due or overdue', kinds: ['promise-overdue', 'promise-at-risk', 'promise-due'], testId: 'ft-today-promises' },
  { title: 'Risks from clients', kinds: ['client-risk'], testId: 'ft-today-risks' },
  { title: 'Clients waiting for your reply', kinds: ['awaiting-reply'], testId: 'ft-today-awaiting' },
  { title: 'Clients gone quiet', kinds: ['silence'], testId: 'ft-today-silent' },
  { title: 'Coming up', kinds: ['renewal', 'feedback', 'review'], testId: 'ft-today-upcoming' },
];

const DAY_MS = 86_400_000;

/** Snooze choices: a day, a week, or until a date (the morning of it, in this browser's zone). */
export function snoozeUntil(choice: '1d' | '1w' | 'date', now: Date, date?: string): string | null {
  if (choice === '1d') return new Date(now.getTime() + DAY_MS).toISOString();
  if (choice === '1w') return new Date(now.getTime() + 7 * DAY_MS).toISOString();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!match) return null;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 8, 0);
  return at.getTime() > now.getTime() ? at.toISOString() : null;
}

function ReminderItem({ reminder, open, snooze }: { reminder: Reminder; open(r: Reminder): void; snooze(r: Reminder, until: string): void }) {
  const [picking, setPicking] = useState(false);
  const [date, setDate] = useState('');
  const target = reminder.link ? `Open the thread (${kindTitle(reminder.kind)})` : `Open the client's page (${kindTitle(reminder.kind)})`;
  return (
    <li data-testid="ft-popup-item" data-reminder-id={reminder.id} data-kind={reminder.kind}>
      <button type="button" className="ft-link" onClick={() => open(reminder)} title={target} data-testid="ft-popup-open">
        {reminder.title}
      </button>
      <span className="ft-snooze" role="group" aria-label="Snooze">
        <button type="button" className="ft-small" data-testid="ft-snooze-1d" onClick={() => snooze(reminder, snoozeUntil('1d', new Date())!)}>
          1 day
        </button>
        <button type="button" className="ft-small" data-testid="ft-snooze-1w" onClick={() => snooze(reminder, snoozeUntil('1w', new Date())!)}>
          1 week
        </button>
        <button type="button" className="ft-small" aria-expanded={picking} data-testid="ft-snooze-date" onClick={() => setPicking(!picking)}>
          until…
        </button>
      </span>
      {picking && (
        <form
          className="ft-row"
          onSubmit={(e) => {
            e.preventDefault();
            const until = snoozeUntil('date', new Date(), date);
            if (until) snooze(reminder, until);
          }}
        >
          <input type="date" value={date} required data-testid="ft-snooze-date-input" onChange={(e) => setDate(e.target.value)} />
          <button type="submit" data-testid="ft-snooze-date-save">
            Snooze
          </button>
        </form>
      )}
    </li>
  );
}

export function TodayList() {
  const [cache, setCache] = useState<CachedReminders | null>(null);
  const [signedIn, setSignedIn] = useState(true);
  const [serverUrl, setServerUrl] = useState('');
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    void remindersItem.getValue().then(setCache);
    void settingsItem.getValue().then((s) => {
      const settings = completeSettings(s);
      setSignedIn(isSignedIn(settings));
      setServerUrl(settings.serverUrl);
    });
    // Local memory's reminders are computed on demand: ask for a fresh list when the popup opens.
    void sendMessage('refreshReminders', undefined).catch(() => undefined);
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

  const open = (reminder: Reminder) => {
    void sendMessage('openReminder', { reminder: { link: reminder.link, counterpart: reminder.counterpart } }).then(() => window.close());
  };
  const snooze = (reminder: Reminder, until: string) => {
    setCache((c) => (c ? { ...c, reminders: c.reminders.filter((r) => r.id !== reminder.id) } : c));
    void sendMessage('snoozeReminder', { reminderId: reminder.id, until });
  };

  const reminders = cache?.reminders ?? [];
  return (
    <main className="ft-page ft-popup" data-testid="ft-popup">
      <header className="ft-page-header">
        <h1>Today</h1>
        <span className="ft-section-actions">
          <button type="button" onClick={() => void sendMessage('openClients', {}).then(() => window.close())} data-testid="ft-popup-clients">
            All clients
          </button>
          <button type="button" onClick={() => void refresh()} disabled={refreshing} data-testid="ft-popup-refresh">
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </span>
      </header>
      {!signedIn && (
        <p className="ft-note" data-testid="ft-popup-local-only">
          Local-only mode: from the threads you opened in this browser.{' '}
          <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>
            {serverUrl ? `Sign in to ${new URL(serverUrl).host}` : 'Sign in to a server'}
          </a>{' '}
          for your whole mailbox.
        </p>
      )}
      {cache?.error && <p className="ft-note ft-bad" role="alert">Last refresh failed: {cache.error}</p>}
      {(cache?.reconnectNeeded ?? []).map((mailbox) => (
        <p key={`${mailbox.provider}:${mailbox.email}`} className="ft-note ft-bad" role="alert" data-testid="ft-popup-reconnect">
          Reconnect {mailbox.provider === 'google' ? 'Gmail' : 'Microsoft'} mailbox <strong>{mailbox.email}</strong>: its access
          was revoked, so its mail is no longer analysed. Connect it again in the options (Mailboxes).
        </p>
      ))}
      {reminders.length === 0 && <p className="ft-note" data-testid="ft-popup-empty">Nothing due today.</p>}
      {GROUPS.map((group) => {
        const items = reminders.filter((r) => group.kinds.includes(r.kind));
        if (items.length === 0) return null;
        return (
          <section key={group.testId} aria-label={group.title}>
            <h2>{group.title}</h2>
            <ul data-testid={group.testId}>
              {items.map((r) => (
                <ReminderItem key={r.id} reminder={r} open={open} snooze={snooze} />
              ))}
            </ul>
          </section>
        );
      })}
      {cache?.fetchedAt && <p className="ft-note">Updated {new Date(cache.fetchedAt).toLocaleTimeString()}</p>}
    </main>
  );
}
