import { readFile } from 'node:fs/promises';
import { BuyerNameSchema } from '../../core/buyer.js';
import type { TranscriptLine } from '../../core/domain.js';
import { recordsCallsOf } from '../../core/config.js';
import { KefuError } from '../../core/errors.js';
import { parseStartedAt } from '../../core/time.js';
import { openAudioChannels } from '../../pipelines/audio/decode.js';
import type { ReplaySource } from '../../pipelines/session/replay.js';
import type { SpeakerStream } from '../../pipelines/speech/transcribe.js';
import { SpokenLanguageSchema } from '../../pipelines/speech/contract.js';
import { parseTranscriptJsonl } from '../../pipelines/transcript/jsonl.js';
import { defineCommand } from '../command.js';

export const REPLAY_MERCHANT = { id: 'kefu-replay', name: 'Replayed calls' };

export const replayCommand = defineCommand({
  name: 'replay',
  summary: 'Run a recorded call through speech → text pipelines → database as if it were live.',
  usage: 'kefu replay [CALL.wav] [--customer FILE.wav --merchant FILE.wav] [--transcript FILE.jsonl] [options]',
  details: [
    'CALL.wav           a stereo recording: left channel the merchant, right channel the customer',
    '--customer/--merchant  one mono WAV per speaker instead',
    '--transcript       replay text (JSON Lines, as for kefu analyze) for languages with no local STT',
    "--language zh|en   the call's spoken language, which picks the speech engine (default en)",
    '--started-at ISO   when the call started (default now); deadlines are dates in its zone',
    '--merchant-id ID   the merchant the call belongs to (default "kefu-replay")',
    '--buyer-name NAME  the masked name pages show for the buyer (张**, z***g; default none)',
    '--realtime         play at the pace of the recording, so the dashboard shows it arriving',
    '--json             print one JSON object: the kefu analyze fields plus utterances',
  ].join('\n'),
  options: {
    customer: { type: 'string' },
    merchant: { type: 'string' },
    transcript: { type: 'string' },
    language: { type: 'string' },
    'started-at': { type: 'string' },
    'merchant-id': { type: 'string' },
    'buyer-name': { type: 'string' },
    realtime: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { min: 0, max: 1 },
  async run({ values, positionals, log, out }) {
    const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
    const language = SpokenLanguageSchema.safeParse(str('language') ?? 'en');
    if (!language.success) throw new KefuError('USAGE', `--language must be zh or en, not "${str('language')}"`);
    const buyerName = str('buyer-name') === undefined ? undefined : BuyerNameSchema.safeParse(str('buyer-name'));
    if (buyerName && !buyerName.success)
      throw new KefuError('USAGE', `--buyer-name: ${buyerName.error.issues[0]?.message}`);
    const inputs = [positionals[0], str('transcript'), str('customer') ?? str('merchant')].filter(Boolean);
    if (inputs.length !== 1) {
      throw new KefuError(
        'USAGE',
        'give exactly one of: CALL.wav, --customer FILE --merchant FILE, or --transcript FILE.jsonl',
      );
    }
    const [
      { upsertMerchant },
      { notifyCallEvent },
      { buildAnalyzers },
      { replayCall },
      { analysisText, replayJson },
      { buildSttRouting },
      { withRuntime },
      { openAudioStore },
    ] = await Promise.all([
      import('../../db/queries/people.js'),
      import('../../db/queries/call-events.js'),
      import('../../pipelines/session/build-analyzers.js'),
      import('../../pipelines/session/replay.js'),
      import('../../pipelines/session/report.js'),
      import('../../pipelines/speech/router.js'),
      import('../runtime.js'),
      import('../../pipelines/recording/open-store.js'),
    ]);
    // Every input is read and checked before the database opens and the recognizers load: a
    // broken file is refused at once, with nothing started that would have to be torn down.
    const input = await readInputs(
      { call: positionals[0], transcript: str('transcript'), customer: str('customer'), merchant: str('merchant') },
      language.data,
    );
    await withRuntime(log, async ({ config, db }) => {
      const { at, timeZone } = str('started-at')
        ? parseStartedAt(str('started-at')!, config.timeZone)
        : { at: new Date(), timeZone: config.timeZone };
      const stt = buildSttRouting(config);
      try {
        const source = replaySource(input, language.data, stt.engineFor);
        if (source.kind === 'audio') log(`speech: ${stt.description}`);
        const merchantId = str('merchant-id') ?? REPLAY_MERCHANT.id;
        if (merchantId === REPLAY_MERCHANT.id) await upsertMerchant(db.sql, REPLAY_MERCHANT);
        const audioStore =
          source.kind === 'audio' && recordsCallsOf(config.recording, merchantId)
            ? openAudioStore(config.recording)
            : undefined;
        if (source.kind === 'audio')
          log(`recording: ${audioStore ? audioStore.description : 'off for this merchant (KEFU_RECORDING*)'}`);
        const analyzers = await buildAnalyzers({ config, sql: db.sql, onFallback: (reason) => log(`llm: ${reason}`) });
        // The dashboard of the Kefu that owns this database hears the call through NOTIFY.
        const shared = db.kind === 'external' || db.owner !== undefined;
        if (db.owner?.apiUrl) log(`replay: the call shows in the dashboard at ${db.owner.apiUrl}`);
        let heard = 0;
        const result = await replayCall(
          {
            sql: db.sql,
            analyzers,
            audioStore,
            emit: (e) => {
              if (shared)
                notifyCallEvent(db.sql, merchantId, e).catch((err: unknown) => log(`replay: notify failed: ${err}`));
              if (e.type === 'call.started') log(`replay: call ${e.callId} started`);
              if (e.type === 'utterance.final')
                log(
                  `replay: utterance ${++heard} (${e.utterance.speaker}, ${e.utterance.startMs}–${e.utterance.endMs} ms, ${e.utterance.engine})`,
                );
              if (e.type === 'flag.raised') log(`replay: flag ${e.flag.category} on utterance ${e.flag.utterance}`);
            },
          },
          source,
          {
            room: `replay-${at.getTime()}-${process.pid}`,
            merchantId,
            buyerId: 'replay-buyer',
            buyerName: buyerName?.data,
            startedAt: at,
            timeZone,
          },
          { realtime: values.realtime === true },
        );
        const lines = result.utterances;
        out(
          values.json
            ? JSON.stringify(replayJson(result.findings, result.summary, lines))
            : `Transcript\n${lines.map((u) => `  [${u.speaker}] ${u.text}`).join('\n')}\n\n${analysisText(result.findings, result.summary, lines)}`,
        );
      } finally {
        await stt.close();
      }
    });
    return 0;
  },
});

type Inputs = { kind: 'transcript'; lines: readonly TranscriptLine[] } | { kind: 'audio'; streams: SpeakerStream[] };

function replaySource(
  input: Inputs,
  language: 'zh' | 'en',
  engineFor: Extract<ReplaySource, { kind: 'audio' }>['engineFor'],
): ReplaySource {
  if (input.kind === 'transcript') return input;
  if (!engineFor(language)) {
    throw new KefuError(
      'STT_UNAVAILABLE',
      `No speech engine for ${language} (see KEFU_STT_ENGINES); replay its transcript with --transcript instead`,
    );
  }
  return { ...input, engineFor };
}

async function readInputs(
  files: { call?: string; transcript?: string; customer?: string; merchant?: string },
  language: 'zh' | 'en',
): Promise<Inputs> {
  if (files.transcript) {
    const text = await readFile(files.transcript, 'utf8').catch((cause: NodeJS.ErrnoException) => {
      throw new KefuError(
        'INPUT_INVALID',
        `${files.transcript}: ${cause.code === 'ENOENT' ? 'no such file' : cause.message}`,
        { cause },
      );
    });
    return { kind: 'transcript', lines: parseTranscriptJsonl(text, files.transcript) };
  }
  const streams: SpeakerStream[] = [];
  if (files.call) {
    const channels = await openAudioChannels(files.call);
    if (channels.length !== 2) {
      throw new KefuError(
        'INPUT_INVALID',
        `${files.call}: a call recording needs 2 channels (merchant left, customer right), not ${channels.length}; give --customer and --merchant files for mono audio`,
      );
    }
    streams.push(
      { speaker: 'merchant', language, frames: channels[0]!.frames },
      { speaker: 'customer', language, frames: channels[1]!.frames },
    );
  } else {
    for (const [speaker, path] of [
      ['customer', files.customer],
      ['merchant', files.merchant],
    ] as const) {
      if (!path) continue;
      const [mono, ...rest] = await openAudioChannels(path);
      if (rest.length > 0)
        throw new KefuError(
          'INPUT_INVALID',
          `${path}: --${speaker} takes a mono recording, this one has ${rest.length + 1} channels`,
        );
      streams.push({ speaker, language, frames: mono!.frames });
    }
  }
  return { kind: 'audio', streams };
}
