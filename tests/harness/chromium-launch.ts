import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { extensionSnapshot } from './extension-build';
import { MAIL_HOSTS } from './mail-origins';
import { CHROMIUM_PATH } from './paths';

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export interface ChromiumLaunchOptions {
  /** Port of the HTTPS fixture server that plays the mail hosts. */
  fixturePort: number;
  /** IANA zone for the browser process (content scripts and the service worker alike). */
  timeZone: string;
  /** Defaults to the global setup's snapshot of the production build (extension/.output/chrome-mv3). */
  extensionDir?: string;
}

/** The same browser, flags and mail origins with no extension: the page's own cost, for baselines. */
export async function launchChromiumWithoutExtension(options: Omit<ChromiumLaunchOptions, 'extensionDir'>): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { context, profile } = await launch(options, []);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launch(options: Omit<ChromiumLaunchOptions, 'extensionDir'>, extensionArgs: string[]): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'followthrough-e2e-chromium-'));
  const hostRules = MAIL_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${options.fixturePort}`).join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1440, height: 900 },
    env: { ...process.env, TZ: options.timeZone },
    args: [
      ...extensionArgs,
      `--host-resolver-rules=${hostRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { context, profile };
}

/**
 * Debian Chromium with the production chrome-mv3 build loaded unpacked, in new headless mode (which runs
 * extensions). The mail hosts resolve to the fixture server through --host-resolver-rules, so the
 * manifest's real match patterns are what decides where the content scripts run.
 */
export async function launchChromiumWithExtension(options: ChromiumLaunchOptions): Promise<ChromiumSession> {
  const extensionDir = options.extensionDir ?? extensionSnapshot('chrome');
  const { context, profile } = await launch(options, [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]);
  try {
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      serviceWorker,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Chromium started but the extension's service worker never appeared (${extensionDir}): ${(error as Error).message}`);
  }
}
