import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKefuError } from '../core/errors.js';
import { definePrompt, renderPrompt } from './render.js';
import { replySuggestionsPrompt } from './reply-suggestions.js';
import { callSummaryPrompt } from './call-summary.js';

// Fixtures live in prompts/testing/: the id is a path relative to prompts/.
const greeting = definePrompt({
  id: 'testing/greeting',
  version: 1,
  variables: z.object({ language: z.string(), name: z.string().min(1), tags: z.array(z.string()) }),
});

function promptError(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    if (isKefuError(err, 'PROMPT_INVALID')) return err;
    throw err;
  }
  throw new Error('expected PROMPT_INVALID');
}

describe('renderPrompt', () => {
  it('fills both sections, serialises non-string variables and records the ref', () => {
    const r = renderPrompt(greeting, { language: 'English', name: 'Li Wei', tags: ['vip'] });
    expect(r.ref).toBe('testing/greeting@1');
    expect(r.system).toBe('You greet people in English.');
    expect(r.user).toBe('Say hello to Li Wei; their tags: [\n "vip"\n]');
  });

  it('names the variable that is missing or invalid', () => {
    const err = promptError(() => renderPrompt(greeting, { language: 'English', tags: [] } as never));
    expect(err.message).toMatch(/testing\/greeting@1/);
    expect(err.message).toMatch(/name/);
  });

  it('refuses a placeholder its schema does not declare', () => {
    const stray = definePrompt({
      id: 'testing/stray-placeholder',
      version: 1,
      variables: z.object({ name: z.string() }),
    });
    expect(promptError(() => renderPrompt(stray, { name: 'x' })).message).toMatch(/\{\{orderId\}\}/);
  });

  it('refuses a template without "# system" and "# user" sections', () => {
    const broken = definePrompt({ id: 'testing/no-sections', version: 1, variables: z.object({ name: z.string() }) });
    expect(promptError(() => renderPrompt(broken, { name: 'x' })).message).toMatch(
      /no-sections\.v1\.md needs a "# system"/,
    );
  });

  it('renders the shipped prompts with every placeholder filled', () => {
    const reply = renderPrompt(replySuggestionsPrompt, {
      languageName: 'English',
      transcript: '[0] customer: it broke',
      facts: 'none',
      issue: 'damaged',
      refundOptions: 'none',
      policies: '- en.quality.return: …',
    });
    const summary = renderPrompt(callSummaryPrompt, {
      languageName: 'English',
      transcript: '[0] customer: hi',
      findings: '{}',
      draft: 'Issue: none.',
    });
    for (const r of [reply, summary]) expect(`${r.system}\n${r.user}`).not.toMatch(/\{\{\w+\}\}/);
    expect(reply.ref).toBe('reply-suggestions@1');
    expect(summary.ref).toBe('call-summary@1');
  });
});
