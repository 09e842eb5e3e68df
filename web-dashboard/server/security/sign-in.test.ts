import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { upsertUser } from '../../../db/queries/people.js';
import { hashPassword } from '../../../pipelines/auth/password.js';
import { useTestDatabase } from '../../../test/db.js';
import { clientFor } from '../api/test-client.js';
import { createApp } from '../app.js';
import { signedInUser } from './testing.js';

/** Finding: no brute-force protection, no password change/reset, no session list or revoke. */
const db = useTestDatabase();
const PASSWORD = 'right-password-1';
// About twenty sign-ins, each a scrypt check: on a busy shared machine more than the default 30 s.
const SCRYPT_HEAVY = 120_000;

function setup(trustProxy = true) {
  const sql = db.sql();
  return { sql, app: createApp({ sql, components: [], security: { trustProxy } }) };
}

async function account(sql: ReturnType<typeof db.sql>, role: 'moderator' | 'admin' = 'moderator') {
  const email = `u-${crypto.randomUUID().slice(0, 8)}@t.kefu`;
  const user = await upsertUser(sql, {
    email,
    displayName: 'U',
    role,
    merchantId: null,
    passwordHash: await hashPassword(PASSWORD),
  });
  return { ...user, email };
}

let addressSeq = 0;
const freshAddress = () => `10.0.${Math.floor(++addressSeq / 250)}.${addressSeq % 250}`;

function login(app: ReturnType<typeof createApp>, email: string, password: string, address = freshAddress()) {
  return app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
}

/** Freezes the app's clock (Date only; timers and I/O run as usual) until the test ends. */
function freezeClock() {
  let at = Date.now();
  vi.useFakeTimers({ toFake: ['Date'], now: at });
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
      vi.setSystemTime(at);
    },
  };
}
afterEach(() => {
  vi.useRealTimers();
});

const cookieOf = (res: Response) => /kefu_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

