import { seedDemo } from '../../pipelines/demo/seed.js';
import { selectEmbedder } from '../../pipelines/embed/select.js';
import { defineCommand } from '../command.js';
import { withRuntime } from '../runtime.js';

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'Load demo merchants, users, orders and after-sales policies (Chinese and English).',
  usage: 'kefu seed',
  details: 'Idempotent: re-running refreshes the demo rows. Demo users are listed in README.md.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ log }) {
    await withRuntime(log, async ({ config, db }) => {
      const { embedder } = await selectEmbedder(config);
      await seedDemo(db.sql, { embedder, log });
    });
    return 0;
  },
});
