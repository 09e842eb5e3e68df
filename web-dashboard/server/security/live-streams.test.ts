import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../core/events.js';
import { CallEventBus } from '../../../pipelines/session/event-bus.js';
import { useTestDatabase } from '../../../test/db.js';
import { createApp } from '../app.js';
import { LiveFeed } from '../live/feed.js';
import { openStream, signedInUser, SseReader } from './testing.js';

/** Finding: live streams outlived their session (logout, merchant change). */
const db = useTestDatabase();
const bus = new CallEventBus();
const RECHECK_MS = 300;

function setup() {
  const sql = db.sql();
  const app = createApp({ sql, components: [], live: new LiveFeed(bus), security: { streamRecheckMs: RECHECK_MS } });
  return { sql, app };
}

async function merchant(sql: ReturnType<typeof db.sql>, id: string) {
  await sql`insert into merchants (id, name) values (${id}, ${id}) on conflict do nothing`;
  return id;
}

const event = (merchantId: string, n: number): CallEvent => ({
  type: 'call.started',
  callId: `call-${n}`,
  room: `room-secret-${n}`,
  merchantId,
  startedAt: new Date().toISOString(),
});

describe('live streams end with their session', () => {
  it('sign-out closes an open stream at once and nothing more is delivered', async () => {
    const { sql, app } = setup();
    const m = await merchant(sql, 'm-live-1');
    const staff = await signedInUser(app, sql, 'merchant_staff', m);
    const sse = new SseReader(await openStream(app, staff.session));
    expect(await sse.until('event: ready')).toBe(true);
    bus.publish({ merchantId: m, event: event(m, 1) });
    expect(await sse.until('room-secret-1')).toBe(true);
    expect((await staff.client.call('POST', '/api/auth/logout')).status).toBe(200);
    expect(await sse.until('event: closed', 2_000)).toBe(true);
    bus.publish({ merchantId: m, event: event(m, 2) });
    await sse.until('room-secret-2', 500);
    expect(sse.text).not.toContain('room-secret-2');
    await sse.cancel();
  });

  it('a merchant change by an admin closes the stream before the next batch', async () => {
    const { sql, app } = setup();
    const m = await merchant(sql, 'm-live-2');
    const other = await merchant(sql, 'm-live-3');
    const admin = await signedInUser(app, sql, 'admin');
    const staff = await signedInUser(app, sql, 'merchant_staff', m);
    const sse = new SseReader(await openStream(app, staff.session));
    expect(await sse.until('event: ready')).toBe(true);
    const moved = await admin.client.call('PUT', `/api/users/${staff.user.id}`, {
      displayName: 'moved',
      role: 'merchant_staff',
      merchantId: other,
    });
    expect(moved.status).toBe(200);
    bus.publish({ merchantId: m, event: event(m, 3) });
    expect(await sse.until('event: closed', 2_000)).toBe(true);
    expect(sse.text).not.toContain('room-secret-3');
    await sse.cancel();
  });

  it('a session ended by another process (row deleted) closes an idle stream within the re-check period', async () => {
    const { sql, app } = setup();
    const m = await merchant(sql, 'm-live-4');
    const staff = await signedInUser(app, sql, 'merchant_staff', m);
    const sse = new SseReader(await openStream(app, staff.session));
    expect(await sse.until('event: ready')).toBe(true);
    await sql`delete from sessions where user_id = ${staff.user.id}`;
    const started = Date.now();
    expect(await sse.until('event: closed', RECHECK_MS * 8)).toBe(true);
    expect(Date.now() - started).toBeLessThan(RECHECK_MS * 8);
    await sse.cancel();
  });

  it('a user holds at most 3 streams at once; closing one frees a place', async () => {
    const { sql, app } = setup();
    const m = await merchant(sql, 'm-live-5');
    const staff = await signedInUser(app, sql, 'merchant_staff', m);
    const open = [];
    for (let i = 0; i < 3; i++) {
      const sse = new SseReader(await openStream(app, staff.session));
      expect(await sse.until('event: ready')).toBe(true);
      open.push(sse);
    }
    const refused = await openStream(app, staff.session);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    await open.pop()!.cancel();
    await new Promise((r) => setTimeout(r, RECHECK_MS * 2));
    const again = new SseReader(await openStream(app, staff.session));
    expect(await again.until('event: ready')).toBe(true);
    for (const s of [...open, again]) await s.cancel();
  });
});
