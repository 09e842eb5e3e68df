import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKefuError } from '../../core/errors.js';
import { cosine } from './contract.js';
import { TransformersEmbedder } from './transformers.js';

// Opt-in: no model weights ship with Kefu. Set KEFU_TEST_EMBED_MODEL (e.g. Xenova/bge-small-zh-v1.5)
// and optionally KEFU_TEST_MODEL_DIR (default .kefu/models) to a folder holding that model.
const modelId = process.env.KEFU_TEST_EMBED_MODEL;
const dir = process.env.KEFU_TEST_MODEL_DIR ?? '.kefu/models';
const present = modelId !== undefined && existsSync(join(dir, modelId));
if (!present) {
  console.info(
    `transformers embedder: real-model test skipped — set KEFU_TEST_EMBED_MODEL to a model under ${dir} to run it`,
  );
}

describe('TransformersEmbedder', () => {
  it('says which model and folder are missing, without reaching the network', async () => {
    const err = await TransformersEmbedder.load({
      modelId: 'Xenova/absent-model',
      dir: '/nonexistent',
      allowRemote: false,
    }).catch((e: unknown) => e);
    expect(isKefuError(err, 'CONFIG_INVALID')).toBe(true);
    expect(String((err as Error).message)).toMatch(/Xenova\/absent-model.*\/nonexistent.*remote downloads are off/);
  });

  it.skipIf(!present)(`embeds with the local model ${modelId ?? '(KEFU_TEST_EMBED_MODEL unset)'}`, async () => {
    const e = await TransformersEmbedder.load({ modelId: modelId!, dir, allowRemote: false });
    const [q, near, far] = await e.embed([
      '水果烂了能退款吗',
      '坏果包赔：生鲜水果腐烂按比例退款',
      '大家电预约上门安装',
    ]);
    expect(q).toHaveLength(e.dims);
    expect(Math.hypot(...q!)).toBeCloseTo(1, 4);
    expect(cosine(q!, near!)).toBeGreaterThan(cosine(q!, far!));
  });
});
