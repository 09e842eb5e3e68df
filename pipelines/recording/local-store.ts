import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { KefuError } from '../../core/errors.js';
import { type AudioStore, checkKey } from './store.js';

/** A folder (under the data directory by default); each write lands whole or not at all. */
export function localAudioStore(root: string): AudioStore {
  const dir = resolve(root);
  const pathOf = (key: string) => join(dir, checkKey(key));
  return {
    description: `local folder ${root}`,
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.${process.pid}.partial`;
      const file = await open(partial, 'w');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(partial, path);
    },
    async get(key, range) {
      const path = pathOf(key);
      const file = await open(path, 'r').catch((cause: NodeJS.ErrnoException) => {
        if (cause.code === 'ENOENT') throw new KefuError('NOT_FOUND', `audio ${key} is not in the store`, { cause });
        throw cause;
      });
      try {
        const { size } = await file.stat();
        const [start, end] = range ? [Math.min(range[0], size), Math.min(range[1], size)] : [0, size];
        const bytes = Buffer.alloc(Math.max(0, end - start));
        await file.read(bytes, 0, bytes.length, start);
        return { bytes, total: size };
      } finally {
        await file.close();
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async exists(key) {
      return stat(pathOf(key)).then(
        () => true,
        () => false,
      );
    },
  };
}
