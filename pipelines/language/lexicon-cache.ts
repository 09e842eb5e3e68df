/**
 * The compiled lexicon kept between processes (decision 0770). Compiling the shipped lexicon —
 * zod, script folding, each pattern's required literals, the literal gate's automaton — costs
 * ~0.4–0.8 s of CPU in every process that reads a line (each `kefu analyze`, each agent job). Its
 * result depends on nothing but the lexicon files, the code that compiles them and the runtime's
 * Unicode tables (and the schema library's defaults), so it is stored once under a key hashed from exactly those, and read back by
 * any later process with the same key: entries as JSON (each RegExp as its source and flags),
 * the gate's typed arrays as raw bytes.
 *
 * Safe by construction: a changed file, compiler or Node gives another key, never a stale entry;
 * a file that is missing, unreadable, not ours, damaged (its payload's SHA-256 is checked) or of
 * another shape is ignored and the lexicon compiled as before. Writing is best effort (a
 * temporary file renamed into place, so a reader never sees half a file) and never fails a load.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromPackageRoot } from '../../core/paths.js';
import type { GateParts } from './literal-gate.js';

/** Bumped when the stored shape changes (the code's own hash changes with it anyway). */
const FORMAT = 'kefu-lexicon-cache/1';
const MAGIC = Buffer.from('KEFULEX1', 'latin1');

/** The modules whose code decides what a lexicon compiles to, beside this one. */
const COMPILER = ['lexicon', 'lexicon-schema', 'required-literals', 'literal-gate', 'script-fold', 'lexicon-cache'];
/** Data the compiler reads besides the lexicon files (in the source tree, as dist/ reads it too). */
const COMPILER_DATA = ['pipelines/language/data/script-fold.json'];

/** Where compiled lexicons are kept: the system's temporary directory (TMPDIR), `kefu-cache/`. */
export function defaultCacheDir(): string {
  return join(tmpdir(), 'kefu-cache');
}

/** One lexicon file as read. */
export interface LexiconSource {
  file: string;
  text: string;
}

/**
 * The key of a lexicon's compiled form: the files (names and texts, in order), the compiler's
 * source (this checkout's .ts, or the .js of a compiled dist/) and its data, and the runtime.
 */
export function lexiconCacheKey(sources: readonly LexiconSource[]): string {
  const hash = createHash('sha256');
  const part = (label: string, text: string | Buffer) => {
    hash.update(`${label}\0${text.length}\0`);
    hash.update(text);
  };
  part('format', FORMAT);
  part('node', `${process.versions.node} ${process.versions.v8} ${process.versions.unicode ?? ''}`);
  // The schema's defaults decide which fields a compiled entry has.
  part('zod', (createRequire(import.meta.url)('zod/package.json') as { version: string }).version);
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  for (const name of COMPILER) part(name, readFileSync(fileURLToPath(new URL(`./${name}${ext}`, import.meta.url))));
  for (const name of COMPILER_DATA) part(name, readFileSync(fromPackageRoot(name)));
  for (const s of sources) part(`file ${s.file}`, s.text);
  return hash.digest('hex');
}

/** What is stored: the entries and files as JSON values, the gate as its arrays. */
export interface StoredLexicon {
  /** The compiled entries with each `re` as `[source, flags]`, in the entries' own key order. */
  entries: Record<string, unknown>[];
  files: unknown[];
  gate: GateParts;
}

const ARRAYS = ['always', 'root', 'first', 'units', 'targets', 'failOf', 'outFirst', 'outs'] as const;
type ArrayName = (typeof ARRAYS)[number];
const UINT16: ReadonlySet<ArrayName> = new Set(['units']);

interface Header {
  format: string;
  key: string;
  count: number;
  entries: Record<string, unknown>[];
  files: unknown[];
  /** Each array's byte offset in the payload and its length in elements. */
  arrays: Record<ArrayName, [number, number]>;
  /** SHA-256 of the payload (the bytes after the header). */
  sum: string;
}

/** `lexicon-<64 hex digits>.bin`. */
const STORED_NAME_LENGTH = 'lexicon-'.length + 64 + '.bin'.length;

