import { browser } from 'wxt/browser';
import type { ExtensionSettings } from './settings';

/**
 * Settings an administrator set for everyone on a machine or in an organisation, through the browser's
 * managed storage: Chrome enterprise policy (the schema is public/managed-schema.json), Firefox's
 * enterprise policies or a managed-storage manifest (~/.mozilla/managed-storage/<add-on id>.json on
 * Linux). They seed the user's settings once, when the user has set no server yet; the user can change
 * them in the options afterwards.
 */
export type ManagedSettings = Partial<Pick<ExtensionSettings, 'serverUrl' | 'token' | 'addresses' | 'timeZone'>>;

function parse(raw: Record<string, unknown>): ManagedSettings {
  const managed: ManagedSettings = {};
  if (typeof raw.serverUrl === 'string' && /^https?:\/\//.test(raw.serverUrl)) managed.serverUrl = raw.serverUrl.replace(/\/+$/, '');
  if (typeof raw.token === 'string' && raw.token.trim()) managed.token = raw.token.trim();
  if (Array.isArray(raw.addresses)) managed.addresses = raw.addresses.filter((a): a is string => typeof a === 'string' && a.includes('@')).map((a) => a.toLowerCase());
  if (typeof raw.timeZone === 'string') managed.timeZone = raw.timeZone;
  return managed;
}

/** What the administrator set; empty when there is no managed storage (the usual case). */
export async function readManagedSettings(): Promise<ManagedSettings> {
  try {
    return parse((await browser.storage.managed.get()) as Record<string, unknown>);
  } catch {
    // No policy and no manifest: Firefox rejects the call, Chrome returns {}.
    return {};
  }
}

/**
 * The user's settings with the administrator's filled in where the user has set no server yet. A server
 * URL alone is enough: the user then signs in to it (the sidebar and the options offer "Sign in").
 */
export function seededSettings(current: ExtensionSettings, managed: ManagedSettings): ExtensionSettings | null {
  if (current.serverUrl || !managed.serverUrl) return null;
  return {
    ...current,
    serverUrl: managed.serverUrl,
    token: managed.token ?? '',
    addresses: current.addresses.length > 0 ? current.addresses : (managed.addresses ?? []),
    timeZone: current.timeZone || (managed.timeZone ?? ''),
  };
}
