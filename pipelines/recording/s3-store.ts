import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { KefuError } from '../../core/errors.js';
import { type AudioStore, checkKey } from './store.js';

export interface S3StoreOptions {
  bucket: string;
  /** Unset for AWS itself; any S3-compatible endpoint (MinIO, Ceph, OSS, COS…) otherwise. */
  endpoint?: string;
  region: string;
  prefix?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Any S3-compatible object store, through the maintained AWS SDK client. */
export function s3AudioStore(o: S3StoreOptions): AudioStore {
  const client = new S3Client({
    region: o.region,
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    forcePathStyle: o.forcePathStyle ?? Boolean(o.endpoint),
    ...(o.credentials ? { credentials: o.credentials } : {}),
  });
  const objectKey = (key: string) => `${o.prefix ?? ''}${checkKey(key)}`;
  const missing = (err: unknown) => err instanceof NoSuchKey || err instanceof NotFound;
  return {
    description: `S3 bucket ${o.bucket}${o.endpoint ? ` at ${o.endpoint}` : ''}`,
    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket: o.bucket, Key: objectKey(key), Body: bytes, ContentType: contentType }),
      );
    },
    async get(key, range) {
      try {
        const out = await client.send(
          new GetObjectCommand({
            Bucket: o.bucket,
            Key: objectKey(key),
            ...(range ? { Range: `bytes=${range[0]}-${Math.max(range[0], range[1] - 1)}` } : {}),
          }),
        );
        const bytes = Buffer.from(await out.Body!.transformToByteArray());
        const total = out.ContentRange ? Number(out.ContentRange.split('/')[1]) : bytes.length;
        return { bytes: range && range[1] <= range[0] ? Buffer.alloc(0) : bytes, total };
      } catch (err) {
        if (missing(err)) throw new KefuError('NOT_FOUND', `audio ${key} is not in the store`, { cause: err });
        throw err;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: o.bucket, Key: objectKey(key) }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: o.bucket, Key: objectKey(key) }));
        return true;
      } catch (err) {
        if (missing(err)) return false;
        throw err;
      }
    },
  };
}
