import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { localAudioStore } from './local-store.js';
import { s3AudioStore } from './s3-store.js';
import type { AudioStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'kefu-audio-store-'));
// s3rver is a real S3-compatible server from npm (no S3 exists on this machine): the network edge.
const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 's3') });
let s3Store: AudioStore;

beforeAll(async () => {
  const { port } = await s3.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const admin = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await admin.send(new CreateBucketCommand({ Bucket: 'kefu-audio' }));
  s3Store = s3AudioStore({ bucket: 'kefu-audio', endpoint, region: 'us-east-1', prefix: 'test/', credentials });
});
afterAll(async () => {
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['a local folder', () => localAudioStore(join(dir, 'local'))],
  ['an S3-compatible store', () => s3Store],
])('the audio store contract on %s', (_, make) => {
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

  it('keeps bytes whole and serves byte ranges with the full size', async () => {
    const store = make();
    await store.put('calls/c1/customer/000000.flac', bytes, 'audio/flac');
    expect(await store.exists('calls/c1/customer/000000.flac')).toBe(true);
    const whole = await store.get('calls/c1/customer/000000.flac');
    expect(whole.total).toBe(1000);
    expect(whole.bytes.equals(bytes)).toBe(true);
    const part = await store.get('calls/c1/customer/000000.flac', [100, 164]);
    expect(part.total).toBe(1000);
    expect(part.bytes.equals(bytes.subarray(100, 164))).toBe(true);
  });

  it('deletes idempotently and says NOT_FOUND for what is gone', async () => {
    const store = make();
    await store.put('calls/c2/merchant/000000.flac', bytes, 'audio/flac');
    await store.delete('calls/c2/merchant/000000.flac');
    await store.delete('calls/c2/merchant/000000.flac');
    expect(await store.exists('calls/c2/merchant/000000.flac')).toBe(false);
    const err = await store.get('calls/c2/merchant/000000.flac').catch((e: unknown) => e);
    expect(isKefuError(err, 'NOT_FOUND')).toBe(true);
  });

  it('refuses a key that could leave the store', async () => {
    const store = make();
    for (const key of ['../etc/passwd', '/abs/path', 'calls/../../x', 'calls//x', '']) {
      const err = await store.put(key, bytes, 'audio/flac').catch((e: unknown) => e);
      expect(isKefuError(err, 'INPUT_INVALID'), key).toBe(true);
    }
  });
});
