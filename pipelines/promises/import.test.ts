import { describe, expect, it } from 'vitest';
import { createCall, insertUtterance } from '../../db/queries/calls.js';
import { insertPromise } from '../../db/queries/notes.js';
import { useTestDatabase } from '../../test/db.js';
import { importOrderEvents } from './import.js';
import { openPromise } from './terms.js';
import { makeMerchantWithOrders } from './testing.js';

const db = useTestDatabase();

describe('importOrderEvents', () => {
  it('imports the good lines, names each bad one by number, and a re-run changes nothing', async () => {
    const sql = db.sql();
    await makeMerchantWithOrders(sql, 'm-import', [{ id: 'o-imp-1', buyerId: 'b-1', amount: 30 }]);
    const call = await createCall(sql, {
      room: 'room-import',
      merchantId: 'm-import',
      buyerId: 'b-1',
      orderIds: ['o-imp-1'],
      startedAt: new Date('2026-11-23T02:00:00Z'),
    });
    const u = await insertUtterance(sql, {
      callId: call.id,
      speaker: 'merchant',
      text: '今天给您发货',
      startMs: 0,
      endMs: 1000,
      engine: 'transcript',
      confidence: null,
    });
    const p = await insertPromise(sql, {
      callId: call.id,
      merchantId: 'm-import',
      utteranceId: u.id,
      speakerRole: 'merchant',
      action: 'ship',
      text: '今天给您发货',
      deadline: '2026-11-23',
      conditional: false,
    });
    await openPromise(sql, p.id, p.text, 'ship');
    const file = [
      '{"eventId":"im-1","orderId":"o-imp-1","type":"shipped","at":"2026-11-23T08:00:00Z","trackingNumber":"SF1234567890"}',
      '{"eventId":"im-2","orderId":"o-imp-1","type":"delivered"',
      '',
      '{"eventId":"im-3","orderId":"o-imp-1","type":"delivered","at":"yesterday"}',
      '{"eventId":"im-4","orderId":"o-missing","type":"delivered","at":"2026-11-24T08:00:00Z"}',
      '{"eventId":"im-5","orderId":"o-imp-1","type":"delivered","at":"2026-11-24T08:00:00Z"}',
    ].join('\n');
    const changed: string[] = [];
    const report = await importOrderEvents(sql, file, (c) => changed.push(`${c.promiseId}:${c.status}`));
    expect(report).toEqual({
      lines: 5,
      imported: 2,
      replayed: 0,
      promisesClosed: 1,
      errors: [
        { line: 2, message: 'not valid JSON' },
        { line: 4, message: expect.stringMatching(/^at: /) },
        { line: 5, message: 'orderId: no order "o-missing"' },
      ],
    });
    expect(changed).toEqual([`${p.id}:kept`]);
    const [order] = await sql<{ status: string; trackingNumber: string; deliveredAt: Date }[]>`
      select status, tracking_number, delivered_at from orders where id = 'o-imp-1'`;
    expect(order).toMatchObject({ status: 'delivered', trackingNumber: 'SF1234567890' });
    const again = await importOrderEvents(sql, file);
    expect(again).toMatchObject({ imported: 0, replayed: 2, promisesClosed: 0 });
  });
});
