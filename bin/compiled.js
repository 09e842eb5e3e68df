// Where the compiled CLI lives and whether it is current. Shared by bin/kefu.js and
// scripts/build.js; see docs/decisions/0150-ship-compiled-javascript.md.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** Written last by a successful build: its mtime is when the compiled tree was complete. */
export const STAMP = join(DIST, '.built');
/** The folders compiled to dist/ (tsconfig.build.json's include). */
export const SOURCE_DIRS = ['core', 'db', 'pipelines', 'prompts', 'agent', 'web-dashboard/server', 'cli'];

function newestTs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestTs(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/ was built after the last change to any TypeScript source it compiles. */
export function distIsFresh() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return false;
  }
  return SOURCE_DIRS.every((d) => newestTs(join(ROOT, d)) < built);
}