function pathOf(dir: string, key: string): string {
  return join(dir, `lexicon-${key}.bin`);
}

/**
 * The stored lexicon of `key` in `dir`, or undefined when there is none usable. Only a file owned
 * by this user and writable by nobody else is read (the temporary directory is shared).
 */
export function readStoredLexicon(dir: string, key: string): StoredLexicon | undefined {
  let bytes: Buffer;
  try {
    const fd = openSync(pathOf(dir, key), 'r');
    try {
      const st = fstatSync(fd);
      const uid = process.getuid?.();
      if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return undefined;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  try {
    if (bytes.length < 12 || !bytes.subarray(0, 8).equals(MAGIC)) return undefined;
    const headerLength = bytes.readUInt32LE(8);
    const payloadAt = align4(12 + headerLength);
    if (payloadAt > bytes.length) return undefined;
    const header = JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as Header;
    if (header.format !== FORMAT || header.key !== key) return undefined;
    const payload = bytes.subarray(payloadAt);
    if (createHash('sha256').update(payload).digest('hex') !== header.sum) return undefined;
    // Copied out of the file's buffer, each at its own aligned start.
    const arrays = {} as Record<ArrayName, Int32Array | Uint16Array>;
    for (const name of ARRAYS) {
      const [offset, length] = header.arrays[name];
      const width = UINT16.has(name) ? 2 : 4;
      if (offset < 0 || offset + length * width > payload.length) return undefined;
      const slice = payload.subarray(offset, offset + length * width);
      const copy = new ArrayBuffer(slice.length);
      new Uint8Array(copy).set(slice);
      arrays[name] = UINT16.has(name) ? new Uint16Array(copy) : new Int32Array(copy);
    }
    return {
      entries: header.entries,
      files: header.files,
      gate: {
        count: header.count,
        ...(arrays as Omit<GateParts, 'count' | 'units'>),
        units: arrays.units as Uint16Array,
      },
    };
  } catch {
    return undefined;
  }
}

/** Stores a compiled lexicon under `key` in `dir`; false (and nothing left behind) when it cannot. */
export function writeStoredLexicon(dir: string, key: string, stored: StoredLexicon): boolean {
  const chunks: Buffer[] = [];
  const arrays = {} as Record<ArrayName, [number, number]>;
  let at = 0;
  for (const name of ARRAYS) {
    const a = stored.gate[name];
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    arrays[name] = [at, a.length];
    chunks.push(bytes);
    const pad = align4(bytes.length) - bytes.length;
    if (pad > 0) chunks.push(Buffer.alloc(pad));
    at += bytes.length + pad;
  }
  const payload = Buffer.concat(chunks);
  const header: Header = {
    format: FORMAT,
    key,
    count: stored.gate.count,
    entries: stored.entries,
    files: stored.files,
    arrays,
    sum: createHash('sha256').update(payload).digest('hex'),
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const lengths = Buffer.alloc(4);
  lengths.writeUInt32LE(head.length);
  const gap = Buffer.alloc(align4(12 + head.length) - (12 + head.length));
  const path = pathOf(dir, key);
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, Buffer.concat([MAGIC, lengths, head, gap, payload]), { mode: 0o600, flag: 'wx' });
    renameSync(temporary, path);
    prune(dir, path);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Left for the next writer's rename to pass over: its name is this process's own.
    }
    return false;
  }
}

/** How many compiled lexicons a cache directory keeps: each edit of a lexicon file makes another. */
const KEEP = 12;

/** Removes all but the `KEEP` newest stored lexicons (never `kept`); a reader of one removed compiles. */
function prune(dir: string, kept: string): void {
  try {
    const stored = readdirSync(dir)
      .filter((f) => f.startsWith('lexicon-') && f.endsWith('.bin') && f.length === STORED_NAME_LENGTH)
      .map((f) => ({ path: join(dir, f), at: statSync(join(dir, f)).mtimeMs }))
      .filter((f) => f.path !== kept)
      .sort((a, b) => b.at - a.at);
    for (const old of stored.slice(KEEP - 1)) rmSync(old.path, { force: true });
  } catch {
    // Another process pruned first, or the directory is not ours to tidy: the next write tries again.
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
