import { fileURLToPath } from 'node:url';

/**
 * Kefu runs either from its TypeScript sources (tests, tsx) or compiled to `dist/` (the CLI; see
 * docs/decisions/0150-ship-compiled-javascript.md). Data files (migrations, rules, prompts, demo
 * calls) are not compiled: they stay in the source tree and are found from the package root, so
 * both forms read the same files.
 */
export const RUNNING_COMPILED = !import.meta.url.endsWith('.ts');

const ROOT = new URL(RUNNING_COMPILED ? '../../' : '../', import.meta.url);

/** An absolute path under the package root, e.g. `fromPackageRoot('db/migrations/')`. */
export function fromPackageRoot(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}
