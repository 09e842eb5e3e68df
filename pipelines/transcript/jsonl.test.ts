import { describe, expect, it } from 'vitest';
import { parseTranscriptJsonl } from './jsonl.js';

const ok = '{"speaker":"customer","text":"苹果烂了","startMs":0,"endMs":1200}';

describe('parseTranscriptJsonl', () => {
  it('reads one utterance per line and skips blank lines', () => {
    const lines = parseTranscriptJsonl(
      `${ok}\n\n{"speaker":"merchant","text":"抱歉","startMs":1300,"endMs":2000}\n`,
      'call.jsonl',
    );
    expect(lines.map((l) => l.speaker)).toEqual(['customer', 'merchant']);
  });

  it.each([
    ['{"speaker":"customer","text":"x","startMs":0', 'call.jsonl:2: not valid JSON'],
    ['{"speaker":"customer","startMs":0,"endMs":1}', 'call.jsonl:2: missing field "text"'],
    ['{"speaker":"buyer","text":"x","startMs":0,"endMs":1}', 'call.jsonl:2: field "speaker" is invalid'],
    ['{"speaker":"customer","text":"x","startMs":-5,"endMs":1}', 'call.jsonl:2: field "startMs" is invalid'],
    [
      '{"speaker":"customer","text":"x","startMs":900,"endMs":100}',
      'call.jsonl:2: field "endMs" (100) is before "startMs" (900)',
    ],
    ['[1,2]', 'call.jsonl:2: expected a JSON object'],
  ])('names the line and field of %s', (bad, message) => {
    expect(() => parseTranscriptJsonl(`${ok}\n${bad}`, 'call.jsonl')).toThrow(message);
  });

  it('refuses an empty file', () => {
    expect(() => parseTranscriptJsonl('\n\n', 'empty.jsonl')).toThrow('empty.jsonl: no utterances');
  });
});
