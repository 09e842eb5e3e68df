import { defineCommand } from '../command.js';

export const seedCommand = defineCommand({
  name: 'seed',
  summary: 'Load demo merchants, users, orders and after-sales policies (Chinese and English).',
  usage: 'kefu seed',
  details: 'Idempotent: re-running refreshes the demo rows. Demo users are listed in README.md.',
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ log }) {
    const [{ seedDemo }, { selectEmbedder }, { withRuntime }] = await Promise.all([
      import('../../pipelines/demo/seed.js'),
      import('../../pipelines/embed/select.js'),
      import('../runtime.js'),
    ]);
    await withRuntime(log, async ({ config, db }) => {
      const { embedder } = await selectEmbedder(config);
      await seedDemo(db.sql, { embedder, log });
    });
    return 0;
  },
});
