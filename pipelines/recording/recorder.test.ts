import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { insertAudioSegment, listAudioSegments } from '../../db/queries/audio.js';
import { useTestDatabase } from '../../test/db.js';
import { makeCallWithUtterances } from '../../test/factories.js';
import { buildClip } from './clip.js';
import { localAudioStore } from './local-store.js';
import { SpeakerRecorder } from './recorder.js';
import { voice } from './testing/record.js';

const db = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'kefu-recorder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = localAudioStore(join(dir, 'audio'));

async function record(callId: string, speaker: 'merchant' | 'customer', audio: Int16Array) {
  const recorder = new SpeakerRecorder({
    store,
    callId,
    speaker,
    segmentMs: 5000,
    onSegment: (s) => insertAudioSegment(db.sql(), s),
  });
  // 20 ms frames, as the speech pipeline delivers them.
  for (let at = 0; at < audio.length; at += 320) recorder.push(audio.subarray(at, at + 320));
  await recorder.close();
}

describe('call recording', () => {
  it('stores each speaker in checksummed segments whose clips equal the audio heard, sample for sample', async () => {
    const { call } = await makeCallWithUtterances(db.sql());
    const customer = voice(12.3, 7);
    const merchant = voice(12.3, 11);
    await Promise.all([record(call.id, 'customer', customer), record(call.id, 'merchant', merchant)]);

    const rows = await listAudioSegments(db.sql(), call.id, { fromMs: 0, toMs: 60_000 });
    expect(rows.map((r) => [r.speakerRole, r.seq, r.startMs, r.endMs])).toEqual([
      ['customer', 0, 0, 5000],
      ['customer', 1, 5000, 10_000],
      ['customer', 2, 10_000, 12_300],
      ['merchant', 0, 0, 5000],
      ['merchant', 1, 5000, 10_000],
      ['merchant', 2, 10_000, 12_300],
    ]);
    for (const r of rows) {
      const { bytes } = await store.get(r.storageKey);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.sha256);
      expect(r.bytes).toBe(bytes.length);
    }

    // A clip across a segment boundary: the customer alone, then both speakers mixed.
    const window = { fromMs: 4200, toMs: 7900 };
    const alone = await buildClip(
      store,
      await listAudioSegments(db.sql(), call.id, { ...window, speaker: 'customer' }),
      window,
    );
    expect(alone.speakers).toEqual(['customer']);
    expect([...alone.samples]).toEqual([...customer.subarray(4200 * 16, 7900 * 16)]);
    const both = await buildClip(store, await listAudioSegments(db.sql(), call.id, window), window);
    const expected = customer
      .subarray(4200 * 16, 7900 * 16)
      .map((v, i) => Math.max(-32768, Math.min(32767, v + merchant[4200 * 16 + i]!)));
    expect([...both.samples]).toEqual([...expected]);
  });

  it('refuses to play audio that no longer matches its checksum', async () => {
    const { call } = await makeCallWithUtterances(db.sql());
    await record(call.id, 'customer', voice(1, 3));
    const [row] = await listAudioSegments(db.sql(), call.id, { fromMs: 0, toMs: 1000 });
    await store.put(row!.storageKey, Buffer.from('not the recording'), 'audio/flac');
    const err = await buildClip(store, [row!], { fromMs: 0, toMs: 1000 }).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('AUDIO_CHECKSUM_MISMATCH');
  });

  it('reports a storage failure at close and stores no reference for the lost segment', async () => {
    const { call } = await makeCallWithUtterances(db.sql());
    const failing = { ...store, put: async () => Promise.reject(new Error('disk full')) };
    const recorder = new SpeakerRecorder({
      store: failing,
      callId: call.id,
      speaker: 'merchant',
      onSegment: (s) => insertAudioSegment(db.sql(), s),
    });
    recorder.push(voice(6, 5));
    await expect(recorder.close()).rejects.toThrow('disk full');
    expect(await listAudioSegments(db.sql(), call.id, { fromMs: 0, toMs: 10_000 })).toEqual([]);
  });
});
