import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { KefuError } from './errors.js';

/** Languages Kefu routes to a speech engine. */
export const SttEngineName = z.enum(['pocketsphinx', 'openai', 'whisper-local', 'none']);
export type SttEngineName = z.infer<typeof SttEngineName>;

/**
 * The words PocketSphinx listens for: `general`, Debian's English model (~79,000 words);
 * `service-calls`, the project's model of customer-service calls with general English's 10,000 most
 * likely words mixed in (~10,400 words, decision 0700).
 */
export const SttVocabulary = z.enum(['general', 'service-calls']);
export type SttVocabulary = z.infer<typeof SttVocabulary>;

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const optionalUrl = (protocols: RegExp) => optionalText.pipe(z.url({ protocol: protocols }).optional());

/** "en=pocketsphinx,zh=openai" → { en: 'pocketsphinx', zh: 'openai' } */
const sttEngineMap = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    const map: Record<string, SttEngineName> = {};
    for (const part of raw
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [lang, engine, ...rest] = part.split('=').map((p) => p.trim());
      const parsed = SttEngineName.safeParse(engine);
      if (!lang || rest.length > 0 || !parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `"${part}" is not LANG=ENGINE with ENGINE one of ${SttEngineName.options.join(', ')}`,
        });
        return z.NEVER;
      }
      map[lang] = parsed.data;
    }
    return map;
  });

/** "m1, m2" → ['m1', 'm2'] */
const idList = z
  .string()
  .default('')
  .transform((raw) =>
    raw
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  );

/** How long an LLM recall layer may take on one line before the offline result stands. */
export const DEFAULT_LLM_RECALL_BUDGET_MS = 1500;

const EnvSchema = z
  .object({
    DATABASE_URL: optionalUrl(/^postgres(ql)?$/),
    KEFU_MIGRATION_DATABASE_URL: optionalUrl(/^postgres(ql)?$/),
    KEFU_DATA_DIR: z.string().trim().min(1).default('.kefu'),
    KEFU_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    KEFU_TRUST_PROXY: z.stringbool().default(false),
    KEFU_AUDIT_HMAC_KEY: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
    KEFU_AUDIT_CHECKPOINT_FILE: z.string().trim().min(1).default('.kefu/audit-checkpoints.jsonl'),
    LIVEKIT_URL: optionalUrl(/^(wss?|https?)$/),
    LIVEKIT_API_KEY: optionalText,
    LIVEKIT_API_SECRET: optionalText,
    KEFU_AGENT_NAME: z.string().trim().min(1).default('kefu-copilot'),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalUrl(/^https?$/),
    KEFU_LLM_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
    KEFU_LLM_RECALL_BUDGET_MS: z.coerce.number().int().min(50).max(60_000).default(DEFAULT_LLM_RECALL_BUDGET_MS),
    KEFU_EMBEDDING_MODEL: optionalText,
    KEFU_STT_MODEL: z.string().trim().min(1).default('whisper-1'),
    KEFU_STT_ENGINES: sttEngineMap.default({ en: 'pocketsphinx', zh: 'openai' }),
    /** Recognition threads per process; unset: one per core, 0: on the event loop. */
    KEFU_STT_THREADS: z.coerce.number().int().min(0).max(256).optional(),
    /** PocketSphinx's language model and dictionary (SttVocabulary). */
    KEFU_STT_VOCABULARY: SttVocabulary.default('service-calls'),
    /**
     * Where `kefu agent` runs its calls: `shared`, every call in the worker process, with one
     * recognition pool and text pipeline (decision 0203); `process`, a job process agents forks per
     * call. Unset: `shared` with an external database (decision 0400: measured side by side, it
     * held its calls at less memory and CPU per call), `process` with the embedded one, which serves
     * one connection and so one call per worker.
     */
    KEFU_BOT_EXECUTOR: optionalText.pipe(z.enum(['process', 'shared']).optional()),
    /**
     * Whether the bot sends the merchant replies computed on the buyer's interim hypothesis as their
     * speech ends, marked provisional, confirmed or withdrawn by the final (decision 0495).
     */
    KEFU_BOT_PROVISIONAL: z.stringbool().default(true),
    /** Nice value of `kefu agent` and its job processes (lower runs first; below 0 needs root). */
    KEFU_AGENT_NICE: z.coerce.number().int().min(-20).max(19).default(-10),
    KEFU_MODEL_DIR: z.string().trim().min(1).default('.kefu/models'),
    KEFU_ALLOW_REMOTE_MODELS: z.stringbool().default(false),
    KEFU_TIME_ZONE: z
      .string()
      .trim()
      .refine(isTimeZone, { message: 'not an IANA time zone such as Asia/Shanghai' })
      .default('Asia/Shanghai'),
    KEFU_SEED_DEMO: z.stringbool().default(true),
    KEFU_CALL_STALE_SECONDS: z.coerce.number().int().min(10).default(120),
    KEFU_COMPLIANCE_LEARNED: z.stringbool().default(true),
    KEFU_PROMISE_VETO: z.stringbool().default(true),
    KEFU_PLATFORM_WEBHOOK_SECRET: optionalText.pipe(
      z.string().min(16, 'at least 16 characters (it keys HMAC-SHA256)').optional(),
    ),
    KEFU_RECORDING: z.stringbool().default(true),
    KEFU_RECORDING_OFF_MERCHANTS: idList,
    KEFU_AUDIO_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    KEFU_AUDIO_DIR: optionalText,
    KEFU_AUDIO_S3_BUCKET: optionalText,
    KEFU_AUDIO_S3_ENDPOINT: optionalUrl(/^https?$/),
    KEFU_AUDIO_S3_REGION: z.string().trim().min(1).default('us-east-1'),
    KEFU_AUDIO_S3_PREFIX: z.string().trim().default(''),
    KEFU_AUDIO_S3_ACCESS_KEY_ID: optionalText,
    KEFU_AUDIO_S3_SECRET_ACCESS_KEY: optionalText,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.KEFU_MIGRATION_DATABASE_URL && !env.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'required when KEFU_MIGRATION_DATABASE_URL is set',
      });
    const livekit = ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'] as const;
    const set = livekit.filter((k) => env[k] !== undefined);
    if (set.length > 0 && set.length < livekit.length) {
      for (const key of livekit.filter((k) => env[k] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [key], message: `required when ${set.join(', ')} is set` });
      }
    }
    if (Boolean(env.KEFU_AUDIO_S3_ACCESS_KEY_ID) !== Boolean(env.KEFU_AUDIO_S3_SECRET_ACCESS_KEY)) {
      const missing = env.KEFU_AUDIO_S3_ACCESS_KEY_ID
        ? 'KEFU_AUDIO_S3_SECRET_ACCESS_KEY'
        : 'KEFU_AUDIO_S3_ACCESS_KEY_ID';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'S3 credentials come as a pair: set both keys or neither',
      });
    }
  });

