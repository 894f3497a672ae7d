import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes SQL migrations into drizzle/ (committed); the server applies them
// with migrate() on start and the tests on their temp databases.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
