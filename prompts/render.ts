import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { KefuError } from '../core/errors.js';
import type { LlmMessage } from '../pipelines/llm/contract.js';
import { fromPackageRoot } from '../core/paths.js';

/**
 * A versioned prompt: `prompts/<id>.v<version>.md` holds the text, with a `# system` and a
 * `# user` section and `{{name}}` placeholders; `variables` is the zod schema of what fills them.
 * Bumping the version means a new file, so stored results can say which prompt made them.
 */
export interface PromptDefinition<V extends z.ZodObject> {
  id: string;
  version: number;
  variables: V;
}

export interface RenderedPrompt extends LlmMessage {
  /** `<id>@<version>`, recorded with whatever the LLM produced from it. */
  ref: string;
}

export function definePrompt<V extends z.ZodObject>(def: PromptDefinition<V>): PromptDefinition<V> {
  return def;
}

const cache = new Map<string, { system: string; user: string }>();

export function renderPrompt<V extends z.ZodObject>(def: PromptDefinition<V>, vars: z.input<V>): RenderedPrompt {
  const parsed = def.variables.safeParse(vars);
  if (!parsed.success) {
    throw new KefuError('PROMPT_INVALID', `Prompt ${def.id}@${def.version}: ${z.prettifyError(parsed.error)}`);
  }
  const template = loadTemplate(def.id, def.version);
  const values = parsed.data as Record<string, unknown>;
  const fill = (text: string) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in values)) {
        throw new KefuError(
          'PROMPT_INVALID',
          `Prompt ${def.id}@${def.version} uses {{${name}}}, which its schema lacks`,
        );
      }
      const v = values[name];
      return typeof v === 'string' ? v : JSON.stringify(v, null, 1);
    });
  return { ref: `${def.id}@${def.version}`, system: fill(template.system), user: fill(template.user) };
}

function loadTemplate(id: string, version: number): { system: string; user: string } {
  const key = `${id}.v${version}`;
  let t = cache.get(key);
  if (!t) {
    const text = readFileSync(fromPackageRoot(`prompts/${key}.md`), 'utf8');
    const sections = /^# system\s*\n([\s\S]*?)^# user\s*\n([\s\S]*)$/m.exec(text);
    if (!sections)
      throw new KefuError('PROMPT_INVALID', `prompts/${key}.md needs a "# system" then a "# user" section`);
    t = { system: sections[1]!.trim(), user: sections[2]!.trim() };
    cache.set(key, t);
  }
  return t;
}
