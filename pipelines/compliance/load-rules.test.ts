import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagCategorySchema } from '../../core/domain.js';
import { compileRuleFile, DEFAULT_RULES_DIR, loadRules } from './load-rules.js';

const valid = () => ({
  language: 'zh',
  lexicon: { wechat: ['微信', 'vx'] },
  context: {
    negationAfter: ['违规'],
    reporting: ['骗子'],
    negationWindow: 6,
    afterWindow: 10,
  },
  rules: [
    {
      id: 'zh.contact.wechat',
      version: 1,
      category: 'contact_exchange',
      severity: 'high',
      speakers: ['merchant'],
      patterns: ['加我{wechat}'],
      confidence: 0.8,
      ground: '不得站外引流',
    },
  ],
});
type Mutate = (f: ReturnType<typeof valid>) => void;
const compileWith = (mutate: Mutate) => {
  const f = valid();
  mutate(f);
  return () => compileRuleFile('zh.json', JSON.stringify(f));
};

describe('loadRules', () => {
  it('loads the shipped rules: every category in both languages, stable unique ids', () => {
    const { rules, files } = loadRules();
    expect(files).toEqual(['en.json', 'zh.json']);
    for (const language of ['zh', 'en'] as const) {
      const cats = new Set(rules.filter((r) => r.language === language).map((r) => r.category));
      expect([...cats].sort()).toEqual([...FlagCategorySchema.options].sort());
    }
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) expect(r.ref).toMatch(/^[a-z]{2}\.[a-z0-9_.-]+@\d+$/);
  });

  it('expands lexicon entries into the patterns', () => {
    const [rule] = compileRuleFile('zh.json', JSON.stringify(valid()));
    expect(rule!.patterns[0]!.test('加我vx')).toBe(true);
  });

  it.each<[string, Mutate, RegExp]>([
    [
      'a bad severity',
      (f) => void ((f.rules[0] as { severity: string }).severity = 'huge'),
      /zh\.json: rule zh\.contact\.wechat: severity/,
    ],
    [
      'a missing ground',
      (f) => void delete (f.rules[0] as { ground?: string }).ground,
      /rule zh\.contact\.wechat: ground/,
    ],
    ['an unknown field', (f) => void Object.assign(f.rules[0]!, { patern: [] }), /rule zh\.contact\.wechat: \(rule\)/],
    [
      'an invalid regex',
      (f) => void (f.rules[0]!.patterns = ['ok', '加(微信']),
      /rule zh\.contact\.wechat: patterns\[1\]: invalid pattern/,
    ],
    [
      'an unknown lexicon entry',
      (f) => void (f.rules[0]!.patterns = ['加{qq}']),
      /rule zh\.contact\.wechat: patterns\[0\]: unknown lexicon entry \{qq\}/,
    ],
    [
      'an id of another language',
      (f) => void (f.rules[0]!.id = 'en.contact.wechat'),
      /rule en\.contact\.wechat: id must start with "zh\."/,
    ],
    ['a confidence above 1', (f) => void (f.rules[0]!.confidence = 1.5), /rule zh\.contact\.wechat: confidence/],
  ])('rejects %s, naming the file and the rule', (_, mutate, message) => {
    expect(compileWith(mutate)).toThrow(message);
  });

  it('rejects a file that is not JSON', () => {
    expect(() => compileRuleFile('zh.json', '{ nope')).toThrow(/Rule file zh\.json: not valid JSON/);
  });

  it('rejects the same rule id in two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-rules-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(valid()));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(valid()));
    expect(() => loadRules(dir)).toThrow(/Rule zh\.contact\.wechat is defined twice/);
  });

  it('rejects an empty rules directory', () => {
    expect(() => loadRules(mkdtempSync(join(tmpdir(), 'kefu-rules-')))).toThrow(/No rule files/);
  });

  it('keeps rule files readable: every rule has a ground and at least one pattern', () => {
    for (const f of ['zh.json', 'en.json']) {
      const file = JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, f), 'utf8')) as { rules: { ground: string }[] };
      for (const r of file.rules) expect(r.ground.length).toBeGreaterThan(5);
    }
  });
});
