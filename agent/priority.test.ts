import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const linux = existsSync('/proc/self/autogroup');
const hasSetsid = spawnSync('setsid', ['--version']).status === 0;

/** Runs a snippet against agent/priority.ts in a child process, optionally in a session of its own. */
function child(code: string, ownSession: boolean): Record<string, unknown> {
  const args = ['--import', 'tsx', '-e', `import('./agent/priority.ts').then((m) => { ${code} })`];
  const run = ownSession
    ? spawnSync('setsid', ['-w', process.execPath, ...args], { cwd: ROOT })
    : spawnSync(process.execPath, args, { cwd: ROOT });
  return JSON.parse(run.stdout.toString().trim().split('\n').at(-1) ?? 'null');
}

const report = `const note = m.prioritizeProcess(0); console.log(JSON.stringify({ leads: m.leadsSession(), note: note ?? null, group: process.getBuiltinModule('node:fs').readFileSync('/proc/self/autogroup', 'utf8').trim() }));`;

describe.skipIf(!linux || !hasSetsid)('prioritizeProcess', () => {
  it('leaves the session alone in a process that does not lead it (decision 0310)', () => {
    const seen = child(report, false);
    expect(seen.leads).toBe(false);
    expect(String(seen.note)).toMatch(/does not lead its session/);
  }, 60_000);

  it('raises the autogroup of a session it leads', () => {
    const seen = child(report, true);
    expect(seen.leads).toBe(true);
    expect(seen.note).toBeNull();
    expect(String(seen.group)).toMatch(/nice 0$/);
  }, 60_000);
});
