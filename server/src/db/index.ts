export { createDb, BUSY_TIMEOUT_MS, type Database, type Db } from './client';
export { migrate, MIGRATIONS_FOLDER } from './migrate';
