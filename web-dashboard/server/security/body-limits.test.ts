import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/db.js';
import { createApp } from '../app.js';
import { listen } from '../serve.js';
import { signedInUser } from './testing.js';

/** Finding: no request size limit (a 300 MB login body was parsed whole). */
const db = useTestDatabase();

/** A body that never ends by itself; counts how many bytes the server pulled from it. */
function endless(chunk = 64 * 1024) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  return { body, pulled: () => pulled };
}

describe('body limits are enforced while reading', () => {
  it('an endless chunked login body is cut off after the 4 KiB auth limit with 413 and the error shape', async () => {
    const app = createApp({ sql: db.sql(), components: [] });
    const stream = endless();
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: stream.body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(stream.pulled()).toBeLessThan(1024 * 1024);
  });

  it('a declared 300 MB body over real HTTP is refused before it is sent', async () => {
    const server = await listen(createApp({ sql: db.sql(), components: [] }), { host: '127.0.0.1', port: 0 });
    try {
      const { request } = await import('node:http');
      const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(300 * 1024 * 1024) },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.write('{"email":"');
      });
      expect(status.status).toBe(413);
      expect(JSON.parse(status.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    } finally {
      await server.close();
    }
  });

  it('a 6 MB appeal is refused by the appeals limit; a 1 MB one reaches validation', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    await sql`insert into merchants (id, name) values ('m-body', 'm') on conflict do nothing`;
    const staff = await signedInUser(app, sql, 'merchant_staff', 'm-body');
    const big = await staff.client.call('POST', '/api/appeals', { statement: 'x'.repeat(6 * 1024 * 1024) });
    expect(big).toMatchObject({ status: 413, body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } } });
    const ok = await staff.client.call('POST', '/api/appeals', {
      decisionId: crypto.randomUUID(),
      statement: 'a',
      attachments: [{ name: 'a.txt', text: 'y'.repeat(90_000) }],
    });
    expect(ok.status).toBe(404);
  });

  it('other routes take 64 KiB', async () => {
    const sql = db.sql();
    const app = createApp({ sql, components: [] });
    const admin = await signedInUser(app, sql, 'admin');
    const res = await admin.client.call('PUT', '/api/rules/zh.contact.invite-frame/policy', {
      judgment: 'review',
      reason: 'r'.repeat(70 * 1024),
    });
    expect(res).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
  });
});
