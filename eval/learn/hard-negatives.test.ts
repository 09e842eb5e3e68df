/**
 * The tests' ceiling read off the layer alone (decision 0625): learned-layer.test.ts's negatives are
 * scored by the layer without the rules, and the shipped thresholds lie above every such score.
 */
import { describe, expect, it } from 'vitest';
import { defaultLineClassifier } from '../../pipelines/learn/model.js';
import { layerCeilings, layerNegatives } from './hard-negatives.js';

describe("the layer tests' ceiling", () => {
  const { model } = defaultLineClassifier();

  it("stays under every shipped threshold (the trainer raises a gate's threshold above it)", () => {
    const top = layerCeilings(model, layerNegatives());
    for (const [c, p] of Object.entries(top))
      expect(p, c).toBeLessThan(model.categories[c as keyof typeof model.categories]!.threshold);
  });

  it('counts a line the layer would flag at an open threshold, and none it gates out', () => {
    const claim = [
      {
        source: 't',
        lines: [{ speaker: 'merchant' as const, text: '我们家蜂蜜能治糖尿病 比吃药管用', startMs: 0, endMs: 1 }],
      },
    ];
    expect(layerCeilings(model, claim).prohibited_claim).toBeGreaterThan(0.5);
    const buyer = [
      {
        source: 't',
        lines: [{ speaker: 'customer' as const, text: '我们家蜂蜜能治糖尿病 比吃药管用', startMs: 0, endMs: 1 }],
      },
    ];
    expect(layerCeilings(model, buyer)).toEqual({});
  });
});