/** Whether this runtime knows `tz` as an IANA time zone ("Asia/Shanghai"). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  /**
   * migrationUrl: the schema owner, who migrates; the app then connects by `url` as a role that
   * owns nothing (decision 0173).
   */
  database:
    | { kind: 'external'; url: string; migrationUrl?: string }
    | { kind: 'embedded'; dataDir: string; port: number };
  /** trustProxy: believe X-Forwarded-Proto/-For/-Host (only behind a proxy that sets them). */
  http: { host: string; port: number; trustProxy: boolean };
  /** The audit chain head is checkpointed, HMAC-signed with a key the database never sees. */
  audit: { hmacKey?: string; checkpointFile: string };
  livekit?: { url: string; apiKey: string; apiSecret: string; agentName: string };
  llm?: {
    apiKey: string;
    baseURL?: string;
    model: string;
    embeddingModel?: string;
    sttModel: string;
    /** How long a line's LLM recall (promises, issues) may take before the offline result stands; default DEFAULT_LLM_RECALL_BUDGET_MS. */
    recallBudgetMs?: number;
  };
  /** `threads` undefined: one recognition thread per core; 0: engines run on the event loop. */
  stt: { engines: Record<string, SttEngineName>; threads?: number; vocabulary?: SttVocabulary };
  /** The nice value `kefu agent` and its job processes run at (calls' real-time audio first). */
  agentNice: number;
  botExecutor: 'process' | 'shared';
  /** Replies sent provisionally at the end of the buyer's speech (decision 0495). */
  botProvisional: boolean;
  models: { dir: string; allowRemote: boolean };
  timeZone: string;
  seedDemo: boolean;
  /** A call with no heartbeat and no utterance for this long has lost its bot and is ended. */
  callStaleSeconds: number;
  /** learned: the trained recall layer adds flags the rules miss (decisions 0300, 0325); on by default. */
  compliance: { learned: boolean };
  /** promiseVeto: the trained promise-line veto drops promises read on lines unlikely to carry one (decisions 0340, 0385); on by default. */
  notes: { promiseVeto: boolean };
  /** The platform's order-events webhook; without a secret it is off. */
  platform: { webhookSecret?: string };
  recording: RecordingConfig;
  logLevel: Env['LOG_LEVEL'];
}

/** Call audio: whether it is kept, for whom, for how long, and where (decision 0180). */
export interface RecordingConfig {
  /** Platform-wide switch; off means no call is recorded and participants are told so. */
  enabled: boolean;
  /** Merchants whose calls are never recorded. */
  offForMerchants: string[];
  retentionDays: number;
  store:
    | { kind: 'local'; dir: string }
    | {
        kind: 's3';
        bucket: string;
        endpoint?: string;
        region: string;
        prefix: string;
        credentials?: { accessKeyId: string; secretAccessKey: string };
      };
}

