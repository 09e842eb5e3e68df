import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startCall } from '../agent/control-plane.js';
import { loadConfig } from '../core/config.js';
import { BUYER, MERCHANT, ORDER_ID, withConnection } from '../test/e2e/harness.js';
import { TestParticipant, waitFor } from '../test/livekit/test-participant.js';

/** The bot benches time the copilot; `npm run bench -- recording` times recording on its own. */
const NOT_RECORDED = loadConfig({ KEFU_RECORDING: 'false' }).recording;

export type BenchCall = {
  room: string;
  merchant: TestParticipant;
  customer: TestParticipant;
  /** From the call's start (the bot dispatched) to the bot in the room. */
  botJoinMs: number;
};

/**
 * One bench call: the room, the bot dispatched, the two parties joined one after the other, the
 * given sides' microphones published, and the bot in the room. On failure both parties leave.
 */
export async function joinBenchCall(
  dbUrl: string,
  livekit: Parameters<typeof startCall>[0]['livekit'],
  microphones: readonly ('customer' | 'merchant')[],
): Promise<BenchCall> {
  const started = Date.now();
  const call = await withConnection(dbUrl, (sql) =>
    startCall(
      { sql, livekit, recording: NOT_RECORDED },
      { merchantId: MERCHANT.id, buyerId: BUYER, orderIds: [ORDER_ID], language: 'en' },
    ),
  );
  // The phones only read what the bot sends; hearing each other would double the test server's
  // forwarding (each forward decodes and re-encodes) and the phones' decoding, CPU that grows with
  // every call on the bot's two cores: at 7–8 idle calls a join then waited 4.7–5.1 s for its
  // JoinResponse (rtc-node gives up at 5 s), with no bot at all (decision 0400).
  const dataOnly = { autoSubscribe: false };
  const merchant = await TestParticipant.joinWithToken(call.url, call.merchant.token, dataOnly);
  let customer: TestParticipant | undefined;
  try {
    customer = await TestParticipant.joinWithToken(call.url, call.customer.token, dataOnly);
    const both = { merchant, customer };
    await Promise.all(microphones.map((side) => both[side].publishMicrophone()));
    await waitFor(() => merchant.room.remoteParticipants.size >= 2, 60_000, `the bot joining ${livekit.url}`);
  } catch (err) {
    await Promise.all([merchant.leave(), customer?.leave()]);
    throw err;
  }
  const bot = merchant.presence.find((e) => e.event === 'connected' && e.identity.startsWith('agent-'));
  return { room: call.room, merchant, customer, botJoinMs: (bot?.at ?? Date.now()) - started };
}

/**
 * Builds `repo`'s dist/ unless it is fresh: the benches time the bot as shipped (compiled). From
 * sources, bin/kefu.js runs the bot and every recognition thread through tsx, which took seconds
 * per thread at load 15 and left the first turns of a call unanswered.
 */
export function ensureBuilt(repo: string): void {
  const fresh = spawnSync(process.execPath, [
    '--input-type=module',
    '-e',
    `const m = await import(${JSON.stringify(join(repo, 'bin/compiled.js'))}); process.exit(m.distIsFresh() ? 0 : 1);`,
  ]);
  if (fresh.status === 0) return;
  console.log(`  building ${repo} (its dist/ is older than its sources)`);
  execFileSync(process.execPath, ['scripts/build.js'], { cwd: repo, stdio: 'inherit' });
}
