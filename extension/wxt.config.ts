import { defineConfig } from 'wxt';

/**
 * Mail sites the content scripts run on. Nothing else is matched: the sidebar has no business on any
 * other page, and a narrow match list is what reviewers (and users) read first.
 */
export const MAIL_HOST_PATTERNS = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The sources archive AMO asks for: the extension and the shared package it imports, from the
  // repository root, with the lockfile, so a reviewer can rebuild with `pnpm install --frozen-lockfile
  // && pnpm --filter @followthrough/extension build` (README "Store packages").
  zip: {
    sourcesRoot: '..',
    includeSources: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'tsconfig.base.json', 'README.md', 'LICENSE', 'extension/**', 'shared/**'],
    excludeSources: ['server/**', 'tests/**', 'bench-results/**', '**/node_modules/**', '**/.output/**', '**/.wxt/**', 'extension/bench/**', '**/*.test.ts', '**/*.test.tsx'],
  },
  // Every import is explicit (greppable, typed at the import site); no auto-import globals.
  imports: false,
  vite: () => ({
    build: {
      // Hidden source maps only for `pnpm sizes` (scripts/bundle-sizes.ts), which attributes each built
      // byte to its source module; a store build never ships maps.
      sourcemap: process.env.FOLLOWTHROUGH_SOURCEMAP === '1' ? 'hidden' : false,
      rollupOptions: {
        treeshake: {
          // shared/ is pure by rule (no I/O, no globals touched at import): its modules' top-level zod
          // schemas can be dropped when only the engine's functions are used, which keeps zod out of
          // the content scripts (the 100 KB gzip budget).
          moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id) && !/[\\/]node_modules[\\/](?:\.pnpm[\\/])?zod/.test(id),
        },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Followthrough',
    description:
      'Client-relationship health beside the thread in Gmail and Outlook: who initiates, response lag, silence, promises kept.',
    // storage: settings, offline write queue, cached reminders. alarms: reminder refresh and queue retry.
    // notifications: promises due today/overdue, silences past cadence, client mail waiting.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: MAIL_HOST_PATTERNS,
    // The server is whatever URL the user types in the options page, so its origin cannot be known at
    // build time. It is requested at that moment with permissions.request({origins: [<that origin>/*]}),
    // never granted at install. Only the single origin is ever requested; the wildcards below are the
    // ceiling the browser requires us to declare.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Followthrough: today' },
    // No web_accessible_resources: the content scripts import nothing at run time (the engine runs in the
    // background, utils/remote-engine.ts), so no page can load or probe any file of ours.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'followthrough@followthrough.app',
              // 140 (an ESR): MV3 optional_host_permissions and data_collection_permissions below.
              strict_min_version: '140.0',
              // Mail is analysed locally; it only goes to the server the user configures themselves.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          minimum_chrome_version: '116',
          // Enterprise policy can preconfigure the server (utils/managed-settings.ts); Firefox reads
          // managed storage without a schema.
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
});
