import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModerationCategorySchema } from '../../core/domain.js';
import { fromPackageRoot } from '../../core/paths.js';
import { groundOf, parseGrounds } from './grounds.js';

const file = 'pipelines/moderation/data/grounds.json';
const shipped = () => JSON.parse(readFileSync(fromPackageRoot(file), 'utf8'));
const parse = (edit: (data: ReturnType<typeof shipped>) => void) => {
  const data = shipped();
  edit(data);
  return () => parseGrounds(file, JSON.stringify(data));
};

describe('grounds.json', () => {
  it('gives every moderation category a ground in both languages and a DSA category', () => {
    expect(parseGrounds(file, JSON.stringify(shipped()))).toMatchObject({ id: 'grounds', version: 1 });
    for (const category of ModerationCategorySchema.options) {
      const ground = groundOf(category);
      expect(ground.zh, category).toMatch(/^平台规则：\p{Script=Han}/u);
      expect(ground.en, category).toMatch(/^Platform rules: /);
    }
    expect(groundOf('contact_exchange')).toMatchObject({ dsaCategory: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE' });
  });

  it('refuses bad data with an error naming the file and the field', () => {
    expect(() => parseGrounds(file, '[')).toThrow(`${file}: not JSON`);
    expect(
      parse((d) => {
        delete d.categories.abuse;
      }),
    ).toThrow(`${file}: categories.abuse: `);
    expect(
      parse((d) => {
        d.categories.spam = d.categories.abuse;
      }),
    ).toThrow(`${file}: categories: `);
    expect(
      parse((d) => {
        d.categories.abuse.en = '';
      }),
    ).toThrow(`${file}: categories.abuse.en: `);
    expect(
      parse((d) => {
        d.categories.abuse.dsaCategory = 'HATE';
      }),
    ).toThrow(`${file}: categories.abuse.dsaCategory: `);
  });
});
