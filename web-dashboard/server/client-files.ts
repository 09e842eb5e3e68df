import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';
import { KefuError } from '../../core/errors.js';
import { fromPackageRoot } from '../../core/paths.js';

export const CLIENT_SOURCES = [fromPackageRoot('web-dashboard/client'), fromPackageRoot('web-dashboard/shared')];
export const CLIENT_DIST = fromPackageRoot('web-dashboard/dist');
const VITE_CONFIG = fromPackageRoot('web-dashboard/vite.config.ts');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Malformed percent-encoding is the client's mistake: 400, and the raw path is not logged. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new KefuError('INPUT_INVALID', 'The path has malformed percent-encoding.');
  }
}

/**
 * Serves the built client: hashed assets cached for good, every other GET gets index.html so a
 * reloaded deep link (/cases/…) opens its page. Returns undefined when nothing is built.
 */
export async function serveClient(c: Context, dir: string): Promise<Response | undefined> {
  const path = normalize(decodePath(c.req.path)).replace(/^([/\\])+/, '');
  if (path === 'api' || path.startsWith('api/')) return undefined;
  const file = join(dir, path);
  if (path.startsWith('assets') && file.startsWith(dir + sep)) {
    const body = await readFile(file).catch(() => undefined);
    if (!body) return c.body('Not found', 404);
    return c.body(body, 200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  }
  const index = await readFile(join(dir, 'index.html'), 'utf8').catch(() => undefined);
  return index === undefined ? undefined : c.html(index, 200, { 'cache-control': 'no-cache' });
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Builds the client with Vite when its build is missing or older than its sources. */
export async function ensureClientBuilt(
  options: { outDir?: string; log?: (line: string) => void } = {},
): Promise<string> {
  const outDir = options.outDir ?? CLIENT_DIST;
  const built = await stat(join(outDir, 'index.html')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = Math.max(...(await Promise.all(CLIENT_SOURCES.map(newestMtime))));
  if (built > sources) return outDir;
  options.log?.(built ? 'client: sources changed, rebuilding' : 'client: not built yet, building with Vite');
  const { build } = await import('vite');
  await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}
