import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAudioStore } from '../../../pipelines/recording/local-store.js';
import { recordCallAudio, voice } from '../../../pipelines/recording/testing/record.js';
import { useTestDatabase } from '../../../test/db.js';
import { sessionHandle } from '../../../pipelines/auth/account.js';
import { createSessionFor, sha256 } from '../../../pipelines/auth/sessions.js';
import { fileAppeal } from '../../../pipelines/moderation/appeals.js';
import { claimCase } from '../../../pipelines/moderation/cases.js';
import { decideCase } from '../../../pipelines/moderation/decide.js';
import { openCaseForCall } from '../../../pipelines/moderation/open-cases.js';
import { moderationSettings } from '../../../pipelines/moderation/settings.js';
import { makeFlaggedCall, makeUser } from '../../../pipelines/moderation/testing/fixtures.js';
import { insertPromise } from '../../../db/queries/notes.js';
import { insertProof } from '../../../db/queries/promise-proofs.js';
import { insertSuggestion } from '../../../db/queries/suggestions.js';
import { createApp } from '../app.js';
import { clientFor } from './test-client.js';

/**
 * Every API route × every role, aimed at another merchant's (B's) ids. Merchant staff of A must
 * learn nothing about B: 404 for B's ids, 403 for routes their role may not use, and lists
 * without B's rows. The table must name every route the app serves: a new route without a row
 * fails this test.
 */
type Role = 'anonymous' | 'merchantA' | 'moderator' | 'admin';
type Expect = 401 | 403 | 404 | 'own-only' | 'allowed';

const TABLE: Record<string, Record<Role, Expect>> = {
  'POST /api/auth/login': { anonymous: 401, merchantA: 401, moderator: 401, admin: 401 },
  'POST /api/auth/logout': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/auth/me': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  // Wrong current password for everyone: the probe must not change anything.
  'POST /api/auth/password': { anonymous: 401, merchantA: 403, moderator: 403, admin: 403 },
  'GET /api/auth/sessions': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'POST /api/auth/sessions/revoke-others': {
    anonymous: 401,
    merchantA: 'own-only',
    moderator: 'allowed',
    admin: 'allowed',
  },
  // Aimed at B's staff's session: nobody else may end it.
  'POST /api/auth/sessions/:id/revoke': { anonymous: 401, merchantA: 404, moderator: 404, admin: 404 },
  'GET /api/cases': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/cases/cards': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/cases/:id': { anonymous: 401, merchantA: 404, moderator: 'allowed', admin: 'allowed' },
  'POST /api/cases/:id/claim': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'POST /api/cases/:id/release': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'POST /api/cases/:id/decide': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'POST /api/cases/:id/preview': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'POST /api/cases/claim-next': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'GET /api/decisions/:id/statement': { anonymous: 401, merchantA: 404, moderator: 'allowed', admin: 'allowed' },
  'GET /api/decisions/:id/statement/dsa': { anonymous: 401, merchantA: 404, moderator: 'allowed', admin: 'allowed' },
  'GET /api/appeals': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'POST /api/appeals': { anonymous: 401, merchantA: 404, moderator: 403, admin: 403 },
  'GET /api/appeals/:id': { anonymous: 401, merchantA: 404, moderator: 'allowed', admin: 'allowed' },
  'POST /api/appeals/:id/claim': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'POST /api/appeals/:id/decide': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'POST /api/appeals/:id/preview': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'GET /api/penalties': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/penalties/standing': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/rules': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'PUT /api/rules/:ruleId/policy': { anonymous: 401, merchantA: 403, moderator: 403, admin: 'allowed' },
  'GET /api/users': { anonymous: 401, merchantA: 403, moderator: 403, admin: 'allowed' },
  'POST /api/users': { anonymous: 401, merchantA: 403, moderator: 403, admin: 'allowed' },
  'PUT /api/users/:id': { anonymous: 401, merchantA: 403, moderator: 403, admin: 'allowed' },
  'POST /api/users/:id/password-reset': { anonymous: 401, merchantA: 403, moderator: 403, admin: 'allowed' },
  'POST /api/users/:id/unlock': { anonymous: 401, merchantA: 403, moderator: 403, admin: 'allowed' },
  'GET /api/approvals': { anonymous: 401, merchantA: 403, moderator: 403, admin: 'allowed' },
  // Aimed at B's staff id, which is no approval: 404 even for an admin.
  'POST /api/approvals/:id/approve': { anonymous: 401, merchantA: 403, moderator: 403, admin: 404 },
  'POST /api/approvals/:id/reject': { anonymous: 401, merchantA: 403, moderator: 403, admin: 404 },
  'GET /api/audit': { anonymous: 401, merchantA: 403, moderator: 403, admin: 'allowed' },
  'GET /api/audit/verify': { anonymous: 401, merchantA: 403, moderator: 403, admin: 'allowed' },
  'GET /api/calls': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/calls/live': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/calls/:id': { anonymous: 401, merchantA: 404, moderator: 'allowed', admin: 'allowed' },
  'POST /api/calls/:id/suggestions/:suggestionId/feedback': {
    anonymous: 401,
    merchantA: 404,
    moderator: 403,
    admin: 403,
  },
  'POST /api/calls/:id/feedback': { anonymous: 401, merchantA: 404, moderator: 403, admin: 403 },
  'GET /api/policies': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/export/calls.csv': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/export/flags.csv': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/export/decisions.csv': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/merchants': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'GET /api/promises': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'GET /api/demo': { anonymous: 401, merchantA: 'own-only', moderator: 'allowed', admin: 'allowed' },
  'POST /api/demo/play': { anonymous: 401, merchantA: 404, moderator: 403, admin: 403 },
  'GET /api/promises/:id': { anonymous: 401, merchantA: 404, moderator: 'allowed', admin: 'allowed' },
  'POST /api/promises/:id/proofs': { anonymous: 401, merchantA: 404, moderator: 403, admin: 403 },
  'GET /api/promises/:id/proofs/:proofId': { anonymous: 401, merchantA: 404, moderator: 'allowed', admin: 'allowed' },
  // Machine to machine: no session helps; only the platform's signature does (none here).
  'POST /api/platform/order-events': { anonymous: 401, merchantA: 401, moderator: 401, admin: 401 },
  'GET /api/stats/moderation': { anonymous: 401, merchantA: 403, moderator: 'allowed', admin: 'allowed' },
  'GET /api/flags/:id/clip': { anonymous: 401, merchantA: 404, moderator: 'allowed', admin: 'allowed' },
};

