import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../../core/domain.js';
import { HashedNgramEmbedder } from '../embed/hashed-ngram.js';
import { ComplianceDetector } from './detector.js';
import type { Exemplar } from './exemplars.js';
import { loadExemplars } from './exemplars.js';

const say = (text: string): TranscriptLine[] => [{ speaker: 'merchant', text, startMs: 0, endMs: 1000 }];

describe('semantic layer', () => {
  const exemplars: Exemplar[] = [
    { category: 'review_manipulation', label: 'positive', text: '给个五星好评返现五元' },
    { category: 'review_manipulation', label: 'positive', text: '好评晒图返现三块' },
    { category: 'review_manipulation', label: 'negative', text: '好评返现那是以前的老黄历了，现在早就取消了' },
  ];
  const detector = new ComplianceDetector({ embedder: new HashedNgramEmbedder(), exemplars });

  it('rejects a near-miss that the rules let through, and says which exemplar it resembled', async () => {
    // No negation or warning cue the rules know, but it is about a discontinued practice.
    const lines = say('好评返现那是以前的老黄历了，早就取消了');
    expect(await detector.detect(lines)).toEqual([]);
    const [c] = await detector.inspect(lines);
    expect(c!.droppedBy).toBe('semantic');
    expect(c!.verdicts[1]).toMatchObject({
      layer: 'semantic',
      verdict: 'rejected',
      detail: { nearestLabel: 'negative' },
    });
  });

  it('keeps and confirms a true positive', async () => {
    const [flag] = await detector.detect(say('亲，五星好评返现五元哦'));
    expect(flag!.verdicts[1]).toMatchObject({ layer: 'semantic', verdict: 'confirmed' });
    expect(flag!.confidence).toBeGreaterThan(0.85);
  });

  it('with the shipped exemplars, rejects a look-alike and keeps the violation', async () => {
    const shipped = new ComplianceDetector({ exemplars: loadExemplars() });
    const near = await shipped.inspect(say('好评返现？请问好评有返现吗，我问问'));
    expect(near.every((c) => !c.accepted)).toBe(true);
    expect(await shipped.detect(say('给个五星好评返现五元'))).toHaveLength(1);
  });

  it('abstains when a category has no exemplars', async () => {
    const [flag] = await new ComplianceDetector({ exemplars: [] }).detect(say('Just Venmo me the rest'));
    expect(flag!.verdicts[1]).toMatchObject({ verdict: 'abstained', detail: { reason: 'no exemplars' } });
  });

  it('ships positives and hard negatives for every category in both languages', () => {
    const all = loadExemplars();
    for (const label of ['positive', 'negative'] as const) {
      expect(new Set(all.filter((e) => e.label === label).map((e) => e.category)).size).toBe(7);
    }
    expect(all.length).toBeGreaterThanOrEqual(140);
  });
});
