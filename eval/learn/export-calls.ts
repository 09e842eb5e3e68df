/** Writes each development set's calls as one JSON file (for dump-flags.ts run in an older checkout). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_SETS, loadSet } from './dataset.js';

const dir = process.argv[2] ?? '/tmp/learn-calls';
mkdirSync(dir, { recursive: true });
for (const s of DEV_SETS.filter((x) => x.startsWith('blind-')))
  writeFileSync(
    join(dir, `${s}.json`),
    JSON.stringify(loadSet(s).map((c) => ({ key: `${c.set}/${c.name}`, lines: c.lines }))),
  );