/** The live stream never ends by itself: the test reads its first message, then hangs up. */
const STREAMS = new Set(['GET /api/calls/live']);

const db = useTestDatabase();
const audioDir = mkdtempSync(join(tmpdir(), 'kefu-access-audio-'));
afterAll(() => rmSync(audioDir, { recursive: true, force: true }));
const settings = moderationSettings();
let app: ReturnType<typeof createApp>;
const users = {} as Record<Exclude<Role, 'anonymous'>, { id: string }>;
let b: {
  merchantId: string;
  callId: string;
  caseId: string;
  flagId: string;
  decisionId: string;
  appealId: string;
  staffId: string;
  staffEmail: string;
  suggestionId: string;
  sessionHandle: string;
  promiseId: string;
  proofId: string;
};

beforeAll(async () => {
  const sql = db.sql();
  const audio = localAudioStore(audioDir);
  app = createApp({ sql, components: [], webhookSecret: 'access-test-secret-0123456789', audio });
  const a = await makeFlaggedCall(sql, [{}]);
  await openCaseForCall(sql, a.call.id, settings);
  users.merchantA = await makeUser(sql, 'merchant_staff', a.merchantId);
  users.moderator = await makeUser(sql, 'moderator');
  users.admin = await makeUser(sql, 'admin');

  const made = await makeFlaggedCall(sql, [{ ruleId: 'zh.only.merchant-b' }]);
  const staffB = await makeUser(sql, 'merchant_staff', made.merchantId);
  // B's call was recorded, so its flag has a clip to (not) give away.
  await recordCallAudio(sql, audio, made.call.id, { merchant: voice(5, 1), customer: voice(5, 2) });
  const decider = await makeUser(sql, 'moderator');
  const deciderActor = { kind: 'user', id: decider.id, role: 'moderator', merchantId: null } as const;
  const opened = await openCaseForCall(sql, made.call.id, settings);
  await claimCase(sql, deciderActor, opened!.case.id, settings);
  const { decisions } = await decideCase(
    sql,
    deciderActor,
    opened!.case.id,
    {
      penalty: 'ladder',
      flags: [
        { flagId: made.flags[0]!.id, outcome: 'upheld', reasonCode: 'CONTACT_OFF_PLATFORM', reasonText: '索要微信' },
      ],
    },
    settings,
  );
  const appeal = await fileAppeal(
    sql,
    { kind: 'user', id: staffB.id, role: 'merchant_staff', merchantId: made.merchantId },
    { decisionId: decisions[0]!.id, statement: 'B 的申诉', attachments: [] },
    settings,
  );
  const suggestion = await insertSuggestion(sql, {
    callId: made.call.id,
    afterUtteranceId: made.utterances[0]!.id,
    kind: 'reply',
    text: 'B 的建议',
    payload: {},
    policyIds: [],
    engine: 'test',
  });
  const promise = await insertPromise(sql, {
    callId: made.call.id,
    merchantId: made.merchantId,
    utteranceId: made.utterances[1]!.id,
    speakerRole: 'merchant',
    action: 'refund',
    text: 'B 的承诺',
    deadline: null,
    conditional: false,
  });
  const proof = await insertProof(sql, {
    promiseId: promise.id,
    merchantId: made.merchantId,
    addedBy: staffB.id,
    text: 'B 的凭证',
    file: { name: 'b.txt', type: 'text/plain', data: Buffer.from('B') },
  });
  b = {
    promiseId: promise.id,
    proofId: proof.id,
    merchantId: made.merchantId,
    callId: made.call.id,
    caseId: opened!.case.id,
    flagId: made.flags[0]!.id,
    decisionId: decisions[0]!.id,
    appealId: appeal.id,
    staffId: staffB.id,
    staffEmail: staffB.email,
    suggestionId: suggestion.id,
    sessionHandle: sessionHandle(sha256((await createSessionFor(sql, staffB.id)).token)),
  };
});

