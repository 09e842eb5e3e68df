/**
 * `npm run bench -- NAME… --against REF|DIR`: the benchmarks at git ref REF (a temporary worktree
 * that shares this checkout's node_modules), or in the checkout at DIR, and at this checkout AT
 * THE SAME TIME, printed as one report with each changed figure shown "REF → now". A shared
 * machine's load moves absolute figures from one minute to the next; two runs that share the same
 * minutes are what a change is judged on (both pay the other's CPU, so the ratio holds, not the
 * absolute figures).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

function git(args: string[]): string {
  const r = spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench --against: git ${args.join(' ')} failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** Runs `bench/index.ts NAMES` in `cwd` with this checkout's tsx; resolves to its output. */
function benchAt(cwd: string, names: readonly string[]): Promise<string> {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, 'bench/index.ts', ...names], {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`bench --against: the benchmark at ${cwd} exited ${code}\n${out}`)),
    );
  });
}

/**
 * The current output with each number that differs from the same line at REF written "then → now".
 * Lines are paired by their text with the numbers blanked, within the section (the last unindented
 * line above them), in order; a section only one side has is printed as it is.
 */
export function sideBySide(before: string, after: string): string {
  const keyed = (text: string) => {
    let section = '';
    return text.split('\n').map((line) => {
      const shape = line.replace(NUMBER, '#');
      if (!/^\s/.test(line)) section = shape;
      return { line, key: `${section}\n${shape}` };
    });
  };
  const pool = keyed(before);
  return keyed(after)
    .map(({ line, key }) => {
      const at = pool.findIndex((b) => b.key === key);
      if (at < 0) return line;
      const then = pool.splice(at, 1)[0]!.line.match(NUMBER) ?? [];
      let k = 0;
      return line.replace(NUMBER, (now) => {
        const was = then[k++];
        return was === undefined || was === now ? now : `${was} → ${now}`;
      });
    })
    .join('\n');
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

export async function runAgainst(ref: string, names: readonly string[]): Promise<void> {
  const given = existsSync(ref) && statSync(ref).isDirectory();
  const commit = given
    ? spawnSync('git', ['-C', ref, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || '?'
    : git(['rev-parse', '--short', `${ref}^{commit}`]);
  const dir = given ? ref : mkdtempSync(join(tmpdir(), 'kefu-bench-'));
  let before: string;
  let after: string;
  try {
    if (!given) {
      git(['worktree', 'add', '--detach', dir, commit]);
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    }
    console.log(`bench --against ${ref} (${commit}): both run at once; load average at start ${load()}`);
    [before, after] = await Promise.all([benchAt(dir, names), benchAt(ROOT, names)]);
  } finally {
    if (!given) {
      spawnSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`load average at end ${load()}`);
  console.log(`=== at ${ref} (${commit}) ===\n${before}`);
  console.log(
    `=== this checkout (${git(['rev-parse', '--short', 'HEAD'])}, with uncommitted changes if any) ===\n${after}`,
  );
  console.log(`\n=== side by side: ${ref} (${commit}) → this checkout ===`);
  console.log(sideBySide(before, after));
}
