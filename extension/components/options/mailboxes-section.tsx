import { useCallback, useEffect, useState } from 'react';
import type { AccountView, MailAccess, MailProviderName } from '@followthrough/shared/contract';
import { sendMessage } from '../../utils/messaging';

/**
 * Mailboxes the server syncs. Each "Connect" opens the provider's own consent page in a tab, asking for
 * the access level the user picked and saying why; each mailbox shows its sync state and, when it stopped,
 * the fix.
 */
const ACCESS = {
  metadata: {
    label: 'Headers only (who, when, subject)',
    why: 'Enough for who starts conversations, reply times, silence and replies owed. Gmail: gmail.metadata; Microsoft: Mail.ReadBasic.',
  },
  bodies: {
    label: 'Message text too, for promises',
    why: 'Adds promises, requests and risk language: the server reads each body once and keeps only those sentences. Gmail: gmail.readonly; Microsoft: Mail.Read.',
  },
} as const;

const PHASES: Record<string, string> = { new: 'waiting for its first sync', full: 'first sync in progress', incremental: 'catching up', idle: 'up to date', error: 'stopped' };

/** What to do about a sync error, in the user's words. */
export function fixFor(account: AccountView): string | null {
  if (account.reconnectNeeded) return 'Reconnect: access was revoked (or the password changed). Connect this mailbox again below.';
  const code = account.lastError?.code;
  if (!account.lastError) return null;
  if (code === 'TEMPORARY') return 'The provider was busy or unreachable; the server retries by itself.';
  if (code === 'CURSOR_INVALID') return 'The provider asked for a fresh start; the next sync reads the mailbox again.';
  return `Try "Sync now"; if it stays, tell your administrator (${account.lastError.message}).`;
}

export function MailboxesSection({ signedIn }: { signedIn: boolean }) {
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [message, setMessage] = useState('');
  const [access, setAccess] = useState<MailAccess>('bodies');
  const load = useCallback(async () => {
    const res = await sendMessage('listMailboxes', undefined);
    if (res.status === 'ok') setAccounts(res.data.accounts);
    else if (res.status === 'error') setMessage(res.message);
  }, []);
  useEffect(() => {
    if (!signedIn) return;
    void load();
    // A first sync runs for minutes: show its progress while the page is open.
    const timer = setInterval(() => void load(), 3000);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [signedIn, load]);

  if (!signedIn) {
    return (
      <fieldset data-testid="ft-options-mailboxes">
        <legend>Mailboxes</legend>
        <p className="ft-note">Sign in to a server to connect Gmail or Microsoft 365 / Outlook.com: the server syncs them.</p>
      </fieldset>
    );
  }
  const connect = (provider: MailProviderName) =>
    void sendMessage('connectMailbox', { provider, access }).then((r) => setMessage(r.ok ? 'The consent page opened in a new tab. Come back here when it says "Mailbox connected".' : (r.error ?? '')));

  return (
    <fieldset data-testid="ft-options-mailboxes">
      <legend>Mailboxes</legend>
      <div role="radiogroup" aria-label="Access to ask for">
        {(['bodies', 'metadata'] as const).map((level) => (
          <label key={level} className="ft-check">
            <input type="radio" name="access" checked={access === level} data-testid={`ft-mailbox-access-${level}`} onChange={() => setAccess(level)} />
            <span>
              <strong>{ACCESS[level].label}</strong>: {ACCESS[level].why}
            </span>
          </label>
        ))}
      </div>
      <div className="ft-section-actions">
        <button type="button" data-testid="ft-mailbox-connect-google" onClick={() => connect('google')}>
          Connect Gmail
        </button>
        <button type="button" data-testid="ft-mailbox-connect-microsoft" onClick={() => connect('microsoft')}>
          Connect Microsoft 365 or Outlook.com
        </button>
      </div>
      {message && (
        <p role="status" className="ft-note" data-testid="ft-mailbox-message">
          {message}
        </p>
      )}
      {accounts && accounts.length === 0 && <p className="ft-note" data-testid="ft-mailbox-none">No mailbox connected yet.</p>}
      <ul className="ft-client-list">
        {(accounts ?? []).map((a) => {
          const fix = fixFor(a);
          return (
            <li key={a.id} className="ft-card" data-testid="ft-mailbox" data-email={a.email} data-phase={a.phase} data-messages={a.messageCount} data-reconnect={String(a.reconnectNeeded)}>
              <strong>{a.email}</strong> <span className="ft-note">({a.provider === 'google' ? 'Gmail' : 'Microsoft'}, {ACCESS[a.access].label.toLowerCase()})</span>
              <p data-testid="ft-mailbox-state">
                {a.syncing ? 'Syncing now' : (PHASES[a.phase] ?? a.phase)}: {a.messageCount.toLocaleString('en-US')} messages
                {a.lastSuccessAt ? `, last sync ${new Date(a.lastSuccessAt).toLocaleString()}` : ''}.
              </p>
              {fix && (
                <p className="ft-bad" data-testid="ft-mailbox-fix">
                  {fix}
                </p>
              )}
              <div className="ft-section-actions">
                <button type="button" disabled={a.reconnectNeeded} onClick={() => void sendMessage('syncMailbox', { id: a.id }).then(() => load())}>
                  Sync now
                </button>
                <button
                  type="button"
                  data-testid="ft-mailbox-disconnect"
                  onClick={() => {
                    if (!window.confirm(`Disconnect ${a.email}? The server stops syncing it and deletes its access token. Mail already analysed stays until you erase your data.`)) return;
                    void sendMessage('disconnectMailbox', { id: a.id }).then((r) => {
                      setMessage(r.ok ? `${a.email} is disconnected. To revoke Followthrough's access at ${a.provider === 'google' ? 'Google' : 'Microsoft'} too, remove it in your account's security settings.` : (r.error ?? ''));
                      void load();
                    });
                  }}
                >
                  Disconnect
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
