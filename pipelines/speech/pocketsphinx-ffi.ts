/**
 * Debian's libpocketsphinx (0.8 / 5prealpha), called in-process through koffi: no compiler,
 * no child process, and partial hypotheses while audio arrives, which the command-line
 * `pocketsphinx_continuous` can't give.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import koffi from 'koffi';
import { sttError } from './contract.js';

/** Where Debian's `pocketsphinx-en-us` package puts the US English model. */
export const DEBIAN_EN_US_MODEL = '/usr/share/pocketsphinx/model/en-us';
const APT_HINT = 'apt-get install libpocketsphinx3 pocketsphinx-en-us';
/** PocketSphinx analyses audio in 10 ms frames. */
export const FRAME_MS = 10;

type Ptr = unknown;
function bind() {
  const ps = koffi.load('libpocketsphinx.so.3');
  const sb = koffi.load('libsphinxbase.so.3');
  return {
    ps_args: ps.func('void *ps_args()') as () => Ptr,
    cmd_ln_parse_r: sb.func(
      'void *cmd_ln_parse_r(void *inout, void *defn, int argc, const char **argv, int strict)',
    ) as (a: null, d: Ptr, n: number, argv: string[], strict: number) => Ptr,
    cmd_ln_free_r: sb.func('int cmd_ln_free_r(void *cmdln)') as (c: Ptr) => number,
    ps_get_lm: ps.func('void *ps_get_lm(void *ps, const char *name)') as (d: Ptr, name: string) => Ptr,
    ps_set_lm: ps.func('int ps_set_lm(void *ps, const char *name, void *lm)') as (
      d: Ptr,
      name: string,
      lm: Ptr,
    ) => number,
    ps_set_search: ps.func('int ps_set_search(void *ps, const char *name)') as (d: Ptr, name: string) => number,
    err_set_logfile: sb.func('int err_set_logfile(const char *path)') as (path: string) => number,
    logmath_init: sb.func('void *logmath_init(double base, int shift, int use_table)') as (
      base: number,
      shift: number,
      table: number,
    ) => Ptr,
    logmath_free: sb.func('int logmath_free(void *lmath)') as (l: Ptr) => number,
    ngram_model_read: sb.func('void *ngram_model_read(void *config, const char *file, int type, void *lmath)') as (
      c: Ptr,
      file: string,
      type: number,
      l: Ptr,
    ) => Ptr,
    ngram_model_free: sb.func('int ngram_model_free(void *model)') as (m: Ptr) => number,
    ngram_model_get_counts: sb.func('const uint32_t *ngram_model_get_counts(void *model)') as (m: Ptr) => Ptr,
    ngram_ng_prob: sb.func(
      'int32_t ngram_ng_prob(void *model, int32_t wid, int32_t *history, int32_t n_hist, _Out_ int32_t *n_used)',
    ) as (m: Ptr, wid: number, history: null, n: number, used: number[]) => number,
    ngram_word: sb.func('const char *ngram_word(void *model, int32_t wid)') as (m: Ptr, wid: number) => string | null,
    ps_init: ps.func('void *ps_init(void *config)') as (c: Ptr) => Ptr,
    ps_free: ps.func('int ps_free(void *ps)') as (d: Ptr) => number,
    ps_start_utt: ps.func('int ps_start_utt(void *ps)') as (d: Ptr) => number,
    ps_process_raw: ps.func(
      'int ps_process_raw(void *ps, const int16_t *data, size_t n, int no_search, int full_utt)',
    ) as (d: Ptr, data: Int16Array, n: number, noSearch: number, full: number) => number,
    ps_end_utt: ps.func('int ps_end_utt(void *ps)') as (d: Ptr) => number,
    ps_get_hyp: ps.func('const char *ps_get_hyp(void *ps, _Out_ int32_t *score)') as (
      d: Ptr,
      score: number[],
    ) => string | null,
    ps_get_logmath: ps.func('void *ps_get_logmath(void *ps)') as (d: Ptr) => Ptr,
    logmath_exp: sb.func('double logmath_exp(void *lmath, int logb_p)') as (l: Ptr, p: number) => number,
    ps_seg_iter: ps.func('void *ps_seg_iter(void *ps)') as (d: Ptr) => Ptr,
    ps_seg_next: ps.func('void *ps_seg_next(void *seg)') as (s: Ptr) => Ptr,
    ps_seg_word: ps.func('const char *ps_seg_word(void *seg)') as (s: Ptr) => string,
    ps_seg_frames: ps.func('void ps_seg_frames(void *seg, _Out_ int *sf, _Out_ int *ef)') as (
      s: Ptr,
      sf: number[],
      ef: number[],
    ) => void,
    ps_seg_prob: ps.func('int32_t ps_seg_prob(void *seg, _Out_ int32_t *a, _Out_ int32_t *l, _Out_ int32_t *b)') as (
      s: Ptr,
      a: number[],
      l: number[],
      b: number[],
    ) => number,
  };
}

