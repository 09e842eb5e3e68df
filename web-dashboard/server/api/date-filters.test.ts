import { beforeAll, describe, expect, it } from 'vitest';
import { insertPromise } from '../../../db/queries/notes.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser, upholdEveryFlag } from '../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../test/db.js';
import { createApp } from '../app.js';
import { type ApiClient, type ApiResponse, signedInClient } from './test-client.js';

const db = useTestDatabase();
const settings = moderationSettings();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const ids = (r: ApiResponse) => (r.body.data as { id: string }[]).map((x) => x.id);
const caseIds = (r: ApiResponse) => (r.body.data as { case: { id: string } }[]).map((x) => x.case.id);

interface Shop {
  merchantId: string;
  caseId: string;
  appealId: string;
  promiseId: string;
  staff: ApiClient;
}
let mod: ApiClient;
let a: Shop;
let b: Shop;

/** A shop with one upheld case, an appeal against it and one promise; `daysAgo` backdates the case and the promise. */
async function shop(app: ReturnType<typeof createApp>, daysAgo: number): Promise<Shop> {
  const sql = db.sql();
  const made = await makeFlaggedCall(sql);
  const { caseId, decisions } = await upholdEveryFlag(sql, made, settings);
  const staff = await signedInClient(app, sql, (await makeUser(sql, 'merchant_staff', made.merchantId)).id);
  const filed = await staff.call('POST', '/api/appeals', { decisionId: decisions[0]!.id, statement: '录音可证' });
  expect(filed.status).toBe(201);
  const promise = await insertPromise(sql, {
    callId: made.call.id,
    merchantId: made.merchantId,
    utteranceId: made.utterances[1]!.id,
    speakerRole: 'merchant',
    action: 'refund',
    text: '明天给您退款',
    deadline: null,
    conditional: false,
  });
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  await sql`update moderation_cases set opened_at = ${at} where id = ${caseId}`;
  await sql`update promises set created_at = ${at} where id = ${promise.id}`;
  return { merchantId: made.merchantId, caseId, appealId: filed.body.data.id, promiseId: promise.id, staff };
}

beforeAll(async () => {
  const sql = db.sql();
  const app = createApp({ sql, components: [] });
  a = await shop(app, 10);
  b = await shop(app, 0);
  mod = await signedInClient(app, sql, (await makeUser(sql, 'moderator')).id);
});

describe('date filters on the queue, appeals, promises and the merchant flags page (issue 15)', () => {
  it('a malformed or impossible day, or a range ending before it starts, is a 400 naming the parameter', async () => {
    const cases: [ApiClient, string, string][] = [
      [mod, '/api/cases?from=2026-13-01', 'from'],
      [mod, '/api/cases?to=12/06/2026', 'to'],
      [a.staff, '/api/cases/cards?from=2026-02-30', 'from'],
      [mod, '/api/appeals?to=yesterday', 'to'],
      [a.staff, '/api/promises?from=2026-12-6', 'from'],
      [a.staff, '/api/promises?from=2026-12-06&to=2026-12-01', 'to'],
      // An instant must say its zone: a bare local time means different days to different people.
      [mod, '/api/cases?from=2026-12-06T00:00:00', 'from'],
      [mod, '/api/calls?to=someday', 'to'],
      [mod, '/api/audit?from=2026-12-06T25:00:00Z', 'from'],
    ];
    for (const [who, path, param] of cases) {
      const r = await who.call('GET', path);
      expect(r.status, path).toBe(400);
      expect(r.body.error?.code, path).toBe('INPUT_INVALID');
      expect(r.body.error?.message, path).toMatch(new RegExp(`^${param}:`));
    }
  });

  it('the queue and the flags page keep only cases opened in the range', async () => {
    const old = `from=${day(-11)}&to=${day(-9)}`;
    expect(ids(await mod.call('GET', `/api/cases?status=decided&${old}`))).toEqual([a.caseId]);
    const recent = ids(await mod.call('GET', `/api/cases?status=decided&from=${day(-1)}&to=${day(1)}`));
    expect(recent).toContain(b.caseId);
    expect(recent).not.toContain(a.caseId);
    expect(caseIds(await a.staff.call('GET', `/api/cases/cards?${old}`))).toEqual([a.caseId]);
    expect(caseIds(await a.staff.call('GET', `/api/cases/cards?status=decided&category=abuse`))).toEqual([]);
  });

  it('a merchant sees only its own rows whatever the dates or merchantId it sends', async () => {
    const all = `from=${day(-30)}&to=${day(1)}`;
    expect(caseIds(await a.staff.call('GET', `/api/cases/cards?${all}`))).toEqual([a.caseId]);
    expect(ids(await a.staff.call('GET', `/api/cases?${all}`))).toEqual([a.caseId]);
    expect(ids(await a.staff.call('GET', `/api/appeals?${all}&merchantId=${b.merchantId}`))).toEqual([a.appealId]);
    expect(ids(await a.staff.call('GET', `/api/promises?${all}&merchantId=${b.merchantId}`))).toEqual([a.promiseId]);
    expect(ids(await b.staff.call('GET', `/api/promises?from=${day(-11)}&to=${day(-9)}`))).toEqual([]);
  });

  it('reads an instant bound as that instant: the browser sends the midnight its user sees', async () => {
    const at = (minutes: number) => encodeURIComponent(new Date(Date.now() + minutes * 60_000).toISOString());
    // Shanghai's midnight is 16:00 UTC the day before: the bound is the instant, not its UTC day.
    const shanghaiMidnight = encodeURIComponent('2026-12-06T00:00:00+08:00');
    const open = await mod.call('GET', `/api/cases?status=decided&from=${shanghaiMidnight}&to=${at(60)}`);
    expect(open.status).toBe(200);
    expect(ids(await mod.call('GET', `/api/cases?status=decided&from=${at(-60)}&to=${at(60)}`))).toContain(b.caseId);
    expect(ids(await mod.call('GET', `/api/cases?status=decided&from=${at(60)}`))).not.toContain(b.caseId);
    expect(ids(await mod.call('GET', `/api/cases?status=decided&to=${at(-60)}`))).not.toContain(b.caseId);
  });

  it('appeals and promises keep only rows filed or made in the range', async () => {
    const today = `from=${day(0)}&to=${day(1)}`;
    const filed = ids(await mod.call('GET', `/api/appeals?${today}`));
    expect(filed).toEqual(expect.arrayContaining([a.appealId, b.appealId]));
    expect(ids(await mod.call('GET', `/api/appeals?from=${day(-20)}&to=${day(-1)}`))).toEqual([]);
    expect(ids(await a.staff.call('GET', `/api/promises?from=${day(-11)}&to=${day(-9)}`))).toEqual([a.promiseId]);
    expect(ids(await a.staff.call('GET', `/api/promises?${today}`))).toEqual([]);
    expect(ids(await mod.call('GET', `/api/promises?merchantId=${b.merchantId}&${today}`))).toEqual([b.promiseId]);
  });
});
