import { browser } from 'wxt/browser';
import { normalizeServerUrl } from '../utils/api-client';
import { completeSettings } from '../utils/settings';
import { accountItem, apiTokenStore, settingsItem, signInSecretStore, TOKEN_STORED, type PendingSignIn } from '../utils/storage';
import { anonymousClient, currentClient, memoryStore } from './context';

/**
 * "Sign in to <server>" without copying a token (server routes/auth.ts). The background makes a one-time
 * secret, sends the server only its SHA-256, opens the server's sign-in page in a tab, and polls until the
 * user has signed in there (pairing code, Google or Microsoft); then it redeems the request with the secret
 * and keeps the token in the extension-only store. The page, the tab and the content scripts never see it.
 */

const base64url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

async function verifierAndChallenge(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64url(digest) };
}

function clientLabel(): string {
  const firefox = typeof navigator !== 'undefined' && /firefox/i.test(navigator.userAgent);
  return `Followthrough for ${firefox ? 'Firefox' : 'Chrome'}`;
}

let polling: Promise<void> | null = null;

/** Called when signing in ends either way: what else follows (settings, reminders, queued writes). */
let onSignedIn: () => Promise<void> = async () => undefined;
export function whenSignedIn(handler: () => Promise<void>): void {
  onSignedIn = handler;
}

export async function startSignIn(rawServerUrl: string): Promise<{ ok: boolean; checkCode?: string; error?: string }> {
  let serverUrl: string;
  try {
    serverUrl = normalizeServerUrl(rawServerUrl);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const { verifier, challenge } = await verifierAndChallenge();
  const created = await anonymousClient(serverUrl).createSignInRequest({ challenge, client: clientLabel() });
  if (!created.ok) {
    const error = created.status === 0 ? `${serverUrl} does not answer: is the address right, and is the server running?` : created.error;
    await accountItem.setValue({ ...(await accountItem.getValue()), signIn: { state: 'failed', serverUrl, checkCode: '', expiresAt: '', message: error } });
    return { ok: false, error };
  }
  const request = created.data;
  const tab = await browser.tabs.create({ url: request.signInUrl });
  const pending: PendingSignIn = { serverUrl, requestId: request.id, verifier, expiresAt: request.expiresAt, pollIntervalMs: request.pollIntervalMs, tabId: tab.id ?? null };
  await signInSecretStore.set(pending);
  // The server URL is the user's choice from now on, signed in or not.
  const settings = completeSettings(await settingsItem.getValue());
  if (settings.serverUrl !== serverUrl) await settingsItem.setValue({ ...settings, serverUrl, token: '' });
  await accountItem.setValue({ ...(await accountItem.getValue()), signIn: { state: 'waiting', serverUrl, checkCode: request.checkCode, expiresAt: request.expiresAt, message: null } });
  void resumeSignIn();
  return { ok: true, checkCode: request.checkCode };
}

export async function cancelSignIn(): Promise<void> {
  await signInSecretStore.set(null);
  await accountItem.setValue({ ...(await accountItem.getValue()), signIn: null });
}

/**
 * Polls the pending sign-in until it is approved, expires or is cancelled. Safe to call again (after the
 * service worker restarted: an alarm calls it): only one loop runs.
 */
export function resumeSignIn(): Promise<void> {
  polling ??= (async () => {
    try {
      for (;;) {
        const pending = await signInSecretStore.get();
        if (!pending) return;
        if (Date.parse(pending.expiresAt) <= Date.now()) {
          await signInSecretStore.set(null);
          await accountItem.setValue({ ...(await accountItem.getValue()), signIn: { state: 'failed', serverUrl: pending.serverUrl, checkCode: '', expiresAt: pending.expiresAt, message: 'The sign-in expired after ten minutes. Press “Sign in” to start again.' } });
          return;
        }
        const answer = await anonymousClient(pending.serverUrl).redeemSignIn(pending.requestId, pending.verifier);
        if (answer.ok && answer.data.status === 'approved') {
          await finishSignIn(pending, answer.data.token, answer.data.email);
          return;
        }
        if (!answer.ok && answer.status === 404) {
          await signInSecretStore.set(null);
          await accountItem.setValue({ ...(await accountItem.getValue()), signIn: { state: 'failed', serverUrl: pending.serverUrl, checkCode: '', expiresAt: pending.expiresAt, message: 'The server no longer knows this sign-in (expired, or too many wrong codes). Press “Sign in” to start again.' } });
          return;
        }
        // Pending, or the server briefly unreachable: ask again. The storage call keeps the worker awake.
        await new Promise((resolve) => setTimeout(resolve, Math.max(500, pending.pollIntervalMs)));
        await accountItem.getValue();
      }
    } finally {
      polling = null;
    }
  })();
  return polling;
}

async function finishSignIn(pending: PendingSignIn, token: string, email: string): Promise<void> {
  await apiTokenStore.set(token);
  const settings = completeSettings(await settingsItem.getValue());
  await settingsItem.setValue({ ...settings, serverUrl: pending.serverUrl, token: TOKEN_STORED });
  await signInSecretStore.set(null);
  const counts = await memoryStore.counts().catch(() => ({ threads: 0, messages: 0 }));
  await accountItem.setValue({ email, signIn: null, memoryOffer: counts.threads > 0 ? counts : null });
  // The server's page said "this tab closes by itself". A tab's URL is readable only with the server's host
  // permission: without it (the user did not answer the permission prompt) the tab we opened is closed
  // unless we can see it went somewhere else.
  if (pending.tabId !== null) {
    const tab = await browser.tabs.get(pending.tabId).catch(() => null);
    if (tab && (tab.url === undefined || tab.url === '' || tab.url.startsWith(pending.serverUrl))) await browser.tabs.remove(pending.tabId).catch(() => undefined);
  }
  await onSignedIn();
}

/** "Sign out": the server revokes this token; the extension forgets it and keeps the server's address. */
export async function signOut(): Promise<{ ok: boolean; error?: string }> {
  const client = await currentClient();
  let error: string | undefined;
  if (client) {
    const result = await client.signOut();
    // A token the server already refuses (revoked elsewhere) is signed out all the same.
    if (!result.ok && result.status !== 401) error = `The server did not confirm: ${result.error}. The token was forgotten here; revoke it with "followthrough user revoke".`;
  }
  await apiTokenStore.set('');
  const settings = completeSettings(await settingsItem.getValue());
  await settingsItem.setValue({ ...settings, token: '' });
  await accountItem.setValue({ email: null, signIn: null, memoryOffer: null });
  return error ? { ok: false, error } : { ok: true };
}