let lib: ReturnType<typeof bind> | undefined;
function library(): ReturnType<typeof bind> {
  try {
    lib ??= bind();
    return lib;
  } catch (err) {
    throw sttError('unavailable', `PocketSphinx library not found (libpocketsphinx.so.3): ${APT_HINT}`, { cause: err });
  }
}

/**
 * The model's dictionary cut to the words its language model has (79,420 of 134,723 entries in
 * Debian's en-us): the search never proposes a word the model lacks, so it hears the same, and
 * each decoder holds ~10 MB less. Written once per model to the temporary directory, named by the
 * model files' sizes and times; the full dictionary if it cannot be written.
 */
const trimmed = new Map<string, string>();
function lmDictionary(files: { lm: string; dict: string }): string {
  const known = trimmed.get(files.lm);
  if (known) return known;
  const stamp = [files.lm, files.dict].map((f) => `${f}:${statSync(f).size}:${statSync(f).mtimeMs}`).join('|');
  const out = join(
    tmpdir(),
    'kefu-pocketsphinx',
    `${createHash('sha256').update(stamp).digest('hex').slice(0, 16)}.dict`,
  );
  try {
    if (!existsSync(out)) {
      const words = lmWords(files.lm);
      const kept = readFileSync(files.dict, 'utf8')
        .split('\n')
        .filter((line) => words.has(line.slice(0, line.indexOf(' ')).replace(/\(\d+\)$/, '')));
      mkdirSync(join(tmpdir(), 'kefu-pocketsphinx'), { recursive: true });
      const partial = `${out}.${process.pid}.tmp`;
      writeFileSync(partial, `${kept.join('\n')}\n`);
      renameSync(partial, out);
    }
  } catch {
    trimmed.set(files.lm, files.dict);
    return files.dict;
  }
  trimmed.set(files.lm, out);
  return out;
}

function lmWords(file: string): Set<string> {
  return new Set(lmUnigrams(file).keys());
}

/** A language model's words and their unigram probabilities (the sentence marks among them). */
export function lmUnigrams(file: string): Map<string, number> {
  const ps = library();
  ps.err_set_logfile('/dev/null');
  const config = ps.cmd_ln_parse_r(null, ps.ps_args(), 0, [], 1);
  const logmath = ps.logmath_init(1.0001, 0, 0);
  const model = ps.ngram_model_read(config, file, 0, logmath);
  try {
    if (!model) throw new Error(`cannot read ${file}`);
    const [unigrams] = koffi.decode(ps.ngram_model_get_counts(model), 'uint32_t', 1) as number[];
    const words = new Map<string, number>();
    for (let wid = 0; wid < unigrams!; wid++) {
      const word = ps.ngram_word(model, wid);
      if (word) words.set(word, ps.logmath_exp(logmath, ps.ngram_ng_prob(model, wid, null, 0, [0])));
    }
    return words;
  } finally {
    if (model) ps.ngram_model_free(model);
    ps.logmath_free(logmath);
    if (config) ps.cmd_ln_free_r(config);
  }
}

/** A language model (ARPA or binary) and the pronunciation dictionary of its words. */
export interface Vocabulary {
  lm: string;
  dict: string;
}

export interface RecognisedWord {
  word: string;
  startFrame: number;
  endFrame: number;
  /** Posterior probability from the lattice, in [0, 1]. */
  posterior: number;
}

/** Silence, sentence marks and noise fillers the decoder reports as words. */
const NOT_A_WORD = /^(<s>|<\/s>|<sil>|\[.*\]|\+\+.*\+\+)$/;

/** The library's name for the search a decoder is built with. */
const SEARCH = '_default';

export class Decoder {
  private constructor(private handle: Ptr) {}

