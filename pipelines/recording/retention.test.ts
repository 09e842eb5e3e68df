import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../db/client.js';
import { listAudioSegments } from '../../db/queries/audio.js';
import { listAuditEvents } from '../../db/queries/audit.js';
import { useTestDatabase } from '../../test/db.js';
import { fileAppeal } from '../moderation/appeals.js';
import { claimCase } from '../moderation/cases.js';
import { decideCase } from '../moderation/decide.js';
import { openCaseForCall } from '../moderation/open-cases.js';
import { moderationSettings } from '../moderation/settings.js';
import { makeFlaggedCall, makeUser } from '../moderation/testing/fixtures.js';
import { localAudioStore } from './local-store.js';
import { expireCallAudio } from './retention.js';
import type { AudioStore } from './store.js';
import { recordCallAudio, voice } from './testing/record.js';

const db = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'kefu-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = localAudioStore(join(dir, 'audio'));
const settings = moderationSettings();
const DAY = 86_400_000;

/** A flagged call with audio of both speakers, ended now, its case in the state `then` leaves it. */
async function callWithAudio(sql: Sql, then: 'open case' | 'dismissed' | 'upheld' | 'appealed' | 'no flags') {
  const made = await makeFlaggedCall(sql, then === 'no flags' ? [] : [{}]);
  await sql`update calls set status = 'ended', ended_at = now() where id = ${made.call.id}`;
  await recordCallAudio(sql, store, made.call.id, { merchant: voice(6, 1), customer: voice(6, 2) });
  if (then === 'no flags') return made.call.id;
  const opened = await openCaseForCall(sql, made.call.id, settings);
  if (then === 'open case') return made.call.id;
  const mod = await makeUser(sql, 'moderator');
  const actor = { kind: 'user', id: mod.id, role: 'moderator', merchantId: null } as const;
  await claimCase(sql, actor, opened!.case.id, settings);
  const outcome = then === 'dismissed' ? 'dismissed' : 'upheld';
  const { decisions } = await decideCase(
    sql,
    actor,
    opened!.case.id,
    {
      penalty: 'none',
      flags: [
        {
          flagId: made.flags[0]!.id,
          outcome,
          reasonCode: outcome === 'upheld' ? 'CONTACT_OFF_PLATFORM' : 'FALSE_POSITIVE',
          reasonText: '证据',
        },
      ],
    },
    settings,
  );
  if (then === 'appealed') {
    const staff = await makeUser(sql, 'merchant_staff', made.merchantId);
    await fileAppeal(
      sql,
      { kind: 'user', id: staff.id, role: 'merchant_staff', merchantId: made.merchantId },
      { decisionId: decisions[0]!.id, statement: '系统听错了', attachments: [] },
      settings,
    );
  }
  return made.call.id;
}

const stored = async (callId: string) => listAudioSegments(db.sql(), callId, { fromMs: 0, toMs: 60_000 });
const retention = (days: number, s: AudioStore = store) => ({
  sql: db.sql(),
  store: s,
  retentionDays: 90,
  appealWindowMonths: settings.appealWindowMonths,
  log: () => {},
  now: () => new Date(Date.now() + days * DAY),
});

describe('audio retention', () => {
  it('deletes audio past the period that nothing needs, with an audit event each, and keeps what an open case or appeal needs', async () => {
    const sql = db.sql();
    const calls = {
      noFlags: await callWithAudio(sql, 'no flags'),
      dismissed: await callWithAudio(sql, 'dismissed'),
      openCase: await callWithAudio(sql, 'open case'),
      appealed: await callWithAudio(sql, 'appealed'),
      upheld: await callWithAudio(sql, 'upheld'),
    };
    const keys = new Map<string, string[]>();
    for (const id of Object.values(calls))
      keys.set(
        id,
        (await stored(id)).map((s) => s.storageKey),
      );

    // Inside the period nothing goes.
    expect(await expireCallAudio(retention(89))).toEqual({ calls: 0, objects: 0 });

    // Past the period: the closed calls go; an upheld decision can still be appealed, so it stays.
    await expireCallAudio(retention(91));
    const gone = async (id: string) =>
      (await stored(id)).length === 0 && !(await Promise.all(keys.get(id)!.map((k) => store.exists(k)))).some(Boolean);
    expect(await gone(calls.noFlags)).toBe(true);
    expect(await gone(calls.dismissed)).toBe(true);
    for (const kept of [calls.openCase, calls.appealed, calls.upheld]) {
      expect(await stored(kept)).toHaveLength(4);
      for (const k of keys.get(kept)!) expect(await store.exists(k)).toBe(true);
    }

    // Past the appeal window too: the unappealed decision's audio goes, the open appeal's stays.
    await expireCallAudio(retention(200));
    expect(await gone(calls.upheld)).toBe(true);
    expect(await stored(calls.appealed)).toHaveLength(4);
    expect(await stored(calls.openCase)).toHaveLength(4);

    const events = await listAuditEvents(sql, { action: 'audio.deleted' });
    expect(events.map((e) => e.entityId).sort()).toEqual([calls.noFlags, calls.dismissed, calls.upheld].sort());
    for (const e of events) {
      expect(e).toMatchObject({
        actorKind: 'system',
        entityType: 'call',
        before: { segments: 4, speakers: ['customer', 'merchant'] },
        after: { reason: 'retention', retentionDays: 90 },
      });
    }
  });

  it('after a crash between withdrawing references and removing objects, the next run removes them', async () => {
    const sql = db.sql();
    const id = await callWithAudio(sql, 'no flags');
    const keys = (await stored(id)).map((s) => s.storageKey);
    const crashing = { ...store, delete: async () => Promise.reject(new Error('killed mid-run')) };
    await expect(expireCallAudio(retention(91, crashing))).rejects.toThrow('killed mid-run');
    // Nothing refers to the audio any more, though its objects are still there.
    expect(await stored(id)).toEqual([]);
    expect(await store.exists(keys[0]!)).toBe(true);
    await expireCallAudio(retention(91));
    for (const k of keys) expect(await store.exists(k)).toBe(false);
    const rows = await sql<{ purgedAt: Date | null }[]>`select purged_at from audio_segments where call_id = ${id}`;
    expect(rows.every((r) => r.purgedAt !== null)).toBe(true);
  });
});
