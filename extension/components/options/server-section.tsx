import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { normalizeServerUrl, originPattern } from '../../utils/api-client';
import { sendMessage, type ConnectionTestResult } from '../../utils/messaging';
import { accountItem, type AccountState } from '../../utils/storage';

/**
 * "Sign in to <server>": the server's sign-in page opens in a tab (pairing code, Google or Microsoft) and
 * the extension gets its token without copy and paste. Signed in: who, and "Sign out" (the server revokes
 * the token). Pasting a token stays possible under "Advanced".
 */
export function ServerSection({
  serverUrl,
  setServerUrl,
  token,
  setToken,
  signedIn,
  onSave,
}: {
  serverUrl: string;
  setServerUrl(value: string): void;
  token: string;
  setToken(value: string): void;
  signedIn: boolean;
  /** Saves the form (server URL and a pasted token) before a connection test. */
  onSave(): Promise<boolean>;
}) {
  const [account, setAccount] = useState<AccountState>({ email: null, signIn: null, memoryOffer: null });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [test, setTest] = useState<ConnectionTestResult | null>(null);
  useEffect(() => {
    void accountItem.getValue().then(setAccount);
    return accountItem.watch((next) => setAccount(next ?? { email: null, signIn: null, memoryOffer: null }));
  }, []);

  let host = '';
  try {
    host = serverUrl.trim() ? new URL(normalizeServerUrl(serverUrl)).host : '';
  } catch {
    host = '';
  }

  /**
   * The origin's host permission is asked for in the click (the browser requires the gesture) but not
   * waited for: the background reaches the server through its CORS answer either way, and the permission
   * only makes that independent of the server's CORS settings.
   */
  const signIn = () => {
    let pattern: string;
    try {
      pattern = originPattern(serverUrl);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    setError('');
    setBusy(true);
    void browser.permissions.request({ origins: [pattern] }).catch(() => false);
    void sendMessage('startSignIn', { serverUrl })
      .then((r) => {
        if (!r.ok) setError(r.error ?? 'Sign-in could not start.');
      })
      .finally(() => setBusy(false));
  };

  const testConnection = () => {
    let pattern: string;
    try {
      pattern = originPattern(serverUrl);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    setTest(null);
    void browser.permissions.request({ origins: [pattern] }).catch(() => false);
    void onSave().then(async (saved) => {
      if (!saved) return;
      setTest(await sendMessage('testConnection', { serverUrl: normalizeServerUrl(serverUrl), token: token.trim() }));
    });
  };

  const waiting = account.signIn?.state === 'waiting';
  return (
    <fieldset data-testid="ft-options-server">
      <legend>Server</legend>
      {signedIn ? (
        <p data-testid="ft-options-signed-in">
          Signed in{account.email ? <> as <strong>{account.email}</strong></> : null} to <strong>{host}</strong>. Your settings, clients and reminders live on
          the server.{' '}
          <button
            type="button"
            data-testid="ft-options-sign-out"
            onClick={() => void sendMessage('signOut', undefined).then((r) => setError(r.ok ? '' : (r.error ?? '')))}
          >
            Sign out
          </button>
        </p>
      ) : (
        <p className="ft-note">
          Without a server Followthrough remembers, in this browser, the threads you open (no message text: only what the figures need) and
          works from them. Sign in to a Followthrough server for your whole mailbox, synced mail and reminders on every device.
        </p>
      )}
      <label>
        Server URL
        <input type="url" value={serverUrl} placeholder="https://followthrough.example.com" data-testid="ft-options-server-url" onChange={(e) => setServerUrl(e.target.value)} />
      </label>
      {!signedIn && (
        <div className="ft-section-actions">
          <button type="button" disabled={!host || busy || waiting} data-testid="ft-options-sign-in" onClick={signIn}>
            {host ? `Sign in to ${host}` : 'Sign in'}
          </button>
          {waiting && (
            <button type="button" data-testid="ft-options-sign-in-cancel" onClick={() => void sendMessage('cancelSignIn', undefined)}>
              Cancel
            </button>
          )}
        </div>
      )}
      {account.signIn && !signedIn && (
        <p role="status" data-testid="ft-options-sign-in-status" data-state={account.signIn.state} className={account.signIn.state === 'failed' ? 'ft-bad' : undefined}>
          {account.signIn.state === 'waiting'
            ? `Waiting for you to sign in on the page that opened in a new tab. It shows the code ${account.signIn.checkCode}.`
            : account.signIn.message}
        </p>
      )}
      {error && (
        <p className="ft-bad" role="alert" data-testid="ft-options-server-error">
          {error}
        </p>
      )}
      <details>
        <summary>Advanced: use an API token instead</summary>
        <p className="ft-note">A token printed by <code>followthrough user add</code> or <code>user token</code>. Signing in is simpler: nothing to copy.</p>
        <label>
          API token
          <input type="password" autoComplete="off" value={token} data-testid="ft-options-token" onChange={(e) => setToken(e.target.value)} />
        </label>
        <button type="button" onClick={testConnection} disabled={!host} data-testid="ft-options-test">
          Test connection
        </button>
        {test && (
          <ul className="ft-steps" data-testid="ft-options-test-result" data-ok={String(test.ok)}>
            {test.steps.map((step) => (
              <li key={step.name} className={step.ok ? 'ft-good' : 'ft-bad'}>
                {step.ok ? '✓' : '✗'} {step.detail}
              </li>
            ))}
          </ul>
        )}
      </details>
    </fieldset>
  );
}
