import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { readSamples, synthesize, tempDir } from '../../test/audio/speech-fixtures.js';
import { describeSttConformance, speak } from './testing/conformance.js';
import { WhisperLocalEngine } from './whisper-local.js';

/**
 * No Whisper weights ship with npm, so the real run needs a directory holding e.g.
 * Xenova/whisper-tiny.en/… : KEFU_TEST_WHISPER_MODELS_DIR (and KEFU_TEST_WHISPER_MODEL).
 */
const modelsDir = process.env.KEFU_TEST_WHISPER_MODELS_DIR;
const model = process.env.KEFU_TEST_WHISPER_MODEL ?? 'Xenova/whisper-tiny.en';
const tmp = tempDir();
afterAll(tmp.remove);

if (!modelsDir) {
  console.warn(
    'whisper-local: SKIPPED the real-model tests: set KEFU_TEST_WHISPER_MODELS_DIR to a directory with Whisper ONNX files to run them',
  );
  describe.skip('STT contract: whisper-local (set KEFU_TEST_WHISPER_MODELS_DIR to run)', () => {
    it('runs the conformance suite on a real model', () => {});
  });
} else {
  describeSttConformance(`whisper-local ${model}`, async () => {
    const text = 'I would like a refund for the broken blender.';
    return {
      engine: new WhisperLocalEngine({ modelsDir, model, allowRemote: false }),
      speech: { samples: readSamples(synthesize(text, join(tmp.dir, 'w.wav'))), language: 'en', text },
      maxWer: 0.3,
      failing: () => new WhisperLocalEngine({ modelsDir: join(tmp.dir, 'empty'), model, allowRemote: false }),
    };
  });
}

describe('WhisperLocalEngine without a model', () => {
  it('says where the model should be and how to allow a download, never fetching on its own', async () => {
    const engine = new WhisperLocalEngine({
      modelsDir: join(tmp.dir, 'models'),
      model: 'Xenova/whisper-small',
      allowRemote: false,
    });
    expect(engine.hasModel()).toBe(false);
    const err = await speak(engine, new Int16Array(16_000), 'zh').catch((e: unknown) => e);
    expect(isKefuError(err)).toBe(true);
    expect((err as Error).message).toMatch(
      /no model in .*models\/Xenova\/whisper-small.*KEFU_ALLOW_REMOTE_MODELS=true/,
    );
  });
});
