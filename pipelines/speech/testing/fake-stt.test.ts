import { describe, expect, it } from 'vitest';
import { KefuError } from '../../../core/errors.js';
import { describeSttConformance, speak } from './conformance.js';
import { FakeSttEngine } from './fake-stt.js';

const text = 'my order number is four seven two nine';
const samples = new Int16Array(16_000 * 2);

describeSttConformance('fake', async () => ({
  engine: new FakeSttEngine({ script: Array(10).fill(text) }),
  speech: { samples, language: 'en', text },
  maxWer: 0,
  failing: () =>
    new FakeSttEngine({
      script: [text],
      failAt: { utterance: 0, error: new KefuError('STT_FAILED', 'down', { retryable: true }) },
    }),
}));

describe('FakeSttEngine', () => {
  it('reveals the scripted text word by word, then finalises it', async () => {
    const segments = await speak(new FakeSttEngine({ script: ['one two three'], framesPerWord: 10 }), samples, 'en');
    expect(segments.map((s) => [s.text, s.final])).toEqual([
      ['one', false],
      ['one two', false],
      ['one two three', false],
      ['one two three', true],
    ]);
  });
});
