/**
 * Bot benchmark on the e2e fixture (LiveKit test server, real rtc-node clients, flite speech):
 * end of the customer's speech → suggestion at the merchant, p50/p95 over calls through a real
 * `kefu agent` worker; and how many concurrent calls one process's bot code (agent/room.ts)
 * keeps up with in real time. Needs a private network namespace like `npm run test:e2e`, so it
 * re-runs itself inside one. Run: npx tsx bench/bot.ts
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Room } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { startCall } from '../agent/control-plane.js';
import { CallRoom } from '../agent/room.js';
import { COPILOT_TOPIC } from '../core/copilot.js';
import { loadConfig } from '../core/config.js';
import { createSql } from '../db/client.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { buildAnalyzers } from '../pipelines/session/build-analyzers.js';
import { buildSttRouting } from '../pipelines/speech/router.js';
import { tempDir } from '../test/audio/speech-fixtures.js';
import {
  BUYER,
  callAudio,
  MERCHANT,
  ORDER_ID,
  seedBotFixtures,
  startAgent,
  withConnection,
} from '../test/e2e/harness.js';
import { TestParticipant, waitFor } from '../test/livekit/test-participant.js';
import { mintToken } from '../test/livekit/tokens.js';
import { startLiveKitTestServer, type LiveKitTarget } from '../test/livekit/test-server.js';
import { percentile } from './stats.js';

const TURNS = 6;
/** These benches time the copilot; `npm run bench -- recording` times the recording on its own. */
const NOT_RECORDED = loadConfig({ KEFU_RECORDING: 'false' }).recording;
/** A call keeps up when its suggestion arrives within this long of the end of speech. */
const REALTIME_LIMIT_MS = 3000;

export async function runBotBench(): Promise<void> {
  // rtc-node's WebRTC ignores loopback: run inside a namespace with a veth pair (see run-e2e.sh).
  const setup =
    'ip link set lo up && ip link add kefu0 type veth peer name kefu1 && ip addr add 10.77.0.1/24 dev kefu0 && ip addr add 10.77.0.2/24 dev kefu1 && ip link set kefu0 up && ip link set kefu1 up';
  const self = fileURLToPath(import.meta.url);
  try {
    execFileSync(
      'unshare',
      [
        '-n',
        'sh',
        '-c',
        `${setup} && LIVEKIT_TEST_HOST=10.77.0.1 exec "$0" --import tsx "$1" --in-netns`,
        process.execPath,
        self,
      ],
      { stdio: 'inherit' },
    );
  } catch (err) {
    console.log(
      `  bot: not measured (needs a private network namespace: root, unshare, ip): ${(err as Error).message.split('\n')[0]}`,
    );
  }
}

async function inNamespace(): Promise<void> {
  const target = await startLiveKitTestServer();
  const pg = await startEmbeddedPostgres();
  const tmp = tempDir('kefu-bot-bench-');
  try {
    await withConnection(pg.url, async (sql) => {
      await migrate(sql);
      await seedBotFixtures(sql);
    });
    const audio = callAudio(tmp.dir);
    console.log(`bot bench: LiveKit test server, PocketSphinx (en), offline text pipeline, embedded PGlite`);
    await latency(target, pg.url, audio.oneLine);
    await capacity(target, pg.url, audio.oneLine);
  } finally {
    tmp.remove();
    await pg.stop();
    await target.close();
  }
}

/** One customer turn per call through a real worker and job process: speech end → suggestion at the merchant. */
async function latency(target: LiveKitTarget, dbUrl: string, complaint: string): Promise<void> {
  const agentName = `kefu-bench-${process.pid}`;
  const livekit = { url: target.url, apiKey: target.apiKey, apiSecret: target.apiSecret, agentName };
  const agent = await startAgent(target, dbUrl, agentName, 18_090);
  const samples: number[] = [];
  try {
    for (let turn = 0; turn < TURNS; turn++) {
      const call = await withConnection(dbUrl, (sql) =>
        startCall(
          { sql, livekit, recording: NOT_RECORDED },
          { merchantId: MERCHANT.id, buyerId: BUYER, orderIds: [ORDER_ID], language: 'en' },
        ),
      );
      const merchant = await TestParticipant.joinWithToken(call.url, call.merchant.token);
      const customer = await TestParticipant.joinWithToken(call.url, call.customer.token);
      await customer.publishMicrophone();
      await waitFor(() => merchant.room.remoteParticipants.size >= 2, 30_000, 'the bot joining');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      samples.push(await turnLatency(customer, merchant, complaint));
      await Promise.all([merchant.leave(), customer.leave()]);
      await new RoomServiceClient(livekit.url, livekit.apiKey, livekit.apiSecret).deleteRoom(call.room);
    }
  } finally {
    await agent.stop();
  }
  console.log(
    `  end of customer speech → suggestion at merchant: p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms over ${samples.length} turns (VAD end-of-speech wait + PocketSphinx + text pipeline + data channel)`,
  );
}

