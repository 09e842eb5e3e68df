#!/usr/bin/env -S node --no-regexp-tier-up
// --no-regexp-tier-up: every pattern is compiled straight to machine code (decision 0630); a V8 flag is
// given at start-up, where V8 reads it, not set from inside a running process.
// Kefu ships compiled JavaScript (dist/, built by `npm run build` and at install). A checkout whose
// sources changed since the last build runs them through tsx instead, so `kefu` never runs stale
// code. See docs/decisions/0150-ship-compiled-javascript.md.
import { distIsFresh } from './compiled.js';

if (distIsFresh()) {
  await import('../dist/cli/kefu.js');
} else {
  process.stderr.write(
    'kefu: dist/ is missing or older than the sources; running them through tsx (slower start). Run `npm run build`.\n',
  );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/kefu.ts');
}
