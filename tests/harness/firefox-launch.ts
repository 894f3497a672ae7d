import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';
import { extensionSnapshot } from './extension-build';
import { FIREFOX_PATH } from './paths';

export interface FirefoxSession {
  browser: Browser;
  /** The gecko id from the build's manifest. */
  addonId: string;
  /** moz-extension://<uuid>: fixed before start through a pref, so the options page has a known URL. */
  extensionOrigin: string;
  proxy: ConnectProxy;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  fixturePort: number;
  timeZone: string;
  /** Defaults to the global setup's snapshot of the production build (extension/.output/firefox-mv3). */
  extensionDir?: string;
  /**
   * Settings an administrator would set (server URL, token, addresses): written as the add-on's
   * managed-storage manifest (~/.mozilla/managed-storage/<id>.json, HOME pointed at a temp folder),
   * which the extension reads at start. This is how Firefox runs with a server: its WebDriver BiDi
   * cannot open the options page (see firefox-ui.ts).
   */
  managedSettings?: Record<string, unknown>;
  /** More Firefox prefs (the benchmark's cold-background mode shortens the event page's idle timeout). */
  prefs?: Record<string, unknown>;
}

interface GeckoManifest {
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readGeckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as GeckoManifest;
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/** A started firefox-esr and what it runs on (proxy, profile, HOME), stopped and removed together. */
interface StartedFirefox {
  browser: Browser;
  proxy: ConnectProxy;
  close(): Promise<void>;
}

/**
 * firefox-esr driven by puppeteer-core over WebDriver BiDi, reaching the mail hosts through a CONNECT proxy
 * to the fixture server and trusting its certificate through acceptInsecureCerts. `home` (when given)
 * becomes HOME, for the managed-storage manifest; it is removed on close like the profile.
 */
async function startFirefox(options: Pick<FirefoxLaunchOptions, 'fixturePort' | 'timeZone'>, extraPrefs: Record<string, unknown>, home: string | null): Promise<StartedFirefox> {
  const removeHome = () => {
    if (home) rmSync(home, { recursive: true, force: true });
  };
  let proxy: ConnectProxy | undefined;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'followthrough-e2e-firefox-'));
  try {
    proxy = await startConnectProxy(options.fixturePort);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      protocol: 'webDriverBiDi',
      headless: true,
      acceptInsecureCerts: true,
      userDataDir: profile,
      defaultViewport: { width: 1440, height: 900 },
      env: { ...process.env, TZ: options.timeZone, ...(home ? { HOME: home } : {}) },
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.allow_hijacking_localhost': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        // Remote settings sync is background traffic the proxy would only refuse; the dummy URL is what Firefox's own test harnesses use.
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
        ...extraPrefs,
      },
    });
    const started = proxy;
    return {
      browser,
      proxy: started,
      async close() {
        await browser.close();
        await started.close();
        rmSync(profile, { recursive: true, force: true });
        removeHome();
      },
    };
  } catch (error) {
    await proxy?.close();
    rmSync(profile, { recursive: true, force: true });
    removeHome();
    throw error;
  }
}

/** The same browser, prefs and mail origins with no add-on: the page's own cost, for baselines. */
export async function launchFirefoxWithoutExtension(options: Pick<FirefoxLaunchOptions, 'fixturePort' | 'timeZone'>): Promise<{ browser: Browser; close(): Promise<void> }> {
  try {
    return await startFirefox(options, {}, null);
  } catch (error) {
    throw new Error(`Could not start firefox-esr: ${(error as Error).message}`);
  }
}

/**
 * firefox-esr (see startFirefox) with the firefox-mv3 build installed as a temporary add-on (BiDi
 * webExtension.install).
 *
 * MV3 host permissions: since Firefox 127 the hosts a MV3 add-on lists in host_permissions and
 * content_scripts are granted at install (pref extensions.originControls.grantByDefault, default true);
 * the pref is set explicitly so a profile default can never make content scripts silently not run.
 */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxSession> {
  const extensionDir = options.extensionDir ?? extensionSnapshot('firefox');
  const addonId = readGeckoId(extensionDir);
  const uuid = randomUUID();
  const home = options.managedSettings ? mkdtempSync(path.join(os.tmpdir(), 'followthrough-e2e-firefox-home-')) : null;
  if (home) {
    const dir = path.join(home, '.mozilla', 'managed-storage');
    mkdirSync(dir, { recursive: true });
    const manifest = { name: addonId, description: 'Followthrough settings set by the test harness', type: 'storage', data: options.managedSettings };
    writeFileSync(path.join(dir, `${addonId}.json`), JSON.stringify(manifest));
  }
  let started: StartedFirefox | undefined;
  try {
    started = await startFirefox(
      options,
      {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
        'extensions.originControls.grantByDefault': true,
        ...options.prefs,
      },
      home,
    );
    const installedId = await started.browser.installExtension(extensionDir);
    if (installedId !== addonId) throw new Error(`installed add-on id ${installedId} is not the manifest's ${addonId}`);
    return { browser: started.browser, addonId, extensionOrigin: `moz-extension://${uuid}`, proxy: started.proxy, close: started.close };
  } catch (error) {
    if (started) await started.close();
    else if (home) rmSync(home, { recursive: true, force: true });
    throw new Error(`Could not start firefox-esr with the extension (${extensionDir}): ${(error as Error).message}`);
  }
}
