import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFor } from '../../../pipelines/auth/sessions.js';
import { openCaseForCall } from '../../../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser } from '../../../pipelines/moderation/testing/fixtures.js';
import { localAudioStore } from '../../../pipelines/recording/local-store.js';
import { recordCallAudio, voice } from '../../../pipelines/recording/testing/record.js';
import { useTestDatabase } from '../../../test/db.js';
import { clientFor } from '../api/test-client.js';
import { createApp } from '../app.js';

/**
 * Finding: reads of merchant data were not audited. A reviewer's read of a call, a case, a clip
 * or an export is recorded (who, what, when, which session) before the data leaves, once per
 * session, entity and hour; merchants reading their own data are not (decision 0175).
 */
const db = useTestDatabase();
const audioDir = mkdtempSync(join(tmpdir(), 'kefu-read-audit-'));
afterAll(() => rmSync(audioDir, { recursive: true, force: true }));
let app: ReturnType<typeof createApp>;
let made: Awaited<ReturnType<typeof makeFlaggedCall>>;
let caseId: string;

beforeAll(async () => {
  const sql = db.sql();
  const audio = localAudioStore(audioDir);
  app = createApp({ sql, components: [], audio });
  made = await makeFlaggedCall(sql, [{}]);
  await recordCallAudio(sql, audio, made.call.id, { merchant: voice(5, 1), customer: voice(5, 2) });
  caseId = (await openCaseForCall(sql, made.call.id, moderationSettings()))!.case.id;
});

async function reader(role: 'moderator' | 'admin' | 'merchant_staff') {
  const user = await makeUser(db.sql(), role, role === 'merchant_staff' ? made.merchantId : null);
  const session = async () => clientFor(app, await createSessionFor(db.sql(), user.id));
  return { user, session };
}

const reads = (actorId: string) =>
  db.sql()<
    { entityType: string; entityId: string; after: { what: string; merchantId: string | null; session: string } }[]
  >`
    select entity_type, entity_id, after from audit_events
    where action = 'merchant_data.read' and actor_id = ${actorId} order by id`;

describe('reviewers reading merchant data leave a record', () => {
  it('records a call, a case, a clip and an export once per session and entity, before answering', async () => {
    const mod = await reader('moderator');
    const first = await mod.session();
    const paths = [
      `/api/cases/${caseId}`,
      `/api/calls/${made.call.id}`,
      `/api/flags/${made.flags[0]!.id}/clip`,
      `/api/export/calls.csv?merchantId=${made.merchantId}`,
    ];
    for (const path of [...paths, ...paths]) expect((await first.call('GET', path)).status, path).toBe(200);
    const once = await reads(mod.user.id);
    expect(once.map((r) => [r.entityType, r.entityId, r.after.what])).toEqual([
      ['case', caseId, 'case'],
      ['call', made.call.id, 'call'],
      ['flag', made.flags[0]!.id, 'clip'],
      ['export', `calls.csv?merchantId=${made.merchantId}`, 'export'],
    ]);
    expect(new Set(once.map((r) => r.after.merchantId))).toEqual(new Set([made.merchantId]));
    // Another session of the same person is another reading.
    await (await mod.session()).call('GET', `/api/cases/${caseId}`);
    const again = await reads(mod.user.id);
    expect(again).toHaveLength(5);
    expect(again[4]!.after.session).not.toBe(again[0]!.after.session);
  });

  it('concurrent reads in one session still leave one record', async () => {
    const mod = await reader('moderator');
    const client = await mod.session();
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.call('GET', `/api/cases/${caseId}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(await reads(mod.user.id)).toHaveLength(1);
  });

  it('a merchant reading its own data is not recorded; a refused read is not a read', async () => {
    const staff = await reader('merchant_staff');
    const client = await staff.session();
    expect((await client.call('GET', `/api/cases/${caseId}`)).status).toBe(200);
    expect((await client.call('GET', `/api/calls/${made.call.id}`)).status).toBe(200);
    expect(await reads(staff.user.id)).toHaveLength(0);
    const mod = await reader('moderator');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await (await mod.session()).call('GET', `/api/cases/${unknown}`)).status).toBe(404);
    expect(await reads(mod.user.id)).toHaveLength(0);
  });

  it('admins see the reads on the audit API, in the append-only trail', async () => {
    const mod = await reader('moderator');
    await (await mod.session()).call('GET', `/api/calls/${made.call.id}`);
    const admin = await reader('admin');
    const page = await (await admin.session()).call('GET', `/api/audit?action=merchant_data.read&limit=200`);
    expect(page.status).toBe(200);
    const mine = (page.body.data as { actorId: string; entityId: string }[]).filter((e) => e.actorId === mod.user.id);
    expect(mine.map((e) => e.entityId)).toEqual([made.call.id]);
    const refused = await db.sql()`delete from audit_events where action = 'merchant_data.read'`.then(
      () => 'deleted',
      (e: Error) => e.message,
    );
    expect(refused).not.toBe('deleted');
  });
});