function request(route: string): { method: string; path: string; body?: unknown } {
  const [method, pattern] = route.split(' ') as [string, string];
  const id = pattern.startsWith('/api/auth/sessions')
    ? b.sessionHandle
    : pattern.startsWith('/api/cases')
      ? b.caseId
      : pattern.startsWith('/api/decisions')
        ? b.decisionId
        : pattern.startsWith('/api/appeals')
          ? b.appealId
          : pattern.startsWith('/api/calls')
            ? b.callId
            : pattern.startsWith('/api/promises')
              ? b.promiseId
              : pattern.startsWith('/api/flags')
                ? b.flagId
                : b.staffId;
  const byMerchant = [
    'GET /api/penalties',
    'GET /api/penalties/standing',
    'GET /api/calls',
    'GET /api/calls/live',
    'GET /api/promises',
  ];
  const path =
    pattern
      .replace(':id', id)
      .replace(':ruleId', 'zh.contact.invite-frame')
      .replace(':suggestionId', b.suggestionId)
      .replace(':proofId', b.proofId) + (byMerchant.includes(route) ? `?merchantId=${b.merchantId}` : '');
  const bodies: Record<string, unknown> = {
    'POST /api/auth/login': { email: b.staffEmail, password: 'not-the-password' },
    'POST /api/auth/password': { currentPassword: 'not-the-password', newPassword: 'probe-password-2' },
    'POST /api/cases/:id/decide': {
      penalty: 'none',
      flags: [{ flagId: b.flagId, outcome: 'dismissed', reasonCode: 'FALSE_POSITIVE', reasonText: 'probe' }],
    },
    'POST /api/appeals': { decisionId: b.decisionId, statement: 'probe' },
    'POST /api/appeals/:id/decide': { outcome: 'overturned_fully', outcomeText: 'probe' },
    'POST /api/cases/:id/preview': { penalty: 'ladder', flags: [{ flagId: b.flagId, outcome: 'upheld' }] },
    'POST /api/appeals/:id/preview': { outcome: 'overturned_fully' },
    'PUT /api/rules/:ruleId/policy': { judgment: 'auto', reason: 'probe' },
    'POST /api/users': {
      email: `probe-${Math.random()}@t.kefu`,
      displayName: 'p',
      role: 'merchant_staff',
      merchantId: b.merchantId,
      password: 'probe-password-1',
    },
    'PUT /api/users/:id': { displayName: 'probe', role: 'merchant_staff', merchantId: b.merchantId },
    'POST /api/calls/:id/suggestions/:suggestionId/feedback': { action: 'used' },
    'POST /api/promises/:id/proofs': { text: 'probe' },
    'POST /api/platform/order-events': {
      eventId: 'probe',
      orderId: 'probe',
      type: 'shipped',
      at: '2026-11-23T00:00:00Z',
    },
    'POST /api/calls/:id/feedback': { v: 1, type: 'suggestion.dismissed', suggestionId: b.suggestionId },
  };
  return { method, path, body: bodies[route] };
}

async function firstMessage(path: string, session?: { token: string }) {
  const res = await app.request(path, { headers: session ? { cookie: `kefu_session=${session.token}` } : {} });
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  const text = new TextDecoder().decode(value);
  return {
    status: res.status,
    text,
    body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { ok: true },
  };
}

describe('access control: every route × every role against another merchant', () => {
  it('the table covers exactly the routes the app serves', () => {
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    expect([...new Set(served)].sort()).toEqual(Object.keys(TABLE).sort());
  });

  const rows = Object.entries(TABLE).flatMap(([route, byRole]) =>
    (Object.entries(byRole) as [Role, Expect][]).map(([role, expected]) => ({ route, role, expected })),
  );

  it.each(rows)('$route as $role → $expected', async ({ route, role, expected }) => {
    const session = role === 'anonymous' ? undefined : await createSessionFor(db.sql(), users[role].id);
    const { method, path, body } = request(route);
    const res = STREAMS.has(route)
      ? await firstMessage(path, session)
      : await clientFor(app, session).call(method, path, body);
    const secrets = [
      b.promiseId,
      b.proofId,
      b.merchantId,
      b.callId,
      b.caseId,
      b.flagId,
      b.decisionId,
      b.appealId,
      b.staffId,
      b.staffEmail,
    ];
    if (expected === 'allowed') {
      expect(res.status, res.text).not.toBeOneOf([401, 403, 404, 500]);
      // A reviewer's export holds every merchant's rows; merchant A's (below) none of B's.
      if (route.endsWith('.csv')) expect(res.text).toContain(b.merchantId);
      return;
    }
    if (expected === 'own-only') expect(res.status).toBe(200);
    else expect(res).toMatchObject({ status: expected, body: { ok: false } });
    for (const s of secrets) expect(res.text).not.toContain(s);
  });
});
