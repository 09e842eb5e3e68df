import { beforeAll, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../core/analysis.js';
import { loadConfig } from '../../core/config.js';
import type { TranscriptLine } from '../../core/domain.js';
import type { CallEvent } from '../../core/events.js';
import { listAuditEvents, verifyAuditChain } from '../../db/queries/audit.js';
import { endCall } from '../../db/queries/calls.js';
import { listSuggestionStates, listSuggestions } from '../../db/queries/suggestions.js';
import { useTestDatabase } from '../../test/db.js';
import { seedFruitOrder } from '../../test/factories.js';
import type { CallAnalyzers } from './analyzers.js';
import { buildAnalyzers } from './build-analyzers.js';
import { CallSession } from './call-session.js';
import { settleProvisional } from './provisional.js';
import { withdrawStoppedOfEndedCalls } from './stopped-provisionals.js';

const reply = (text: string, policies: string[], id = text): Suggestion & { id: string } => ({
  id,
  afterUtterance: 0,
  text,
  policies,
  engine: 'rules',
});

describe('what matters to a provisional reply: its words and the policies it cites', () => {
  const sorry = reply('Sorry, we can refund the three spoiled apples', ['p.fresh', 'p.partial']);
  const photo = reply('Could you send a photo of the apples?', ['p.proof']);
  const sent = { suggestions: [sorry, photo], sentAt: new Date() };

  it('confirms every reply the final offers too, whatever the order of policies or replies', () => {
    const final = [reply(photo.text, ['p.proof']), reply(sorry.text, ['p.partial', 'p.fresh'])];
    expect(settleProvisional(sent, { suggestions: final })).toEqual({
      confirmed: [sorry, photo],
      withdrawn: [],
      reason: 'final_differs',
      fresh: [],
    });
  });

  it('withdraws a reply whose words or policies the final does not offer, and sends the final’s others new', () => {
    const four = reply('Sorry, we can refund the four spoiled apples', ['p.fresh', 'p.partial']);
    const otherPolicy = reply(photo.text, ['p.return']);
    const settled = settleProvisional(sent, { suggestions: [four, otherPolicy] });
    expect(settled.confirmed).toEqual([]);
    expect(settled.withdrawn).toEqual([sorry, photo]);
    expect(settled.fresh).toEqual([four, otherPolicy]);
    const kept = settleProvisional(sent, { suggestions: [photo, four] });
    expect([kept.confirmed, kept.withdrawn, kept.fresh]).toEqual([[photo], [sorry], [four]]);
  });

  it('withdraws them all when no final came for their speech', () => {
    expect(settleProvisional(sent, undefined)).toEqual({
      confirmed: [],
      withdrawn: [sorry, photo],
      reason: 'no_final',
      fresh: [],
    });
  });
});

const db = useTestDatabase();
let analyzers: CallAnalyzers;
const ORDER = '240611587736219';
const FINAL = `你好，我的订单 ${ORDER} 收到的苹果烂了三个，一共十个`;

beforeAll(async () => {
  analyzers = await buildAnalyzers({ config: loadConfig({}), sql: db.sql() });
  await seedFruitOrder(db.sql());
});

async function call() {
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
  return { session, events, types: () => events.map((e) => e.type).filter((t) => t.startsWith('suggestions.')) };
}
const line = (text: string, startMs = 0, endMs = 4000): TranscriptLine => ({
  speaker: 'customer',
  text,
  startMs,
  endMs,
});
const final = (text: string, startMs = 200) => ({
  ...line(text, startMs, startMs + 3700),
  engine: 'test',
  confidence: null,
});
const byType = <T extends CallEvent['type']>(events: CallEvent[], type: T) =>
  events.filter((e): e is Extract<CallEvent, { type: T }> => e.type === type);

describe('provisional replies in a call', () => {
  it('sends the interim’s replies at once and confirms them when the final asks for the same advice', async () => {
    const { session, events, types } = await call();
    await session.provisional(line(FINAL));
    expect(types()).toEqual(['suggestions.provisional']);
    const sent = byType(events, 'suggestions.provisional')[0]!.suggestions.map((s) => s.id);
    await session.addUtterance(final(FINAL));
    expect(types()).toEqual(['suggestions.provisional', 'suggestions.confirmed']);
    expect(byType(events, 'suggestions.confirmed')[0]!.suggestionIds).toEqual(sent);
    await session.end();

    const sql = db.sql();
    const states = await listSuggestionStates(sql, session.call.id);
    // Each step in time order: every reply's `provisional` as it was sent (decision 0530), then the verdicts.
    expect(states.map((s) => [s.suggestionId, s.state])).toEqual([
      ...sent.map((id) => [id, 'provisional']),
      ...sent.map((id) => [id, 'confirmed']),
    ]);
    const stored = await listSuggestions(sql, session.call.id);
    for (const id of sent) expect(stored.find((s) => s.id === id)).toMatchObject({ state: 'confirmed', kind: 'reply' });
    expect(stored.find((s) => s.id === sent[0])?.afterUtteranceId).not.toBeNull();
    // The trail is append-only: a step is never changed or removed.
    await expect(sql`update suggestion_states set state = 'confirmed'`).rejects.toThrow(/append-only/);
    await expect(sql`delete from suggestion_states`).rejects.toThrow(/append-only/);
  });

  it('withdraws the replies the final does not offer, and sends the final’s own in their place', async () => {
    const { session, events } = await call();
    // The interim has not heard how many of the apples spoiled: the refund's amount is unknown.
    await session.provisional(line(`你好，我的订单 ${ORDER} 收到的苹果烂了`));
    const sent = byType(events, 'suggestions.provisional')[0]!.suggestions.map((s) => s.id);
    expect(sent.length).toBeGreaterThan(0);
    await session.addUtterance(final(FINAL));
    const withdrawn = byType(events, 'suggestions.withdrawn')[0]!;
    const confirmed = byType(events, 'suggestions.confirmed')[0]?.suggestionIds ?? [];
    const created = byType(events, 'suggestions.created')[0]!;
    expect(withdrawn.reason).toBe('final_differs');
    expect([...withdrawn.suggestionIds, ...confirmed].sort()).toEqual([...sent].sort());
    expect(withdrawn.replacedBy).toEqual(created.suggestions.map((s) => s.id));
    // Every reply the merchant now sees is one the final's advice offers: the same as without provisional.
    const plain = await call();
    await plain.session.addUtterance(final(FINAL));
    const standing = [
      ...byType(events, 'suggestions.provisional')[0]!.suggestions.filter((s) => confirmed.includes(s.id)),
      ...created.suggestions,
    ];
    expect(standing.map((s) => s.text).sort()).toEqual(
      byType(plain.events, 'suggestions.created')[0]!
        .suggestions.map((s) => s.text)
        .sort(),
    );
    await session.end();
    const states = await listSuggestionStates(db.sql(), session.call.id);
    expect(states.filter((s) => s.state === 'withdrawn').map((s) => [s.suggestionId, s.replacedBy])).toEqual(
      withdrawn.suggestionIds.map((id) => [id, withdrawn.replacedBy]),
    );
  });

  it('withdraws replies whose speech brought no final, at the next final or when the call ends', async () => {
    const first = await call();
    expect(await first.session.provisional(line(FINAL))).toBeUndefined();
    // Said again before its final: one provisional open at a time (decision 0725 names why none went).
    expect(await first.session.provisional(line(`${FINAL}，能退款吗`))).toBe('earlier provisional open');
    // The next final is of later speech (it starts after the interim's end).
    await first.session.addUtterance(final('好的谢谢', 6000));
    expect(byType(first.events, 'suggestions.withdrawn')[0]).toMatchObject({ reason: 'no_final', replacedBy: [] });
    await first.session.end();

    const second = await call();
    await second.session.provisional(line(FINAL));
    await second.session.end();
    expect(second.types()).toEqual(['suggestions.provisional', 'suggestions.withdrawn']);
    const states = await listSuggestionStates(db.sql(), second.session.call.id);
    expect(states.at(-1)).toMatchObject({ state: 'withdrawn', reason: 'no_final' });
    expect((await listSuggestions(db.sql(), second.session.call.id))[0]).toMatchObject({ afterUtteranceId: null });
  });

  it('sends nothing provisional once the final is being handled, and finds what a call without it finds', async () => {
    const { session, events, types } = await call();
    const early = session.provisional(line(FINAL));
    const heard = session.addUtterance(final(FINAL));
    const [skip] = await Promise.all([early, heard]);
    expect(types()).toEqual(['suggestions.created']);
    expect(skip).toBe('final first');
    const plain = await call();
    await plain.session.addUtterance(final(FINAL));
    expect(session.findings()).toEqual(plain.session.findings());
    expect(byType(events, 'suggestions.created')[0]!.suggestions.map((s) => s.text)).toEqual(
      byType(plain.events, 'suggestions.created')[0]!.suggestions.map((s) => s.text),
    );
  });
});

// Decision 0530: the steps in the audit chain, and the replies a stopped bot left unsettled.
const interim = line(FINAL);
const provisionalIds = (events: CallEvent[]) =>
  events.flatMap((e) => (e.type === 'suggestions.provisional' ? e.suggestions.map((s) => s.id) : []));

/** A bot that sent replies provisionally, then stopped (crashed, killed) before the final. */
async function stoppedAfterProvisional() {
  const { session, events } = await call();
  await session.provisional(interim);
  const sent = provisionalIds(events);
  expect(sent.length).toBeGreaterThan(0);
  return { callId: session.call.id, sent };
}

describe('provisional replies in the audit chain', () => {
  it('records each step as an audit event linked into the one hash chain', async () => {
    const { session, events } = await call();
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
