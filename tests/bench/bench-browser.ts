import type { E2eWorld } from '../harness/e2e-world';

export type BrowserName = 'chromium' | 'firefox';

/**
 * `page only` is the baseline (no extension); `local` has no server (the engine runs in the background,
 * which the sidebar asks); `cold` is `local` with the background stopped before every open (Chromium:
 * its service worker stopped over CDP; Firefox: its event page's idle timeout shortened to 1 s and
 * waited out), so each open starts it; `idle` is `local` with the inbox left alone for a while before
 * every open (the browsers' own idle timeouts apply); `server` adds a real server.
 */
export type BenchMode = 'page only' | 'local' | 'cold' | 'idle' | 'server';

/**
 * What the measuring code needs from a page, whatever drives the browser (playwright-core over CDP for
 * Chromium, puppeteer-core over WebDriver BiDi for Firefox): both calls run in the page's main world,
 * which shares its performance timeline with the content script in both browsers. Arguments and
 * results are JSON-like.
 */
export interface BenchPage {
  evaluate<Arg, Result>(fn: (arg: Arg) => Result, arg: Arg): Promise<Result>;
  /** Runs `fn(arg)` in the page every 50 ms until it returns something truthy, and returns that. */
  waitFor<Arg, Result>(fn: (arg: Arg) => Result | null, arg: Arg, timeoutMs: number): Promise<Result>;
}

export interface BenchSession {
  page: BenchPage;
  /** `cold` mode: stops the extension's background (resolves once it is stopped). */
  stopBackground?(): Promise<void>;
  close(): Promise<void>;
}

export interface BenchBrowser {
  name: BrowserName;
  /** The browser's own `--version` line. */
  version: string;
  /**
   * Starts the browser for a mode (no extension for `page only`; the owner's address and time zone for
   * `local`; those plus the world's server URL and token for `server`), installs `initScript` to run
   * before every document's own scripts, and opens `url` in one page.
   */
  open(mode: BenchMode, world: E2eWorld, initScript: string, url: string): Promise<BenchSession>;
}

/**
 * Both automation libraries type page-function arguments through their handle mappings (a JSHandle
 * argument arrives as its value), which a generic Arg defeats; the values here are plain JSON, so the
 * adapters hand their library a function typed as taking and returning unknown.
 */
export type PlainPageFunction = (arg: unknown) => unknown;
