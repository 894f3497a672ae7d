// Starts a reader thread (read-pool.ts) from TypeScript: a worker does not inherit the loader that
// `tsx src/main.ts` (or `node --import tsx`) registered in the main thread, so it registers it itself.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
