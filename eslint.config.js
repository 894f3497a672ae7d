// Lint is part of `pnpm test`. Type-aware rules are left to `tsc` (run per package) to keep this fast.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.output/**',
      '**/.wxt/**',
      '**/dist/**',
      '**/coverage/**',
      'tests/artifacts/**',
      'bench-results/**',
      'server/drizzle/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // shared/ runs in the extension and the server alike: no Node APIs, no DOM.
    files: ['shared/src/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'crypto'] }],
    },
  },
  {
    // Hono's `c.var` builds a new object of every variable on each access (Object.fromEntries); `c.get` is
    // one map lookup. A thread summary read it about ten times a request (2% of the event loop at load).
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='var'][object.name='c']", message: "Use c.get('name'): c.var copies every variable on each access." }],
    },
  },
);
