import { beforeAll, describe, expect, it } from 'vitest';
import { insertPromise } from '../../../db/queries/notes.js';
import { insertProof } from '../../../db/queries/promise-proofs.js';
import { fileAppeal } from '../../../pipelines/moderation/appeals.js';
import { openCaseForCall } from '../../../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, upholdEveryFlag } from '../../../pipelines/moderation/testing/fixtures.js';
import { useTestDatabase } from '../../../test/db.js';
import type { ApiClient } from '../api/test-client.js';
import { createApp } from '../app.js';
import { signedInUser } from './testing.js';

/**
 * Finding: presenters were a deny-list, so a column added to a table reached every client that
 * read its rows. Here every table and every moderation view grows a secret column, filled in
 * every row; every route, read and action, as merchant staff, moderator and admin, must answer
 * as before and never carry it (decision 0176).
 */
const db = useTestDatabase();
const settings = moderationSettings();
const SECRET = 'KEFU-SECRET-COLUMN';
let merchant: ApiClient;
let moderator: ApiClient;
let admin: ApiClient;
let ids: Record<'merchantId' | 'callId' | 'caseId' | 'decisionId' | 'appealId' | 'promiseId' | 'flagId', string>;

/** Every table of the schema and the four views over the moderation record, each with one more column. */
async function addSecretColumns() {
  const sql = db.sql();
  const tables = await sql<{ name: string }[]>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'audit_events'`;
  for (const { name } of tables)
    await sql`alter table ${sql(name)} add column kefu_secret text not null default ${sql.unsafe(`'${SECRET}'`)}`;
  for (const view of ['flags', 'decisions', 'penalties', 'appeals']) {
    const [{ def }] = (await sql`select pg_get_viewdef(${view}::regclass) as def`) as unknown as [{ def: string }];
    await sql.unsafe(
      `create or replace view ${view} as select v.*, '${SECRET}'::text as kefu_secret from (${def.replace(/;\s*$/, '')}) v`,
    );
  }
}

beforeAll(async () => {
  const sql = db.sql();
  const app = createApp({ sql, components: [] });
  await addSecretColumns();
  // Reviewers exist before the decision, as an independent appeal reviewer must (decision 0171).
  moderator = (await signedInUser(app, sql, 'moderator')).client;
  admin = (await signedInUser(app, sql, 'admin')).client;
  const made = await makeFlaggedCall(sql, [{}, {}]);
  const { caseId, decisions } = await upholdEveryFlag(sql, made, settings);
  const staff = await signedInUser(app, sql, 'merchant_staff', made.merchantId);
  const appeal = await fileAppeal(
    sql,
    { kind: 'user', id: staff.user.id, role: 'merchant_staff', merchantId: made.merchantId },
    { decisionId: decisions[0]!.id, statement: '我没有这样说', attachments: [] },
    settings,
  );
  const promise = await insertPromise(sql, {
    callId: made.call.id,
    merchantId: made.merchantId,
    utteranceId: made.utterances[1]!.id,
    speakerRole: 'merchant',
    action: 'refund',
    text: '马上退款',
    deadline: null,
    conditional: false,
  });
  await insertProof(sql, { promiseId: promise.id, merchantId: made.merchantId, addedBy: staff.user.id, text: '已退' });
  merchant = staff.client;
  ids = {
    merchantId: made.merchantId,
    callId: made.call.id,
    caseId,
    decisionId: decisions[0]!.id,
    appealId: appeal.id,
    promiseId: promise.id,
    flagId: made.flags[0]!.id,
  };
});

const expectClean = (r: { status: number; text: string }, status = 200) => {
  expect(r.status, r.text.slice(0, 300)).toBe(status);
  expect(r.text).not.toContain(SECRET);
  expect(r.text).not.toMatch(/kefu_?secret/i);
};

describe('every answer is an allow-list: a new column reaches no client', () => {
  it('the rows really carry the secret column', async () => {
    const [row] = await db.sql()`select * from decisions where id = ${ids.decisionId}`;
    expect(row!.kefuSecret).toBe(SECRET);
  });

  it('reads, as the merchant, a moderator and an admin', async () => {
    const q = `merchantId=${ids.merchantId}`;
    const merchantReads = [
      '/api/auth/me',
      '/api/auth/sessions',
      '/api/cases',
      '/api/cases/cards',
      `/api/cases/${ids.caseId}`,
      '/api/appeals',
      `/api/appeals/${ids.appealId}`,
      `/api/decisions/${ids.decisionId}/statement`,
      '/api/penalties',
      '/api/penalties/standing',
      '/api/calls',
      `/api/calls/${ids.callId}`,
      '/api/promises',
      `/api/promises/${ids.promiseId}`,
      '/api/policies',
      '/api/demo',
    ];
    for (const path of merchantReads) expectClean(await merchant.call('GET', path));
    const byMerchant = ['/api/penalties', '/api/penalties/standing', '/api/calls', '/api/promises'];
    const reviewerReads = [
      ...merchantReads.filter((p) => !p.startsWith('/api/demo')).map((p) => (byMerchant.includes(p) ? `${p}?${q}` : p)),
      '/api/merchants',
      '/api/rules',
      '/api/stats/moderation',
      `/api/decisions/${ids.decisionId}/statement/dsa`,
    ];
    for (const path of reviewerReads) expectClean(await moderator.call('GET', path));
    for (const path of ['/api/users', '/api/approvals', '/api/audit/verify'])
      expectClean(await admin.call('GET', path));
  });

  it('actions: claim, preview, release, appeal claim and decision answer without it', async () => {
    const made = await makeFlaggedCall(db.sql(), [{}], ids.merchantId);
    const opened = await openCaseForCall(db.sql(), made.call.id, settings);
    const id = opened!.case.id;
    expectClean(await moderator.call('POST', `/api/cases/${id}/claim`));
    const judged = { flags: [{ flagId: made.flags[0]!.id, outcome: 'upheld' }], penalty: 'ladder' };
    expectClean(await moderator.call('POST', `/api/cases/${id}/preview`, judged));
    expectClean(await moderator.call('POST', `/api/cases/${id}/release`));
    expectClean(await moderator.call('POST', `/api/cases/${id}/claim`));
    const decided = await moderator.call('POST', `/api/cases/${id}/decide`, {
      penalty: 'ladder',
      flags: [
        { flagId: made.flags[0]!.id, outcome: 'upheld', reasonCode: 'CONTACT_OFF_PLATFORM', reasonText: '索要微信' },
      ],
    });
    expectClean(decided);
    expect(decided.body.data.decisions).toHaveLength(1);
    const filed = await merchant.call('POST', '/api/appeals', {
      decisionId: decided.body.data.decisions[0].id,
      statement: '请复核',
      attachments: [],
    });
    expectClean(filed, 201);
    expectClean(await moderator.call('POST', `/api/appeals/${ids.appealId}/claim`));
    const outcome = { outcome: 'overturned_fully', outcomeText: '证据不足' };
    expectClean(await moderator.call('POST', `/api/appeals/${ids.appealId}/preview`, outcome));
    const appealDecided = await moderator.call('POST', `/api/appeals/${ids.appealId}/decide`, outcome);
    expectClean(appealDecided);
    expect(appealDecided.body.data.appeal.status).toBe('decided');
  });

  it('merchant staff never learn which moderator claimed, decided or holds their appeal', async () => {
    const view = await merchant.call('GET', `/api/cases/${ids.caseId}`);
    expect(view.body.data.case).not.toHaveProperty('claimedBy');
    expect(view.body.data.flags[0].decision).not.toHaveProperty('decidedBy');
    const appeal = await merchant.call('GET', `/api/appeals/${ids.appealId}`);
    for (const key of ['assignedTo', 'decidedBy', 'originalDecidedBy'])
      expect(appeal.body.data).not.toHaveProperty(key);
    const staffView = await moderator.call('GET', `/api/cases/${ids.caseId}`);
    expect(staffView.body.data.flags[0].decision.decidedBy).toMatch(/^[0-9a-f-]{36}$/);
  });
});
