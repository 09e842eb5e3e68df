import { defineCommand } from '../command.js';

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'Apply pending database migrations (db/migrations/*.sql), each in its own transaction.',
  usage: 'kefu migrate',
  details: 'Safe to run twice: applied migrations are recorded in schema_migrations and skipped.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ log }) {
    const { withRuntime } = await import('../runtime.js');
    await withRuntime(log, async ({ db }) => log(`database: ${db.description}`));
    return 0;
  },
});
