import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { listUtterances } from '../../db/queries/calls.js';
import { upsertOrder } from '../../db/queries/orders.js';
import { upsertMerchant } from '../../db/queries/people.js';
import { composeSpeech, mergeStereo, synthesize, tempDir } from '../../test/audio/speech-fixtures.js';
import { useTestDatabase } from '../../test/db.js';
import { openWavChannels } from '../audio/wav-read.js';
import { PocketSphinxEngine } from '../speech/pocketsphinx.js';
import { buildAnalyzers } from './build-analyzers.js';
import { replayCall } from './replay.js';

const db = useTestDatabase();
const tmp = tempDir();
const engine = new PocketSphinxEngine();
afterAll(async () => {
  await engine.close();
  tmp.remove();
});

beforeAll(async () => {
  await upsertMerchant(db.sql(), { id: 'm-gadgets', name: 'Northwind Gadgets', timeZone: 'America/Los_Angeles' });
  await upsertOrder(db.sql(), {
    id: '7731908852',
    merchantId: 'm-gadgets',
    buyerId: 'b-jones',
    currency: 'USD',
    status: 'delivered',
    items: [{ sku: 'EB', name: 'Wireless earbuds', quantity: 1, unitPrice: 49.99, category: 'electronics' }],
    amount: 49.99,
    placedAt: new Date('2026-11-18T00:00:00Z'),
    paidAt: new Date('2026-11-18T00:00:00Z'),
    shippedAt: new Date('2026-11-19T00:00:00Z'),
    deliveredAt: new Date('2026-11-21T00:00:00Z'),
  });
});

describe('replaying a recorded call', () => {
  it('hears both channels of a stereo recording and finds the spoken order number in the notes', async () => {
    // The customer reads the order number digit by digit; the merchant answers after she stops.
    const customer = composeSpeech(
      [
        {
          speech: synthesize(
            'Hello, my order number is seven, seven, three, one, nine, zero, eight, eight, five, two.',
            join(tmp.dir, 'c1.wav'),
          ),
        },
        { silenceMs: 600 },
        { speech: synthesize('The earbuds arrived broken and I want a refund.', join(tmp.dir, 'c2.wav')) },
        { silenceMs: 4500 },
      ],
      join(tmp.dir, 'customer.wav'),
    );
    const merchant = composeSpeech(
      [
        { silenceMs: customer.spans[1]!.endMs + 700 },
        { speech: synthesize('Sorry about that. I will ship you a replacement tomorrow.', join(tmp.dir, 'm1.wav')) },
        { silenceMs: 800 },
      ],
      join(tmp.dir, 'merchant.wav'),
    );
    const [left, right] = await openWavChannels(mergeStereo(merchant.path, customer.path, join(tmp.dir, 'call.wav')));

    const events: string[] = [];
    const result = await replayCall(
      {
        sql: db.sql(),
        analyzers: await buildAnalyzers({ config: loadConfig({}), sql: db.sql() }),
        emit: (e) => events.push(e.type),
      },
      {
        kind: 'audio',
        engineFor: () => engine,
        streams: [
          { speaker: 'merchant', language: 'en', frames: left!.frames },
          { speaker: 'customer', language: 'en', frames: right!.frames },
        ],
      },
      {
        room: 'replay-test',
        merchantId: 'm-gadgets',
        buyerId: 'b-jones',
        startedAt: new Date('2026-11-23T18:00:00Z'),
        timeZone: 'America/Los_Angeles',
      },
    );

    const stored = await listUtterances(db.sql(), result.callId);
    expect(stored.map((u) => u.speaker)).toEqual(expect.arrayContaining(['customer', 'merchant']));
    expect(stored.every((u) => u.engine === 'pocketsphinx')).toBe(true);
    // Speaking order survives: every customer line before the merchant's reply starts earlier.
    const firstMerchant = stored.find((u) => u.speaker === 'merchant')!;
    expect(firstMerchant.startMs).toBeGreaterThan(customer.spans[1]!.startMs);
    // PocketSphinx misses a digit now and then; the buyer's known order absorbs one slip.
    expect(result.findings.orderNumbers).toContainEqual(
      expect.objectContaining({ value: '7731908852', matched: true }),
    );
    expect(result.findings.suggestions.length).toBeGreaterThan(0);
    expect(events).toContain('suggestions.created');
    expect(events.at(-1)).toBe('call.ended');
  }, 120_000);
});
