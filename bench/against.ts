/**
 * `npm run bench -- NAME… --against REF`: the benchmarks at git ref REF (a temporary worktree that
 * shares this checkout's node_modules) and then at this checkout, on the same machine in the same
 * minutes, printed as one report with each changed figure shown "REF → now". A shared machine's
 * load moves absolute figures between runs; two runs side by side are what a change is judged on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

function git(args: string[]): string {
  const r = spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench --against: git ${args.join(' ')} failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** Runs `bench/index.ts NAMES` in `cwd` with this checkout's tsx; its output, echoed as it was read. */
function benchAt(cwd: string, names: readonly string[]): string {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const r = spawnSync(process.execPath, [tsx, 'bench/index.ts', ...names], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) throw new Error(`bench --against: the benchmark at ${cwd} exited ${r.status}`);
  return r.stdout;
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

export function runAgainst(ref: string, names: readonly string[]): void {
  const commit = git(['rev-parse', '--short', `${ref}^{commit}`]);
  const dir = mkdtempSync(join(tmpdir(), 'kefu-bench-'));
  let before: string;
  try {
    git(['worktree', 'add', '--detach', dir, commit]);
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    console.log(`=== at ${ref} (${commit}) ===`);
    before = benchAt(dir, names);
  } finally {
    spawnSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`=== this checkout (${git(['rev-parse', '--short', 'HEAD'])}, with uncommitted changes if any) ===`);
  const after = benchAt(ROOT, names);
  console.log(`\n=== side by side: ${ref} (${commit}) → this checkout ===`);
  console.log(sideBySide(before, after));
}
