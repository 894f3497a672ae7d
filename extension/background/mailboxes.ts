import { browser } from 'wxt/browser';
import type { ProtocolMap } from '../utils/messaging';
import { currentClient, toRemote } from './context';

/**
 * Mailboxes the server syncs (Gmail, Microsoft 365 / Outlook.com): listed with their sync state, connected
 * through a one-time link opened in a tab (the consent page is the provider's; the API token never leaves
 * the background), disconnected, synced on demand.
 */
const NOT_SIGNED_IN = 'Sign in to a server first: mailboxes are synced by the server.';

export async function listMailboxes(): Promise<ReturnType<ProtocolMap['listMailboxes']>> {
  const client = await currentClient();
  if (!client) return { status: 'local-only' };
  return toRemote(await client.accounts());
}

export async function connectMailbox(provider: 'google' | 'microsoft', access: 'metadata' | 'bodies'): Promise<{ ok: boolean; error?: string }> {
  const client = await currentClient();
  if (!client) return { ok: false, error: NOT_SIGNED_IN };
  const link = await client.connectLink({ provider, access });
  if (!link.ok) return { ok: false, error: link.error };
  await browser.tabs.create({ url: link.data.url });
  return { ok: true };
}

export async function disconnectMailbox(id: string): Promise<{ ok: boolean; error?: string }> {
  const client = await currentClient();
  if (!client) return { ok: false, error: NOT_SIGNED_IN };
  const result = await client.disconnectAccount(id);
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}

export async function syncMailbox(id: string): Promise<{ ok: boolean; error?: string }> {
  const client = await currentClient();
  if (!client) return { ok: false, error: NOT_SIGNED_IN };
  const result = await client.syncAccount(id);
  return result.ok ? { ok: true } : { ok: false, error: result.error };
}
