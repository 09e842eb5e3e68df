import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const KEFU_BIN = fileURLToPath(new URL('../bin/kefu.js', import.meta.url));

export interface CliResult {
  code: number | null;
  /** The signal that ended the process, when one did (code is then null). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `kefu` binary in a child process. The environment is explicit: nothing from the
 * developer's shell (a DATABASE_URL, an OPENAI_API_KEY) leaks into a test.
 */
export function runKefu(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  const child = spawnKefu(args, options);
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function spawnKefu(args: string[], options: { cwd: string; env?: Record<string, string> }): ChildProcess {
  return spawn(process.execPath, [KEFU_BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
