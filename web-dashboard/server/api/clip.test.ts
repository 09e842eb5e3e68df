import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.js';
import { upsertMerchant } from '../../../db/queries/people.js';
import { openAudioChannels } from '../../../pipelines/audio/decode.js';
import { makeUser } from '../../../pipelines/moderation/testing/fixtures.js';
import { localAudioStore } from '../../../pipelines/recording/local-store.js';
import { buildAnalyzers } from '../../../pipelines/session/build-analyzers.js';
import { replayCall } from '../../../pipelines/session/replay.js';
import { PocketSphinxEngine } from '../../../pipelines/speech/pocketsphinx.js';
import { composeSpeech, readSamples, synthesize, tempDir } from '../../../test/audio/speech-fixtures.js';
import { useTestDatabase } from '../../../test/db.js';
import { createApp } from '../app.js';
import { createSessionFor } from '../../../pipelines/auth/sessions.js';
import { SESSION_COOKIE } from './session.js';

/**
 * The done-when: a replayed WAV call stores its audio, and the flag's clip, fetched in
 * byte ranges as a browser's player does, holds exactly the samples of the original recording at
 * the flag's offsets (the clip is cut from what the speech engine heard, so offsets line up).
 */
const db = useTestDatabase();
const tmp = tempDir('kefu-clip-');
const engine = new PocketSphinxEngine();
const store = localAudioStore(join(tmp.dir, 'audio'));
afterAll(async () => {
  await engine.close();
  tmp.remove();
});

let app: ReturnType<typeof createApp>;
let flagId: string;
let original: { merchant: Int16Array; customer: Int16Array };
let cookie: (role: 'owner' | 'moderator') => Promise<string>;

beforeAll(async () => {
  const sql = db.sql();
  await upsertMerchant(sql, { id: 'm-clip', name: 'Clip Gadgets' });
  const customer = composeSpeech(
    [
      { silenceMs: 500 },
      { speech: synthesize('The headphones arrived broken. I want a refund.', join(tmp.dir, 'c1.wav')) },
      { silenceMs: 9000 },
    ],
    join(tmp.dir, 'customer.wav'),
  );
  const merchant = composeSpeech(
    [
      { silenceMs: customer.spans[0]!.endMs + 800 },
      {
        speech: synthesize(
          'Sorry about that. Please pay me directly outside the platform, or add me on WeChat.',
          join(tmp.dir, 'm1.wav'),
        ),
      },
      { silenceMs: 1500 },
    ],
    join(tmp.dir, 'merchant.wav'),
  );
  original = { merchant: readSamples(merchant.path), customer: readSamples(customer.path) };
  const [m] = await openAudioChannels(merchant.path);
  const [c] = await openAudioChannels(customer.path);
  const result = await replayCall(
    { sql, analyzers: await buildAnalyzers({ config: loadConfig({}), sql }), emit: () => {}, audioStore: store },
    {
      kind: 'audio',
      engineFor: () => engine,
      streams: [
        { speaker: 'merchant', language: 'en', frames: m!.frames },
        { speaker: 'customer', language: 'en', frames: c!.frames },
      ],
    },
    { room: 'clip-test', merchantId: 'm-clip', buyerId: 'b-clip', startedAt: new Date(), timeZone: 'Asia/Shanghai' },
  );
  const [flag] = await sql<{ id: string }[]>`
    select id from flags where call_id = ${result.callId} and category = 'off_platform_payment' limit 1`;
  flagId = flag!.id;
  const owner = await makeUser(sql, 'merchant_staff', 'm-clip');
  const moderator = await makeUser(sql, 'moderator');
  cookie = async (role) =>
    `${SESSION_COOKIE}=${(await createSessionFor(sql, (role === 'owner' ? owner : moderator).id)).token}`;
  app = createApp({ sql, components: [], audio: store });
}, 240_000);

async function get(path: string, headers: Record<string, string>) {
  const res = await app.request(path, { headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

function wavSamples(wav: Buffer): Int16Array {
  expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
  expect(wav.readUInt32LE(24)).toBe(16_000);
  return new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
}

describe('a flag clip from a replayed call', () => {
  it("the flagged speaker's clip, read in ranges, equals the original audio at the flag's offsets", async () => {
    const headers = { cookie: await cookie('owner') };
    const path = `/api/flags/${flagId}/clip?speaker=merchant&beforeMs=1000&afterMs=500`;
    const whole = await get(path, headers);
    expect(whole.res.status).toBe(200);
    expect(whole.res.headers.get('content-type')).toBe('audio/wav');
    expect(whole.res.headers.get('accept-ranges')).toBe('bytes');

    // A player's requests: the header first, then the rest from where it seeks to.
    const head = await get(path, { ...headers, range: 'bytes=0-1023' });
    expect(head.res.status).toBe(206);
    expect(head.res.headers.get('content-range')).toBe(`bytes 0-1023/${whole.bytes.length}`);
    const rest = await get(path, { ...headers, range: 'bytes=1024-' });
    expect(rest.res.status).toBe(206);
    expect(Buffer.concat([head.bytes, rest.bytes]).equals(whole.bytes)).toBe(true);
    const tail = await get(path, { ...headers, range: 'bytes=-100' });
    expect(tail.bytes.equals(whole.bytes.subarray(whole.bytes.length - 100))).toBe(true);
    const past = await get(path, { ...headers, range: `bytes=${whole.bytes.length}-` });
    expect(past.res.status).toBe(416);
    expect(past.res.headers.get('content-range')).toBe(`bytes */${whole.bytes.length}`);

    const from = Number(whole.res.headers.get('x-kefu-clip-from-ms'));
    const start = Number(whole.res.headers.get('x-kefu-flag-start-ms'));
    const end = Number(whole.res.headers.get('x-kefu-flag-end-ms'));
    expect(from).toBe(start - 1000);
    const samples = wavSamples(whole.bytes);
    expect(samples.length).toBe((end + 500 - from) * 16);
    // Sample for sample: the recording is lossless and offsets are the engine's own.
    expect(
      Buffer.from(samples.buffer).equals(Buffer.from(original.merchant.slice(from * 16, (end + 500) * 16).buffer)),
    ).toBe(true);
  });

  it('mixes both speakers by default, for a reviewer as for the owner', async () => {
    const { res, bytes } = await get(`/api/flags/${flagId}/clip?beforeMs=0&afterMs=0`, {
      cookie: await cookie('moderator'),
    });
    expect(res.status).toBe(200);
    const from = Number(res.headers.get('x-kefu-clip-from-ms'));
    const mixed = wavSamples(bytes);
    const expected = mixed.map((_, i) =>
      Math.max(-32768, Math.min(32767, original.merchant[from * 16 + i]! + (original.customer[from * 16 + i] ?? 0))),
    );
    expect(Buffer.from(mixed.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
  });

  it('names a bad query parameter', async () => {
    const { res, bytes } = await get(`/api/flags/${flagId}/clip?speaker=robot`, { cookie: await cookie('owner') });
    expect(res.status).toBe(400);
    expect(bytes.toString()).toContain('speaker');
  });
});
