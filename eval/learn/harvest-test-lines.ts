/**
 * The hand-written promise tests' lines as labelled data for the promise-line veto (decision 0385):
 * runs the promise test files once (harvest.vitest.config.ts, whose setup file records every line
 * the tests give the engine) and writes eval/learn/promise-test-lines.json, a line labelled as
 * carrying a promise when the engine, whose readings those tests pin down, read one on it. A line
 * that is also a line of a development set is left out, so no held-out fold sees its own lines.
 *
 *   npx tsx eval/learn/harvest-test-lines.ts     (~1 min; rerun after changing the promise tests)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_SETS, loadSet, repo } from './dataset.js';

const dir = mkdtempSync(join(tmpdir(), 'kefu-harvest-'));
const file = join(dir, 'lines.jsonl');
execFileSync('npx', ['vitest', 'run', '--config', 'eval/learn/harvest.vitest.config.ts'], {
  cwd: repo,
  env: { ...process.env, KEFU_HARVEST_FILE: file },
  stdio: 'inherit',
});
const devLines = new Set(DEV_SETS.flatMap((s) => loadSet(s).flatMap((c) => c.lines.map((l) => l.text))));
const byLine = new Map<string, { speaker: string; text: string; promise: boolean }>();
for (const row of readFileSync(file, 'utf8').trim().split('\n')) {
  const r = JSON.parse(row) as { speaker: string; text: string; promise: boolean };
  if (devLines.has(r.text)) continue;
  const key = `${r.speaker}\t${r.text}`;
  byLine.set(key, { ...r, promise: r.promise || (byLine.get(key)?.promise ?? false) });
}
rmSync(dir, { recursive: true });
const lines = [...byLine.values()].sort((a, b) =>
  a.speaker === b.speaker ? (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) : a.speaker < b.speaker ? -1 : 1,
);
writeFileSync(
  join(repo, 'eval', 'learn', 'promise-test-lines.json'),
  `${JSON.stringify(
    {
      about:
        'Lines of the hand-written promise tests (pipelines/notes), labelled by the engine reading they pin down: extra training data for the promise-line veto, never a held-out fold. Written by eval/learn/harvest-test-lines.ts.',
      lines,
    },
    null,
    1,
  )}\n`,
);
console.log(`${lines.length} lines, ${lines.filter((l) => l.promise).length} with a promise`);
