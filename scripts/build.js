// `npm run build` (and `prepare`, at install): compiles the server and CLI to dist/ with tsc and
// builds the dashboard client with Vite. The stamp is written last, so a failed build never
// looks current to bin/kefu.js.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, STAMP } from '../bin/compiled.js';

const run = (label, script, args) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', script), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write(`build: ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
  process.stderr.write(`build: ${label} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
};

rmSync(STAMP, { force: true });
run('server and CLI (tsc → dist/)', 'typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
run('dashboard client (vite → web-dashboard/dist/)', 'vite/bin/vite.js', [
  'build',
  '--config',
  'web-dashboard/vite.config.ts',
]);
mkdirSync(DIST, { recursive: true });
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
