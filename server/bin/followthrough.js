#!/usr/bin/env node
// `followthrough` on the PATH (pnpm link, npx): runs the TypeScript CLI through tsx's loader, so there is
// no build step to forget. tsx comes from the workspace root's devDependencies.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