describe('sign-in throttling', () => {
  it(
    'per account: 3 free failures, then 429 with a Retry-After that doubles, then a lockout only an admin lifts',
    async () => {
      const { sql, app } = setup();
      const victim = await account(sql);
      const waits: number[] = [];
      // The throttle reads the app's clock, frozen here and moved on by hand: a block of 1 s must
      // not run out while a loaded machine is between two requests.
      const clock = freezeClock();
      for (let i = 1; i <= 10; i++) {
        // Time passes: the previous block (at most 32 s here) has run out, so this attempt reaches the password check.
        clock.advance(40_000);
        expect((await login(app, victim.email, 'wrong')).status).toBe(401);
        const blocked = await login(app, victim.email, PASSWORD);
        if (i <= 3) {
          expect(blocked.status).toBe(200);
          await sql`delete from sign_in_throttle where key = ${`account:${victim.email}`}`;
          await sql`insert into sign_in_throttle (key, failures, last_failure_at, blocked_until, locked) values (${`account:${victim.email}`}, ${i}, ${clock.now()}, ${clock.now()}, false)`;
          continue;
        }
        if (i < 10) {
          expect(blocked.status).toBe(429);
          expect(await blocked.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
          waits.push(Number(blocked.headers.get('retry-after')));
        } else {
          expect(blocked.status).toBe(423);
          expect(await blocked.json()).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
        }
      }
      expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
      clock.advance(15 * 60_000);
      expect((await login(app, victim.email, PASSWORD)).status).toBe(423);

      const admin = await signedInUser(app, sql, 'admin');
      expect((await admin.client.call('POST', `/api/users/${victim.id}/unlock`)).body.data).toEqual({
        wasLocked: true,
      });
      expect((await login(app, victim.email, PASSWORD)).status).toBe(200);
      const [lift] =
        await sql`select actor_id from audit_events where action = 'user.unlocked' and entity_id = ${victim.id}`;
      expect(lift?.actorId).toBe(admin.user.id);
      const [lock] =
        await sql`select count(*)::int as n from audit_events where action = 'user.locked' and entity_id = ${victim.id}`;
      expect(lock?.n).toBe(1);
    },
    SCRYPT_HEAVY,
  );

  it(
    'per address: many accounts guessed from one address are throttled, and a spoofed X-Forwarded-For is ignored unless configured',
    async () => {
      const { sql, app } = setup();
      const address = freshAddress();
      const someone = await account(sql);
      freezeClock();
      for (let i = 0; i < 10; i++) expect((await login(app, `nobody${i}@t.kefu`, 'x', address)).status).toBe(401);
      // The 11th failure blocks the address (1 s): even a right password from it must wait.
      expect((await login(app, 'nobody-10@t.kefu', 'x', address)).status).toBe(401);
      const res = await login(app, someone.email, PASSWORD, address);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

      const direct = createApp({ sql, components: [], security: { trustProxy: false } });
      const rows = await sql`select key from sign_in_throttle where key like 'address:%'`;
      await login(direct, 'nobody-x@t.kefu', 'x', '203.0.113.9');
      const after = await sql`select key from sign_in_throttle where key like 'address:%'`;
      expect(after.map((r) => r.key)).not.toContain('address:203.0.113.9');
      expect(after.length).toBeGreaterThanOrEqual(rows.length);
    },
    SCRYPT_HEAVY,
  );

  it('sign-in, failed sign-in and sign-out are audited (unknown emails by digest only)', async () => {
    const { sql, app } = setup();
    const u = await account(sql);
    await login(app, u.email, 'wrong');
    await login(app, 'stranger@t.kefu', 'wrong');
    const res = await login(app, u.email, PASSWORD);
    const session = { token: cookieOf(res)!, csrfToken: ((await res.json()) as any).data.csrfToken };
    await clientFor(app, session).call('POST', '/api/auth/logout');
    const events = await sql<{ action: string; entityId: string }[]>`
      select action, entity_id from audit_events where action like 'session.%' order by id`;
    const mine = events.filter((e) => e.entityId === u.id).map((e) => e.action);
    expect(mine).toEqual(['session.sign_in_failed', 'session.signed_in', 'session.signed_out']);
    const digest = createHash('sha256').update('stranger@t.kefu').digest('hex');
    expect(events.filter((e) => e.entityId === digest).map((e) => e.action)).toEqual(['session.sign_in_failed']);
    const all = await sql`select after::text as a from audit_events`;
    expect(all.map((r) => r.a).join()).not.toContain('stranger@t.kefu');
  });
});

describe('passwords and sessions', () => {
  it('a password change checks the current one, ends every session and hands the caller a fresh one', async () => {
    const { sql, app } = setup();
    const u = await account(sql);
    const first = await login(app, u.email, PASSWORD);
    const other = await login(app, u.email, PASSWORD);
    const me = { token: cookieOf(first)!, csrfToken: ((await first.json()) as any).data.csrfToken };
    const wrong = await clientFor(app, me).call('POST', '/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'new-password-22',
    });
    expect(wrong.status).toBe(403);
    const res = await app.request('/api/auth/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `kefu_session=${me.token}`, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'new-password-22' }),
    });
    expect(res.status).toBe(200);
    const fresh = { token: cookieOf(res)!, csrfToken: ((await res.json()) as any).data.csrfToken };
    expect((await clientFor(app, me).call('GET', '/api/auth/me')).status).toBe(401);
    expect((await clientFor(app, { token: cookieOf(other)!, csrfToken: '' }).call('GET', '/api/auth/me')).status).toBe(
      401,
    );
    expect((await clientFor(app, fresh).call('GET', '/api/auth/me')).status).toBe(200);
    expect((await login(app, u.email, PASSWORD)).status).toBe(401);
    expect((await login(app, u.email, 'new-password-22')).status).toBe(200);
  });

  it('an admin-issued reset gives a one-time temporary password, ends sessions, is audited; not for oneself', async () => {
    const { sql, app } = setup();
    const u = await account(sql);
    const before = await login(app, u.email, PASSWORD);
    const admin = await signedInUser(app, sql, 'admin');
    const reset = await admin.client.call('POST', `/api/users/${u.id}/password-reset`);
    expect(reset.status).toBe(200);
    const temp = reset.body.data.temporaryPassword as string;
    expect(temp.length).toBeGreaterThanOrEqual(16);
    expect((await clientFor(app, { token: cookieOf(before)!, csrfToken: '' }).call('GET', '/api/auth/me')).status).toBe(
      401,
    );
    expect((await login(app, u.email, temp)).status).toBe(200);
    const audit = await sql`select after::text as a from audit_events where action = 'user.password_reset'`;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.a ?? '').not.toContain(temp);
    expect((await admin.client.call('POST', `/api/users/${admin.user.id}/password-reset`)).status).toBe(403);
  });

  it('a user lists their sessions and revokes one or all others; never another user’s', async () => {
    const { sql, app } = setup();
    const u = await account(sql);
    const a = await login(app, u.email, PASSWORD);
    const b = await login(app, u.email, PASSWORD);
    const c = await login(app, u.email, PASSWORD);
    const me = clientFor(app, { token: cookieOf(a)!, csrfToken: ((await a.json()) as any).data.csrfToken });
    const list = (await me.call('GET', '/api/auth/sessions')).body.data as { id: string; current: boolean }[];
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const target = list.find((s) => !s.current)!.id;
    const stranger = await signedInUser(app, sql, 'moderator');
    expect((await stranger.client.call('POST', `/api/auth/sessions/${target}/revoke`)).status).toBe(404);
    expect((await me.call('POST', `/api/auth/sessions/${target}/revoke`)).body.data).toEqual({ revoked: 1 });
    expect((await me.call('POST', '/api/auth/sessions/revoke-others')).body.data).toEqual({ revoked: 1 });
    for (const res of [b, c])
      expect((await clientFor(app, { token: cookieOf(res)!, csrfToken: '' }).call('GET', '/api/auth/me')).status).toBe(
        401,
      );
    expect((await me.call('GET', '/api/auth/sessions')).body.data).toHaveLength(1);
  });

  it('at most 5 sessions per user (the oldest ends), and expired sessions are deleted', async () => {
    const { sql, app } = setup();
    const u = await account(sql);
    await sql`insert into sessions (id, user_id, csrf_token, expires_at) values ('expired-x', ${u.id}, 'c', now() - interval '1 hour')`;
    const cookies: string[] = [];
    for (let i = 0; i < 6; i++) cookies.push(cookieOf(await login(app, u.email, PASSWORD))!);
    const [{ n }] = (await sql`select count(*)::int as n from sessions where user_id = ${u.id}`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(5);
    expect(await sql`select 1 from sessions where id = 'expired-x'`).toHaveLength(0);
    expect((await clientFor(app, { token: cookies[0]!, csrfToken: '' }).call('GET', '/api/auth/me')).status).toBe(401);
    expect((await clientFor(app, { token: cookies[5]!, csrfToken: '' }).call('GET', '/api/auth/me')).status).toBe(200);
  });
});
