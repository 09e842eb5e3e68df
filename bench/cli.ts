/**
 * CLI start-up: wall time of `kefu --help` and of `kefu analyze` on a 10-line call, each
 * run as a user runs it (a fresh `node bin/kefu.js` process). Run: npx tsx bench/cli.ts
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ms, percentile } from './stats.js';

const BIN = fileURLToPath(new URL('../bin/kefu.js', import.meta.url));
const CALL = fileURLToPath(new URL('../test/fixtures/call-zh-ten-lines.jsonl', import.meta.url));
const RUNS = 5;

/** Wall time of each run: what a person waits for, start-up included. */
function time(args: string[]): number[] {
  const wall: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    wall.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`kefu ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (r.stderr.includes('through tsx'))
      console.log('(dist/ is stale or missing: this times the tsx fallback; run `npm run build`)');
  }
  return wall;
}

export async function runCliBench(): Promise<void> {
  for (const [label, args] of [
    ['kefu --help', ['--help']],
    ['kefu analyze (10 lines)', ['analyze', CALL, '--started-at', '2026-11-23T10:00:00+08:00', '--json']],
  ] as const) {
    const wall = time([...args]);
    console.log(
      `${label.padEnd(24)} wall p50 ${ms(percentile(wall, 50))}, max ${ms(Math.max(...wall))} over ${RUNS} runs`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runCliBench();
