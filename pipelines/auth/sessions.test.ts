import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { upsertUser } from '../../db/queries/people.js';
import { createApp } from '../../web-dashboard/server/app.js';
import { hashPassword } from './password.js';

const db = useTestDatabase();

describe('sessions over HTTP', () => {
  it('signs in with an httpOnly cookie, needs the CSRF token to change state, and signs out', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    await upsertUser(sql, {
      email: 'mod@t.kefu',
      displayName: 'M',
      role: 'moderator',
      merchantId: null,
      passwordHash: await hashPassword('right-password'),
    });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    const wrong = await post('/api/auth/login', { email: 'mod@t.kefu', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Email or password is wrong.' },
    });
    expect((await post('/api/auth/login', { email: 'nobody@t.kefu', password: 'nope' })).status).toBe(401);
    expect((await post('/api/auth/login', { email: 'not an email' })).status).toBe(400);

    const res = await post('/api/auth/login', { email: 'MOD@t.kefu', password: 'right-password' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/kefu_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const { data } = (await res.json()) as { data: { csrfToken: string; user: { role: string } } };
    expect(data.user.role).toBe('moderator');
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const [stored] = await sql<{ id: string }[]>`select id from sessions`;
    expect(stored!.id).not.toBe(token);
    expect(stored!.id).toMatch(/^[0-9a-f]{64}$/);

    const me = await app.request('/api/auth/me', { headers: { cookie: `kefu_session=${token}` } });
    expect(me.status).toBe(200);
    expect((await post('/api/auth/logout', {}, { cookie: `kefu_session=${token}` })).status).toBe(403);
    expect(
      (await post('/api/auth/logout', {}, { cookie: `kefu_session=${token}`, 'x-csrf-token': 'forged' })).status,
    ).toBe(403);
    expect(
      (await post('/api/auth/logout', {}, { cookie: `kefu_session=${token}`, 'x-csrf-token': data.csrfToken })).status,
    ).toBe(200);
    expect((await app.request('/api/auth/me', { headers: { cookie: `kefu_session=${token}` } })).status).toBe(401);
    expect((await app.request('/api/cases')).status).toBe(401);
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/')).status).toBe(200);
  });
});
