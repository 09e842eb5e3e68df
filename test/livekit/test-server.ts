/**
 * Where the LiveKit e2e tests connect: the test double (started in a child process by
 * `startLiveKitTestServer`) or, when LIVEKIT_URL / LIVEKIT_API_KEY / LIVEKIT_API_SECRET are set,
 * a real LiveKit server, so the same tests run against both.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type LiveKitTarget = {
  kind: 'double' | 'real';
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The test double's process, whose CPU a bench counts as the harness's. */
  pid?: number;
  close: () => Promise<void>;
};

const MAIN = fileURLToPath(new URL('./server/main.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The real server named by LIVEKIT_URL / LIVEKIT_API_KEY / LIVEKIT_API_SECRET, if all are set. */
export function realServerFromEnv(): LiveKitTarget | undefined {
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = process.env;
  return url && apiKey && apiSecret ? { kind: 'real', url, apiKey, apiSecret, close: async () => {} } : undefined;
}

/** A real server from the environment, else a fresh test double. */
export async function liveKitTarget(): Promise<LiveKitTarget> {
  return realServerFromEnv() ?? startLiveKitTestServer();
}

/**
 * Starts the test double on LIVEKIT_TEST_HOST (the veth address run-e2e.sh sets up): rtc-node's
 * WebRTC ignores loopback, so there is no working default outside that namespace.
 */
export async function startLiveKitTestServer(): Promise<LiveKitTarget> {
  const host = process.env.LIVEKIT_TEST_HOST;
  if (!host)
    throw new Error(
      'LIVEKIT_TEST_HOST is not set: run LiveKit e2e tests with `npm run test:e2e` (test/livekit/run-e2e.sh)',
    );
  const apiKey = 'kefu-test-key';
  const apiSecret = randomBytes(24).toString('hex');
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, host, '0', apiKey, apiSecret], {
    cwd: REPO, // where `--import tsx` resolves
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^LIVEKIT_TEST_SERVER_READY (\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`LiveKit test server exited (${code}) before it was ready`)));
  });
  const close = async (): Promise<void> => {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  return { kind: 'double', url, apiKey, apiSecret, pid: child.pid, close };
}
