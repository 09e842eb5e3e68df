/**
 * What the bot's e2e tests and bench share: the scripted call's data and audio, a database
 * connection that waits its turn, and the bot started as `kefu agent` in a process group of its
 * own (so a test can kill it, job processes and all).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createSql, type Sql } from '../../db/client.js';
import { upsertOrder } from '../../db/queries/orders.js';
import { upsertMerchant } from '../../db/queries/people.js';
import { composeSpeech, synthesize } from '../audio/speech-fixtures.js';
import type { LiveKitTarget } from '../livekit/test-server.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const MERCHANT = { id: 'm-e2e', name: 'E2E Gadgets' };
export const BUYER = 'b-e2e';
/** Digits PocketSphinx hears reliably when flite says them one by one. */
export const ORDER_ID = '3190557';

/** The merchant, buyer and order every scripted call is about. */
export async function seedBotFixtures(sql: Sql): Promise<void> {
  await upsertMerchant(sql, MERCHANT);
  const day = 24 * 3600 * 1000;
  const at = (days: number) => new Date(Date.now() - days * day);
  await upsertOrder(sql, {
    id: ORDER_ID,
    merchantId: MERCHANT.id,
    buyerId: BUYER,
    currency: 'USD',
    status: 'delivered',
    amount: 59,
    items: [{ sku: 'E2E-HP-1', name: 'Wireless headphones', quantity: 1, unitPrice: 59, category: 'electronics' }],
    placedAt: at(5),
    paidAt: at(5),
    shippedAt: at(4),
    deliveredAt: at(2),
  });
}

/**
 * Runs `fn` on a connection of its own. The embedded database serves one connection at a time,
 * so this waits while a job holds it (until the job has ended and released it).
 */
export async function withConnection<T>(url: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const sql = createSql(url, { max: 1 });
    try {
      await sql`select 1`;
    } catch (err) {
      await sql.end({ timeout: 1 });
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      return await fn(sql);
    } finally {
      await sql.end();
    }
  }
}

export interface RunningAgent {
  /** The worker's pid, which is also its process group (job processes included). */
  pid: number;
  /** How node was started: the shebang's flags, as `npx kefu agent` starts it. */
  command: string;
  /** The worker's last lines of output (its job processes' included), for a failure message. */
  tail(lines?: number): string;
  /** SIGKILL to the worker and its job processes: a crash, nothing flushed. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The flags `bin/kefu.js` gives node in its shebang (`#!/usr/bin/env -S node FLAGS`), which is how
 * `npx kefu agent` starts: a worker spawned as `node bin/kefu.js` would run without them.
 */
export function shebangNodeFlags(repo: string): string[] {
  const first = readFileSync(join(repo, 'bin/kefu.js'), 'utf8').split('\n', 1)[0] ?? '';
  const words = first
    .replace(/^#!\S*\s*/, '')
    .split(/\s+/)
    .filter(Boolean);
  const node = words.indexOf('node');
  return node < 0 ? [] : words.slice(node + 1);
}

/**
 * Starts `kefu agent` exactly as a user does (bin/kefu.js with its shebang's node flags) against the
 * target and waits until it has registered.
 */
export async function startAgent(
  target: LiveKitTarget,
  databaseUrl: string,
  agentName: string,
  healthPort: number,
  /** Extra configuration; recording is off unless this sets KEFU_RECORDING and KEFU_AUDIO_DIR. */
  env: Record<string, string> = {},
  /** Another checkout of Kefu to run instead (a bench's baseline). */
  repo = REPO,
): Promise<RunningAgent> {
  const flags = shebangNodeFlags(repo);
  const args = [...flags, join(repo, 'bin/kefu.js'), 'agent', '--health-port', String(healthPort)];
  const child = spawn(process.execPath, args, {
    cwd: repo,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LIVEKIT_URL: target.url,
      LIVEKIT_API_KEY: target.apiKey,
      LIVEKIT_API_SECRET: target.apiSecret,
      KEFU_AGENT_NAME: agentName,
      DATABASE_URL: databaseUrl,
      KEFU_STT_ENGINES: 'en=pocketsphinx',
      LOG_LEVEL: 'info',
      // Never into the repository's own data folder.
      KEFU_RECORDING: 'false',
      ...env,
    },
  });
  // Detached so its job processes can be signalled as a group, which also means it outlives this
  // process: a bench or test that ends without stop() (a throw, process.exit) takes it along.
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  const killGroup = () => signalGroup('SIGKILL');
  process.once('exit', killGroup);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killGroup);
      resolve();
    }),
  );
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => {
        output.push(line);
        if (line.includes('registered worker')) resolve();
      });
    }
    child.once('exit', (code) =>
      reject(new Error(`kefu agent exited (${code}) before registering:\n${output.slice(-20).join('\n')}`)),
    );
    setTimeout(
      () => reject(new Error(`kefu agent did not register in 120 s:\n${output.slice(-20).join('\n')}`)),
      120_000,
    );
  });
  return {
    pid: child.pid!,
    command: ['node', ...flags, 'bin/kefu.js', 'agent'].join(' '),
    tail: (lines = 30) => output.slice(-lines).join('\n'),
    kill: async () => {
      signalGroup('SIGKILL');
      await exited;
    },
    stop: async () => {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The events that bring the merchant replies: new ones after a final, or provisional ones sent on
 * the customer's interim as their speech ends (decision 0495), whichever comes first.
 */
export const REPLY_EVENTS: readonly string[] = ['suggestions.created', 'suggestions.provisional'];

export type CallAudio = { complaint: string; offPlatform: string; followUp: string; oneLine: string };

/** The scripted call, spoken by flite, each line led by a second of quiet while subscriptions settle. */
export function callAudio(dir: string): CallAudio {
  const say = (name: string, text: string) =>
    composeSpeech(
      [{ silenceMs: 1000 }, { speech: synthesize(text, join(dir, `${name}.raw.wav`)) }, { silenceMs: 1500 }],
      join(dir, `${name}.wav`),
    ).path;
  return {
    complaint: say(
      'complaint',
      'My order number is three one nine zero five five seven. The headphones arrived broken.',
    ),
    offPlatform: say(
      'off-platform',
      'Sorry about that. Please pay me directly outside the platform, or add me on WeChat.',
    ),
    followUp: say('follow-up', 'The headphones arrived broken. I want a refund please.'),
    // One sentence, no pause inside: the bench times one utterance per turn.
    oneLine: say('one-line', 'The headphones arrived broken.'),
  };
}
