import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { CallEvent } from '../../core/events.js';
import type { Sql } from '../../db/client.js';
import { getCall } from '../../db/queries/calls.js';
import { upsertMerchant } from '../../db/queries/people.js';
import { useTestDatabase } from '../../test/db.js';
import { startJobQueue } from '../jobs/queue.js';
import type { CallAnalyzers } from './analyzers.js';
import { buildAnalyzers } from './build-analyzers.js';
import { CallSession } from './call-session.js';
import { replayCall } from './replay.js';
import { startSweeper } from './sweep.js';

const MERCHANT = { id: 'm-end', name: 'End-of-call shop' };
const VIOLATION = [
  { speaker: 'customer' as const, text: '苹果烂了三个，怎么办', startMs: 0, endMs: 2000 },
  { speaker: 'merchant' as const, text: '您加我微信 abc8899，我私下转您钱', startMs: 2500, endMs: 5000 },
];

/** Flags of the call and how many of them are not in a moderation case. */
async function flagsOutsideCases(sql: Sql, callId: string): Promise<{ flags: number; outside: number }> {
  const [row] = await sql<{ flags: number; outside: number }[]>`
    select count(*)::int as flags, count(*) filter (where case_id is null)::int as outside
    from flags where call_id = ${callId}`;
  return row!;
}

describe('the end of a call', () => {
  const db = useTestDatabase();
  let analyzers: CallAnalyzers;
  beforeAll(async () => {
    await upsertMerchant(db.sql(), MERCHANT);
    analyzers = await buildAnalyzers({ config: loadConfig({}), sql: db.sql() });
  });

  it('a replayed call leaves every flag it raised in a moderation case', async () => {
    const { callId } = await replayCall(
      { sql: db.sql(), analyzers, emit: () => {} },
      { kind: 'transcript', lines: VIOLATION },
      { room: 'end-replay', merchantId: MERCHANT.id, buyerId: 'b-1', startedAt: new Date(), timeZone: 'Asia/Shanghai' },
    );
    const { flags, outside } = await flagsOutsideCases(db.sql(), callId);
    expect(flags).toBeGreaterThan(0);
    expect(outside).toBe(0);
    expect(await getCall(db.sql(), callId)).toMatchObject({ status: 'ended' });
  });

  it('sweeps a call whose bot crashed (flags stored, never ended, heartbeat stale) into a case', async () => {
    const sql = db.sql();
    // The bot heard the violation, stored its flag, then died: no end, no case.
    const session = await CallSession.start(
      { sql, analyzers, emit: () => {} },
      { room: 'end-crashed', merchantId: MERCHANT.id, buyerId: 'b-2', timeZone: 'Asia/Shanghai' },
    );
    for (const line of VIOLATION) await session.addUtterance({ ...line, engine: 'transcript', confidence: null });
    const callId = session.call.id;
    await sql`update calls set started_at = now() - interval '10 minutes', heartbeat_at = now() - interval '5 minutes' where id = ${callId}`;
    await sql`update utterances set created_at = now() - interval '5 minutes' where call_id = ${callId}`;
    // A live call beside it, heart-beating: the sweeper leaves it alone.
    const live = await CallSession.start(
      { sql, analyzers, emit: () => {} },
      { room: 'end-live', merchantId: MERCHANT.id, buyerId: 'b-3', timeZone: 'Asia/Shanghai' },
    );
    await sql`update calls set started_at = now() - interval '10 minutes', heartbeat_at = now() where id = ${live.call.id}`;
    expect((await flagsOutsideCases(sql, callId)).outside).toBeGreaterThan(0);

    const events: CallEvent[] = [];
    const queue = await startJobQueue(sql, () => {});
    try {
      await startSweeper(
        { sql, analyzers, log: () => {}, publish: (_m, e) => events.push(e), staleAfterSeconds: 60 },
        queue,
      );
      const deadline = Date.now() + 60_000;
      while ((await getCall(sql, callId))?.status !== 'ended') {
        if (Date.now() > deadline) throw new Error('the sweeper did not end the abandoned call');
        await new Promise((r) => setTimeout(r, 200));
      }
      // The case is opened right after the call is marked ended.
      while ((await flagsOutsideCases(sql, callId)).outside > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
    } finally {
      await queue.stop();
    }
    expect(await flagsOutsideCases(sql, callId)).toMatchObject({ outside: 0 });
    const ended = await getCall(sql, callId);
    // It ended when it was last heard from, not when it was swept.
    expect(ended!.endedAt!.getTime()).toBeLessThan(Date.now() - 4 * 60_000);
    expect(ended!.summary).toBeTruthy();
    expect(events.some((e) => e.type === 'call.ended' && e.callId === callId)).toBe(true);
    expect(await getCall(sql, live.call.id)).toMatchObject({ status: 'active' });
  }, 120_000);
});
