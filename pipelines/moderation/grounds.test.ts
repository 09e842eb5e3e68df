import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModerationCategorySchema } from '../../core/domain.js';
import { fromPackageRoot } from '../../core/paths.js';
import { refusesEachEdit } from '../../test/knowledge-file.js';
import { groundOf, parseGrounds } from './grounds.js';

const file = 'pipelines/moderation/data/grounds.json';

describe('grounds.json', () => {
  it('gives every moderation category a ground in both languages and a DSA category', () => {
    expect(parseGrounds(file, readFileSync(fromPackageRoot(file), 'utf8'))).toMatchObject({
      id: 'grounds',
      version: 1,
    });
    for (const category of ModerationCategorySchema.options) {
      const ground = groundOf(category);
      expect(ground.zh, category).toMatch(/^平台规则：\p{Script=Han}/u);
      expect(ground.en, category).toMatch(/^Platform rules: /);
    }
    expect(groundOf('contact_exchange')).toMatchObject({ dsaCategory: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE' });
  });

  refusesEachEdit(file, parseGrounds, {
    'categories.abuse': (d) => {
      delete d.categories.abuse;
    },
    categories: (d) => {
      d.categories.spam = d.categories.abuse;
    },
    'categories.abuse.en': (d) => {
      d.categories.abuse.en = '';
    },
    'categories.abuse.dsaCategory': (d) => {
      d.categories.abuse.dsaCategory = 'HATE';
    },
  });
});