/** Whether this merchant's calls are recorded under this configuration. */
export function recordsCallsOf(recording: RecordingConfig, merchantId: string): boolean {
  return recording.enabled && !recording.offForMerchants.includes(merchantId);
}

/**
 * Parses the environment once, at start. Every bad or missing key is named in one error so a
 * person fixes them all in one go rather than one per restart.
 */
export function loadConfig(env: Record<string, string | undefined> = readEnv()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(environment)';
      const got = typeof issue.path[0] === 'string' && env[issue.path[0]] !== undefined;
      return `  ${key}: ${issue.message}${got ? '' : issue.code === 'invalid_type' ? ' (missing)' : ''}`;
    });
    throw new KefuError(
      'CONFIG_INVALID',
      `Invalid configuration (see .env.example for every key):\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  return {
    database: e.DATABASE_URL
      ? { kind: 'external', url: e.DATABASE_URL, migrationUrl: e.KEFU_MIGRATION_DATABASE_URL }
      : { kind: 'embedded', dataDir: e.KEFU_DATA_DIR, port: e.KEFU_DB_PORT },
    http: { host: e.HOST, port: e.PORT, trustProxy: e.KEFU_TRUST_PROXY },
    audit: { hmacKey: e.KEFU_AUDIT_HMAC_KEY, checkpointFile: e.KEFU_AUDIT_CHECKPOINT_FILE },
    livekit:
      e.LIVEKIT_URL && e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET
        ? {
            url: e.LIVEKIT_URL,
            apiKey: e.LIVEKIT_API_KEY,
            apiSecret: e.LIVEKIT_API_SECRET,
            agentName: e.KEFU_AGENT_NAME,
          }
        : undefined,
    // A self-hosted OpenAI-compatible server (vLLM, Ollama, FunASR) may need no key at all.
    llm:
      e.OPENAI_API_KEY || e.OPENAI_BASE_URL
        ? {
            apiKey: e.OPENAI_API_KEY ?? 'unused',
            baseURL: e.OPENAI_BASE_URL,
            model: e.KEFU_LLM_MODEL,
            embeddingModel: e.KEFU_EMBEDDING_MODEL,
            sttModel: e.KEFU_STT_MODEL,
            recallBudgetMs: e.KEFU_LLM_RECALL_BUDGET_MS,
          }
        : undefined,
    stt: { engines: e.KEFU_STT_ENGINES, threads: e.KEFU_STT_THREADS, vocabulary: e.KEFU_STT_VOCABULARY },
    agentNice: e.KEFU_AGENT_NICE,
    botExecutor: e.KEFU_BOT_EXECUTOR ?? (e.DATABASE_URL ? 'shared' : 'process'),
    botProvisional: e.KEFU_BOT_PROVISIONAL,
    models: { dir: e.KEFU_MODEL_DIR, allowRemote: e.KEFU_ALLOW_REMOTE_MODELS },
    timeZone: e.KEFU_TIME_ZONE,
    seedDemo: e.KEFU_SEED_DEMO,
    callStaleSeconds: e.KEFU_CALL_STALE_SECONDS,
    compliance: { learned: e.KEFU_COMPLIANCE_LEARNED },
    notes: { promiseVeto: e.KEFU_PROMISE_VETO },
    platform: { webhookSecret: e.KEFU_PLATFORM_WEBHOOK_SECRET },
    recording: {
      enabled: e.KEFU_RECORDING,
      offForMerchants: e.KEFU_RECORDING_OFF_MERCHANTS,
      retentionDays: e.KEFU_AUDIO_RETENTION_DAYS,
      store: e.KEFU_AUDIO_S3_BUCKET
        ? {
            kind: 's3',
            bucket: e.KEFU_AUDIO_S3_BUCKET,
            endpoint: e.KEFU_AUDIO_S3_ENDPOINT,
            region: e.KEFU_AUDIO_S3_REGION,
            prefix: e.KEFU_AUDIO_S3_PREFIX,
            credentials:
              e.KEFU_AUDIO_S3_ACCESS_KEY_ID && e.KEFU_AUDIO_S3_SECRET_ACCESS_KEY
                ? { accessKeyId: e.KEFU_AUDIO_S3_ACCESS_KEY_ID, secretAccessKey: e.KEFU_AUDIO_S3_SECRET_ACCESS_KEY }
                : undefined,
          }
        : { kind: 'local', dir: e.KEFU_AUDIO_DIR ?? join(e.KEFU_DATA_DIR, 'audio') },
    },
    logLevel: e.LOG_LEVEL,
  };
}

/** process.env over `.env` in the working directory: a real environment always wins. */
export function readEnv(path = '.env'): Record<string, string | undefined> {
  const fromFile = existsSync(path) ? parseEnv(readFileSync(path, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}
