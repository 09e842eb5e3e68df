import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { terminalSafe } from '../../../cli/terminal-safe.js';
import { useTestDatabase } from '../../../test/db.js';
import { createApp } from '../app.js';
import { signedInUser } from './testing.js';

/** The low findings: bad numbers and text as 500s, login CSRF, headers, bogus rule ids, raw terminal output, audit paging. */
const db = useTestDatabase();
const app = () => createApp({ sql: db.sql(), components: [] });

describe('input that cannot throw past validation', () => {
  it('minAgeHours=1e308, NUL bytes and lone surrogates in queries are 400, not 500', async () => {
    const a = app();
    const mod = await signedInUser(a, db.sql(), 'moderator');
    for (const q of ['minAgeHours=1e308', 'maxAgeHours=1e20', 'status=open%00', 'merchantId=a%00b']) {
      const res = await mod.client.call('GET', `/api/${q.startsWith('merchantId') ? 'penalties' : 'cases'}?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    }
    const calls = await mod.client.call('GET', '/api/calls?merchantId=%ED%A0%80');
    expect(calls.status).not.toBe(500);
  });

  it('NUL bytes and lone surrogates in stored text are refused with 400 naming the field', async () => {
    const a = app();
    const admin = await signedInUser(a, db.sql(), 'admin');
    for (const reason of ['a\u0000b', 'x\ud800y', '\udc00']) {
      const res = await admin.client.call('PUT', '/api/rules/zh.contact.invite-frame/policy', {
        judgment: 'review',
        reason,
      });
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toMatch(/^reason: contains a NUL byte or an unpaired surrogate/);
    }
    const fine = await admin.client.call('PUT', '/api/rules/zh.contact.invite-frame/policy', {
      judgment: 'review',
      reason: '好 😀',
    });
    expect(fine.status).toBe(200);
  });

  it('malformed percent-encoding in a static path is 400 with the error shape, and the raw path is not logged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-client-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>k</title>');
    const a = createApp({ sql: db.sql(), components: [], clientDir: dir });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await a.request('/cases/%E0%A4%A-secret-%ZZ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(JSON.stringify(spy.mock.calls)).not.toContain('secret');
    spy.mockRestore();
  });
});

describe('login CSRF and headers', () => {
  const post = (a: ReturnType<typeof app>, headers: Record<string, string>, body: string) =>
    a.request('/api/auth/login', { method: 'POST', headers, body });

  it('a cross-site text/plain form post cannot sign anyone in; nor can another Origin or cross-site fetch', async () => {
    const a = app();
    const body = JSON.stringify({ email: 'attacker@t.kefu', password: 'x' });
    for (const headers of <Record<string, string>[]>[
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      { 'content-type': 'application/json', origin: 'null' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await post(a, headers, body);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'CSRF_INVALID' } });
    }
    const same = await post(
      a,
      { 'content-type': 'application/json', origin: 'http://localhost', host: 'localhost' },
      body,
    );
    expect(same.status).toBe(401);
  });

  it('security headers on pages and API, no-store on the API', async () => {
    const a = app();
    for (const path of ['/', '/api/auth/me']) {
      const res = await a.request(path);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect((await a.request('/api/auth/me')).headers.get('cache-control')).toBe('no-store');
  });

  it('the session cookie is Secure over TLS, and behind a proxy only when KEFU_TRUST_PROXY says so', async () => {
    const sql = db.sql();
    const { upsertUser } = await import('../../../db/queries/people.js');
    const { hashPassword } = await import('../../../pipelines/auth/password.js');
    await upsertUser(sql, {
      email: 'cookie@t.kefu',
      displayName: 'C',
      role: 'moderator',
      merchantId: null,
      passwordHash: await hashPassword('cookie-password-1'),
    });
    const body = JSON.stringify({ email: 'cookie@t.kefu', password: 'cookie-password-1' });
    const login = (trustProxy: boolean, headers: Record<string, string> = {}) =>
      createApp({ sql, components: [], security: { trustProxy } }).request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const proto = { 'x-forwarded-proto': 'https' };
    expect((await login(true, proto)).headers.get('set-cookie')).toMatch(/; Secure/);
    expect((await login(false, proto)).headers.get('set-cookie')).not.toMatch(/; Secure/);
    expect((await login(true)).headers.get('set-cookie')).not.toMatch(/; Secure/);
  });
});

describe('rule policies, terminal output, audit paging', () => {
  it('a policy for a rule id no rule file defines is 404 and never lists as a rule', async () => {
    const a = app();
    const admin = await signedInUser(a, db.sql(), 'admin');
    const res = await admin.client.call('PUT', '/api/rules/zh.made.up/policy', { judgment: 'review', reason: 'x' });
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const rules = (await admin.client.call('GET', '/api/rules')).body.data as { ruleId: string }[];
    expect(rules.map((r) => r.ruleId)).not.toContain('zh.made.up');
  });

  it('control characters and bidi overrides from input are escaped before they reach the terminal', () => {
    expect(terminalSafe('line 3: bad \u001b[2J\u001b]0;pwned\u0007 \u202eevil\r')).toBe(
      'line 3: bad \\x1b[2J\\x1b]0;pwned\\x07 \\u202eevil\\x0d',
    );
    expect(terminalSafe('多行\n\tok')).toBe('多行\n\tok');
  });

  it('GET /api/audit is paginated, newest first', async () => {
    const a = app();
    const admin = await signedInUser(a, db.sql(), 'admin');
    for (let i = 0; i < 3; i++)
      await admin.client.call('PUT', '/api/rules/zh.contact.invite-frame/policy', {
        judgment: 'review',
        reason: `r${i}`,
      });
    const page = (await admin.client.call('GET', '/api/audit?entityType=rule_policy&limit=2')).body.data as {
      id: number;
    }[];
    expect(page).toHaveLength(2);
    expect(page[0]!.id).toBeGreaterThan(page[1]!.id);
    const next = (await admin.client.call('GET', '/api/audit?entityType=rule_policy&limit=2&offset=2')).body.data as {
      id: number;
    }[];
    expect(next[0]!.id).toBeLessThan(page[1]!.id);
    expect((await admin.client.call('GET', '/api/audit?limit=100000')).status).toBe(400);
  });
});