  /**
   * Says whether a decoder could load (library found, model files present) without loading one:
   * a decoder holds ~90 MB and takes ~0.5 s of CPU, so only the threads that decode build one.
   */
  static check(modelDir: string, vocabulary?: Vocabulary): { hmm: string; lm: string; dict: string } {
    library();
    const files = {
      hmm: join(modelDir, 'en-us'),
      lm: vocabulary?.lm ?? join(modelDir, 'en-us.lm.bin'),
      dict: vocabulary?.dict ?? join(modelDir, 'cmudict-en-us.dict'),
    };
    const missing = Object.values(files).filter((f) => !existsSync(f));
    if (missing.length > 0) {
      throw sttError(
        'unavailable',
        `PocketSphinx model incomplete in ${modelDir} (missing ${missing.join(', ')}): ${APT_HINT}`,
      );
    }
    return files;
  }

  /**
   * `settings`: the search flags after the model files, as from decoderArgv (decoder-settings.ts).
   * `lmOf`: use that decoder's language model (same thread only: the library is not thread-safe).
   * `fullDictionary`: the model's whole dictionary, not only its language model's words.
   * `vocabulary`: a language model and dictionary other than the model directory's (the
   * dictionary is used as it is: it is cut to the model's words when it is built).
   */
  static create(
    modelDir: string,
    settings: string[] = [],
    options: { lmOf?: Decoder; fullDictionary?: boolean; vocabulary?: Vocabulary } = {},
  ): Decoder {
    const ps = library();
    const files = Decoder.check(modelDir, options.vocabulary);
    const shared = options.lmOf?.handle ? ps.ps_get_lm(options.lmOf.handle, SEARCH) : null;
    const lm = shared ? [] : ['-lm', files.lm];
    const dict = options.fullDictionary || options.vocabulary ? files.dict : lmDictionary(files);
    const argv = ['-hmm', files.hmm, ...lm, '-dict', dict, '-logfn', '/dev/null', ...settings];
    const config = ps.cmd_ln_parse_r(null, ps.ps_args(), argv.length, argv, 1);
    let handle = config ? ps.ps_init(config) : null;
    if (config) ps.cmd_ln_free_r(config);
    // Another decoder's language model (its search holds a reference to it): ~20 MB not loaded again.
    if (handle && shared && (ps.ps_set_lm(handle, SEARCH, shared) < 0 || ps.ps_set_search(handle, SEARCH) < 0)) {
      ps.ps_free(handle);
      handle = null;
    }
    if (!handle)
      throw sttError(
        'unavailable',
        `PocketSphinx failed to load the model in ${modelDir}${settings.length > 0 ? ` with ${settings.join(' ')}` : ''}`,
      );
    return new Decoder(handle);
  }

  start(): void {
    if (library().ps_start_utt(this.handle) < 0) throw sttError('failed', 'PocketSphinx could not start an utterance');
  }

  process(samples: Int16Array): void {
    if (library().ps_process_raw(this.handle, samples, samples.length, 0, 0) < 0) {
      throw sttError('failed', 'PocketSphinx failed to decode audio');
    }
  }

  hypothesis(): string {
    return library().ps_get_hyp(this.handle, [0]) ?? '';
  }

  /** Ends the utterance and returns its words with times and posteriors. */
  end(): RecognisedWord[] {
    const ps = library();
    if (ps.ps_end_utt(this.handle) < 0) throw sttError('failed', 'PocketSphinx could not finish the utterance');
    const logmath = ps.ps_get_logmath(this.handle);
    const words: RecognisedWord[] = [];
    // Frame numbers run on across utterances of one decoder; the first segment (<s>) marks this one's start.
    let base: number | undefined;
    for (let seg = ps.ps_seg_iter(this.handle); seg; seg = ps.ps_seg_next(seg)) {
      const sf = [0];
      const ef = [0];
      ps.ps_seg_frames(seg, sf, ef);
      base ??= sf[0]!;
      const word = ps.ps_seg_word(seg).replace(/\(\d+\)$/, '');
      if (NOT_A_WORD.test(word)) continue;
      const posterior = ps.logmath_exp(logmath, ps.ps_seg_prob(seg, [0], [0], [0]));
      words.push({
        word,
        startFrame: sf[0]! - base,
        endFrame: ef[0]! - base,
        posterior: Math.min(1, Math.max(0, posterior)),
      });
    }
    return words;
  }

  free(): void {
    if (this.handle) library().ps_free(this.handle);
    this.handle = null;
  }
}
