/**
 * What the bot benches need around them: rtc-node's WebRTC ignores loopback, so the LiveKit test
 * server, the bot and the callers run in a private network namespace with a veth pair (as
 * `npm run test:e2e` does); a namespace has no route to the machine's Postgres, so a bridge from a
 * Unix socket (files cross namespaces) to the server's TCP port carries the bot's connections.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSql } from '../db/client.js';

const VETH =
  'ip link set lo up && ip link add kefu0 type veth peer name kefu1 && ip addr add 10.77.0.1/24 dev kefu0 && ip addr add 10.77.0.2/24 dev kefu1 && ip link set kefu0 up && ip link set kefu1 up';

/**
 * A fresh database on the Postgres at `serverUrl`, bridged to a Unix socket; `socketUrl` names
 * both for `namespaceDatabase` inside the namespace.
 */
export async function bridgedDatabase(serverUrl: string): Promise<{ socketUrl: string; close: () => Promise<void> }> {
  const name = `kefu_bench_${randomBytes(5).toString('hex')}`;
  const admin = createSql(serverUrl, { max: 1 });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'kefu-pg-'));
  const bridge = createServer((client) => {
    const server = connect(Number(target.port || 5432), target.hostname);
    client.pipe(server).pipe(client);
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
  });
  const socket = join(dir, 'pg.sock');
  await new Promise<void>((resolve) => bridge.listen(socket, resolve));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  url.searchParams.set('socket', socket);
  return {
    socketUrl: url.toString(),
    close: async () => {
      await new Promise<void>((resolve) => bridge.close(() => resolve()));
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `script` with `args` in a new network namespace and a session of its own (LIVEKIT_TEST_HOST
 * set), this process staying outside to serve the bridge; resolves with its exit code, or rejects saying why a
 * namespace could not be made (needs root or CAP_SYS_ADMIN + CAP_NET_ADMIN, unshare, ip).
 */
export function runInNamespace(script: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    // setsid: the callers lead a session of their own, so raising their priority raises that
    // session's autogroup and not the caller's shell (decision 0310). Left in the shell's autogroup
    // at nice 0 while the bot's ran at -10, the phones and the test server were starved on a busy
    // host and joins timed out waiting for their JoinResponse (decision 0400).
    const child = spawn(
      'setsid',
      [
        '-w',
        'unshare',
        '-n',
        'sh',
        '-c',
        `${VETH} && LIVEKIT_TEST_HOST=10.77.0.1 exec "$0" --import tsx "$@"`,
        process.execPath,
        script,
        ...args,
      ],
      { stdio: 'inherit', env: { ...process.env, ...env } },
    );
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

const TCP_BRIDGE = `
const net = require('node:net');
const [socket, port] = process.argv.slice(1);
net.createServer((c) => { const s = net.connect(socket); c.pipe(s).pipe(c); c.on('error', () => s.destroy()); s.on('error', () => c.destroy()); })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));
`;

/**
 * Inside the namespace: a TCP port on its loopback that leads through the Unix socket to the
 * database (postgres.js reaches sockets only by host directory, not by file). A process of its
 * own, so the callers' event loop does not carry the bot's SQL.
 */
export async function namespaceDatabase(socketUrl: string, port = 15432): Promise<{ url: string; stop: () => void }> {
  const parsed = new URL(socketUrl);
  const socket = parsed.searchParams.get('socket') ?? '';
  const child = spawn(process.execPath, ['-e', TCP_BRIDGE, socket, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`database bridge exited (${code})`)));
  });
  parsed.search = '';
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return { url: parsed.toString(), stop: () => child.kill() };
}

export const DEFAULT_PG = 'postgres://kefu:kefu@127.0.0.1:5432/kefu';
