/**
 * Provisional replies in the audit chain, and those a stopped bot left unsettled (decision 0530),
 * on a real database (PGlite; Postgres with KEFU_TEST_DATABASE_URL).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { CallEvent } from '../../core/events.js';
import { listAuditEvents, verifyAuditChain } from '../../db/queries/audit.js';
import { endCall } from '../../db/queries/calls.js';
import { listSuggestionStates, listSuggestions } from '../../db/queries/suggestions.js';
import { useTestDatabase } from '../../test/db.js';
import { seedFruitOrder } from '../../test/factories.js';
import type { CallAnalyzers } from './analyzers.js';
import { buildAnalyzers } from './build-analyzers.js';
import { CallSession } from './call-session.js';
import { withdrawStoppedOfEndedCalls } from './stopped-provisionals.js';

const db = useTestDatabase();
let analyzers: CallAnalyzers;
const FINAL = '你好，我的订单 240611587736219 收到的苹果烂了三个，一共十个';

beforeAll(async () => {
  analyzers = await buildAnalyzers({ config: loadConfig({}), sql: db.sql() });
  await seedFruitOrder(db.sql());
});

async function start() {
  const events: CallEvent[] = [];
  const session = await CallSession.start(
    { sql: db.sql(), analyzers, emit: (e) => events.push(e) },
    {
      room: `room-${Math.random()}`,
      merchantId: 'm-fruit',
      buyerId: 'b-1',
      startedAt: new Date('2026-11-23T02:00:00Z'),
    },
  );
  return { session, events };
}
const interim = { speaker: 'customer' as const, text: FINAL, startMs: 0, endMs: 4000 };
const provisionalIds = (events: CallEvent[]) =>
  events.flatMap((e) => (e.type === 'suggestions.provisional' ? e.suggestions.map((s) => s.id) : []));

/** A bot that sent replies provisionally, then stopped (crashed, killed) before the final. */
async function stoppedAfterProvisional() {
  const { session, events } = await start();
  await session.provisional(interim);
  const sent = provisionalIds(events);
  expect(sent.length).toBeGreaterThan(0);
  return { callId: session.call.id, sent };
}

describe('provisional replies in the audit chain', () => {
  it('records each step as an audit event linked into the one hash chain', async () => {
    const { session, events } = await start();
    await session.provisional(interim);
    await session.addUtterance({ ...interim, startMs: 200, engine: 'test', confidence: null });
    await session.end();
    const sent = provisionalIds(events);
    const sql = db.sql();
    for (const id of sent) {
      const trail = await listAuditEvents(sql, { entityType: 'suggestion', entityId: id });
      expect(trail.map((e) => [e.action, e.actorKind])).toEqual([
        ['suggestion.provisional', 'database'],
        ['suggestion.confirmed', 'database'],
      ]);
      expect(trail[1]!.after).toMatchObject({ suggestionStates: { suggestionId: id, state: 'confirmed' } });
    }
    const chain = await verifyAuditChain(sql);
    expect(chain.broken).toEqual([]);
    expect(chain.events).toBeGreaterThanOrEqual(sent.length * 2);
    // The chain is the one every other record uses: it refuses changes as it always has.
    await expect(sql`delete from audit_events where entity_type = 'suggestion'`).rejects.toThrow(/append-only/);
  });
});

describe('provisional replies a stopped bot left unsettled', () => {
  it('are stored as sent, so the trail holds them before any final', async () => {
    const { callId, sent } = await stoppedAfterProvisional();
    const stored = await listSuggestions(db.sql(), callId);
    expect(stored.filter((s) => sent.includes(s.id)).map((s) => s.state)).toEqual(sent.map(() => 'provisional'));
  });

  it('are withdrawn as bot_stopped when the call is resumed, stored, audited and emitted', async () => {
    const { callId, sent } = await stoppedAfterProvisional();
    const events: CallEvent[] = [];
    const resumed = await CallSession.resume({ sql: db.sql(), analyzers, emit: (e) => events.push(e) }, callId);
    expect(await resumed.withdrawStopped()).toBe(sent.length);
    expect(events).toEqual([
      { type: 'suggestions.withdrawn', callId, suggestionIds: sent, reason: 'bot_stopped', replacedBy: [] },
    ]);
    // Once: the call's end (or another resume) finds nothing left to settle.
    expect(await resumed.withdrawStopped()).toBe(0);
    await resumed.end();
    expect(events.filter((e) => e.type === 'suggestions.withdrawn')).toHaveLength(1);

    const sql = db.sql();
    const states = await listSuggestionStates(sql, callId);
    expect(states.filter((s) => s.state === 'withdrawn').map((s) => [s.suggestionId, s.reason])).toEqual(
      sent.map((id) => [id, 'bot_stopped']),
    );
    // The stored view shows none of them as live: withdrawn replies are left out of it (0495).
    const stored = await listSuggestions(sql, callId);
    expect(stored.filter((s) => sent.includes(s.id)).map((s) => s.state)).toEqual(sent.map(() => 'withdrawn'));
    const audited = await listAuditEvents(sql, { entityType: 'suggestion', entityId: sent[0]! });
    expect(audited.map((e) => e.action)).toEqual(['suggestion.provisional', 'suggestion.withdrawn']);
    expect(audited[1]!.after).toMatchObject({ suggestionStates: { reason: 'bot_stopped' } });
    expect((await verifyAuditChain(sql)).broken).toEqual([]);
  });

  it('are withdrawn when the sweeper ends the abandoned call (resume, then end)', async () => {
    const { callId, sent } = await stoppedAfterProvisional();
    const events: CallEvent[] = [];
    const resumed = await CallSession.resume({ sql: db.sql(), analyzers, emit: (e) => events.push(e) }, callId);
    await resumed.end();
    expect(events.map((e) => e.type)).toEqual(['suggestions.withdrawn', 'call.ended']);
    const states = await listSuggestionStates(db.sql(), callId);
    expect(states.at(-1)).toMatchObject({ suggestionId: sent.at(-1), state: 'withdrawn', reason: 'bot_stopped' });
  });

  it('of calls that ended meanwhile are withdrawn when a worker starts, once', async () => {
    const { callId, sent } = await stoppedAfterProvisional();
    await endCall(db.sql(), callId, { text: '', language: 'zh' });
    const published: [string, CallEvent][] = [];
    const withdrawn = await withdrawStoppedOfEndedCalls(db.sql(), (merchant, e) => published.push([merchant, e]));
    expect(withdrawn).toBeGreaterThanOrEqual(sent.length);
    expect(published).toContainEqual([
      'm-fruit',
      { type: 'suggestions.withdrawn', callId, suggestionIds: sent, reason: 'bot_stopped', replacedBy: [] },
    ]);
    expect(await withdrawStoppedOfEndedCalls(db.sql())).toBe(0);
  });
});