async function turnLatency(customer: TestParticipant, merchant: TestParticipant, wav: string): Promise<number> {
  const seen = merchant.textsOn(COPILOT_TOPIC).length;
  const { capturedAt } = await customer.speak(wav);
  // Where speech ends in real time (the WAV ends with 1.5 s of quiet), so a process that falls
  // behind while playing the audio out shows up as latency rather than hiding in a late capture.
  const speechEnd = capturedAt[0]! + capturedAt.length * 10 - 1500;
  const arrived = await waitFor(
    () =>
      merchant
        .textsOn(COPILOT_TOPIC)
        .slice(seen)
        .find((t) => t.text.includes('"suggestions.created"')),
    30_000,
    'a suggestion',
  );
  return arrived.at - speechEnd;
}

/** N calls at once, every one's bot in this process; more until a call falls behind. */
async function capacity(target: LiveKitTarget, dbUrl: string, complaint: string): Promise<void> {
  const config = loadConfig();
  const stt = buildSttRouting({ ...config, stt: { engines: { en: 'pocketsphinx' } } });
  let kept = 0;
  for (const n of [1, 2, 3, 4, 6, 8]) {
    const sql = createSql(dbUrl, { max: 1 });
    const analyzers = await buildAnalyzers({ config, sql });
    const livekit = { url: target.url, apiKey: target.apiKey, apiSecret: target.apiSecret, agentName: 'none' };
    const calls = await Promise.all(
      Array.from({ length: n }, async () => {
        const call = await startCall(
          { sql, livekit, recording: NOT_RECORDED },
          { merchantId: MERCHANT.id, buyerId: BUYER, orderIds: [ORDER_ID], language: 'en' },
        );
        const bot = (await CallRoom.open({ sql, analyzers, engineFor: stt.engineFor, log: () => {} }, call.callId))!;
        const room = new Room();
        await room.connect(
          call.url,
          await mintToken(target, { identity: 'kefu-bot', room: call.room, kind: 'agent' }),
          { autoSubscribe: true, dynacast: false },
        );
        bot.attach(room);
        const merchant = await TestParticipant.joinWithToken(call.url, call.merchant.token);
        const customer = await TestParticipant.joinWithToken(call.url, call.customer.token);
        await customer.publishMicrophone();
        return { bot, room, merchant, customer };
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const cpu = process.cpuUsage();
    const lags = await Promise.all(
      calls.map((c) => turnLatency(c.customer, c.merchant, complaint).catch(() => Infinity)),
    );
    const used = process.cpuUsage(cpu);
    for (const c of calls) {
      await Promise.all([c.merchant.leave(), c.customer.leave()]);
      await c.bot.finish('parties left');
      await c.room.disconnect();
    }
    await sql.end();
    const worst = Math.max(...lags);
    console.log(
      `  ${n} concurrent call(s) in one process: suggestion p50 ${percentile(lags, 50).toFixed(0)} ms, worst ${worst.toFixed(0)} ms; ${((used.user + used.system) / 1000).toFixed(0)} ms CPU in this process`,
    );
    if (worst > REALTIME_LIMIT_MS) break;
    kept = n;
  }
  await stt.close();
  console.log(
    `  ${kept} concurrent calls kept up in real time (every suggestion within ${REALTIME_LIMIT_MS} ms of speech end; the merchant and buyer clients share the process)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--in-netns')) {
    await inNamespace();
    process.exit(0);
  }
  await runBotBench();
}
