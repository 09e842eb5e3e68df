import type { RecordingConfig } from '../../core/config.js';
import { localAudioStore } from './local-store.js';
import { s3AudioStore } from './s3-store.js';
import type { AudioStore } from './store.js';

/** The configured audio store: the data folder by default, an S3-compatible bucket when one is set. */
export function openAudioStore(recording: RecordingConfig): AudioStore {
  const s = recording.store;
  if (s.kind === 'local') return localAudioStore(s.dir);
  return s3AudioStore({
    bucket: s.bucket,
    endpoint: s.endpoint,
    region: s.region,
    prefix: s.prefix,
    credentials: s.credentials,
  });
}
