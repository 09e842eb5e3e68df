import { KefuError } from '../../core/errors.js';

/**
 * Where call audio lives. The database keeps only keys and checksums; the bytes sit behind this
 * contract — a local folder by default, any S3-compatible object store by configuration.
 */
export interface AudioStore {
  /** For `kefu start`'s component list, e.g. "local folder .kefu/audio". */
  readonly description: string;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The whole object, or `range` = [start, end) in bytes; `total` is the object's full size. */
  get(key: string, range?: readonly [number, number]): Promise<{ bytes: Buffer; total: number }>;
  /** Deleting a key that is already gone is not an error: retention may run twice. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Keys are made by Kefu, never by a user; a key that could climb out of the store is a bug. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new KefuError('INPUT_INVALID', `audio store key ${JSON.stringify(key)} is not a plain relative path`);
  }
  return key;
}
