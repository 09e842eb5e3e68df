import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AgentDispatchClient, TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { getCall } from '../../db/queries/calls.js';
import { liveKitE2e, roomName, useLiveKit } from '../livekit/suite.js';
import { useBotDatabase } from './bot-database.js';
import { BUYER, MERCHANT, ORDER_ID } from './harness.js';

const KEFU = fileURLToPath(new URL('../../bin/kefu.js', import.meta.url));

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [KEFU, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe.skipIf(!liveKitE2e)('kefu token', () => {
  const target = useLiveKit();
  const db = useBotDatabase();

  it("records the call, dispatches the bot and prints two tokens carrying each side's role", async () => {
    const agentName = roomName('token');
    const env = {
      LIVEKIT_URL: target().url,
      LIVEKIT_API_KEY: target().apiKey,
      LIVEKIT_API_SECRET: target().apiSecret,
      KEFU_AGENT_NAME: agentName,
      DATABASE_URL: db.url(),
    };
    const r = await run(
      ['token', '--merchant-id', MERCHANT.id, '--buyer-id', BUYER, '--order', ORDER_ID, '--language', 'en'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      callId: string;
      room: string;
      merchant: { token: string };
      customer: { token: string };
    };

    const verifier = new TokenVerifier(target().apiKey, target().apiSecret);
    const merchant = await verifier.verify(out.merchant.token);
    const customer = await verifier.verify(out.customer.token);
    expect(merchant.video?.room).toBe(out.room);
    expect(customer.video?.room).toBe(out.room);
    expect(merchant.attributes).toMatchObject({ 'kefu.role': 'merchant', 'kefu.merchant_id': MERCHANT.id });
    expect(customer.attributes).toMatchObject({
      'kefu.role': 'customer',
      'kefu.camera_default': 'off',
      'kefu.recording': 'on',
    });
    expect(customer.attributes?.['kefu.order_ids']).toContain(ORDER_ID);

    const dispatches = await new AgentDispatchClient(target().url, target().apiKey, target().apiSecret).listDispatch(
      out.room,
    );
    expect(dispatches.map((d) => d.agentName)).toEqual([agentName]);
    const call = await db.withSql((sql) => getCall(sql, out.callId));
    expect(call).toMatchObject({
      room: out.room,
      merchantId: MERCHANT.id,
      buyerId: BUYER,
      orderIds: [ORDER_ID],
      status: 'active',
    });
  }, 60_000);

  it('refuses an unknown merchant with exit 2 and stores nothing', async () => {
    const env = {
      LIVEKIT_URL: target().url,
      LIVEKIT_API_KEY: target().apiKey,
      LIVEKIT_API_SECRET: target().apiSecret,
      DATABASE_URL: db.url(),
    };
    const r = await run(['token', '--merchant-id', 'm-nobody', '--buyer-id', BUYER], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No merchant "m-nobody"');
    expect(r.stderr).not.toContain('unexpected error');
    const calls = await db.withSql((sql) => sql`select 1 from calls where merchant_id = 'm-nobody'`);
    expect(calls.length).toBe(0);
  }, 60_000);
});
