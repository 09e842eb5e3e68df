import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { KefuError } from '../../core/errors.js';
import { foldScript, lexicon, MARK_KINDS, MASK_KINDS } from '../language/index.js';
import { type CompiledFrame, parseSlot, type SlotAlternative } from './frames.js';
import { type Rule, type RuleFile, RuleFileSchema } from './rule-schema.js';
import type { ViewMode } from '../language/index.js';
import { fromPackageRoot } from '../../core/paths.js';

export interface CompiledContext {
  negationAfter: RegExp[];
  reporting: RegExp[];
  accusation: RegExp[];
  negationWindow: number;
  afterWindow: number;
  topicShift: RegExp[];
}

export interface CompiledRule extends Omit<Rule, 'patterns' | 'frames' | 'exclusions' | 'previous'> {
  /** `<id>@<version>`, as written into every flag. */
  ref: string;
  language: 'zh' | 'en';
  view: ViewMode;
  patterns: RegExp[];
  frames: CompiledFrame[];
  exclusions: { pattern: RegExp; where: Rule['exclusions'][number]['where']; window: number }[];
  previous?: { patterns: RegExp[]; speaker: 'same' | 'other' | 'any'; lines: number };
  context: CompiledContext;
}

export interface RuleSet {
  rules: CompiledRule[];
  /** Which files they came from, for error messages and the audit trail. */
  files: string[];
}

export const DEFAULT_RULES_DIR = fromPackageRoot('pipelines/compliance/rules/');

/** Loads and validates every `*.json` rule file in `dir`; throws CONFIG_INVALID naming file and rule. */
export function loadRules(dir: string = DEFAULT_RULES_DIR): RuleSet {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new KefuError('CONFIG_INVALID', `No rule files (*.json) in ${dir}`);
  const rules = files.flatMap((f) => compileRuleFile(f, readFileSync(join(dir, f), 'utf8')));
  const seen = new Map<string, string>();
  for (const r of rules) {
    const other = seen.get(r.id);
    if (other) throw new KefuError('CONFIG_INVALID', `Rule ${r.id} is defined twice (${other} and ${r.language}.json)`);
    seen.set(r.id, `${r.language}.json`);
  }
  return { rules, files };
}

/** Parses one rule file's text; `name` only labels errors. */
export function compileRuleFile(name: string, text: string): CompiledRule[] {
  const fail = (what: string): never => {
    throw new KefuError('CONFIG_INVALID', `Rule file ${basename(name)}: ${what}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`);
  }
  const parsed = RuleFileSchema.safeParse(raw);
  if (!parsed.success) return fail(describeIssues(parsed.error, raw));
  const file = parsed.data;
  const view: ViewMode = file.language === 'zh' ? 'squeezed' : 'spaced';
  const compile = (source: string, where: string): RegExp => {
    const expanded = source.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
      const terms = file.lexicon[name];
      if (!terms) return fail(`${where}: unknown lexicon entry {${name}}`);
      return `(?:${terms.map((t) => termSource(t, view)).join('|')})`;
    });
    try {
      return new RegExp(foldScript(expanded), 'giu');
    } catch (err) {
      return fail(`${where}: invalid pattern (${(err as Error).message})`);
    }
  };
  const c = file.context;
  const context: CompiledContext = {
    negationAfter: c.negationAfter.map((p, i) => compile(p, `context.negationAfter[${i}]`)),
    reporting: c.reporting.map((p, i) => compile(p, `context.reporting[${i}]`)),
    accusation: c.accusation.map((p, i) => compile(p, `context.accusation[${i}]`)),
    negationWindow: c.negationWindow,
    afterWindow: c.afterWindow,
    topicShift: c.topicShift.map((p, i) => compile(p, `context.topicShift[${i}]`)),
  };
  return file.rules.map((r) => compileRule(r, file, view, context, compile, fail));
}

function compileRule(
  r: Rule,
  file: RuleFile,
  view: ViewMode,
  context: CompiledContext,
  compile: (source: string, where: string) => RegExp,
  fail: (what: string) => never,
): CompiledRule {
  const at = `rule ${r.id}`;
  if (!r.id.startsWith(`${file.language}.`)) fail(`${at}: id must start with "${file.language}."`);
  const { previous, frames, ...rest } = r;
  const slots = (list: string[], where: string) =>
    list.map((source, j) => checkSlot(parseSlot(source), `${where}[${j}]`, fail));
  return {
    ...rest,
    frames: frames.map(
      ({ earlier, unlessAnswering, reply, target, unlessSaid, ...f }, i): CompiledFrame => ({
        ...f,
        slots: slots(f.slots, `${at}: frames[${i}].slots`),
        unless: slots(f.unless, `${at}: frames[${i}].unless`),
        unlessLine: slots(f.unlessLine, `${at}: frames[${i}].unlessLine`),
        unlessAnswering: unlessAnswering.map((u, j) => ({
          ...u,
          cue: slots(u.cue, `${at}: frames[${i}].unlessAnswering[${j}].cue`),
          slots: slots(u.slots, `${at}: frames[${i}].unlessAnswering[${j}].slots`),
        })),
        ...(earlier && {
          earlier: (({ unlessAfter, unlessLine, flagRequest, ...e }) => ({
            ...e,
            ...(flagRequest && {
              flagRequest: {
                slots: slots(flagRequest.slots, `${at}: frames[${i}].earlier.flagRequest.slots`),
                reach: flagRequest.reach,
              },
            }),
            slots: slots(e.slots, `${at}: frames[${i}].earlier.slots`),
            ...(unlessAfter && { unlessAfter: slots(unlessAfter, `${at}: frames[${i}].earlier.unlessAfter`) }),
            ...(unlessLine && { unlessLine: slots(unlessLine, `${at}: frames[${i}].earlier.unlessLine`) }),
          }))(earlier),
        }),
        ...(reply && {
          reply: { slots: slots(reply.slots, `${at}: frames[${i}].reply.slots`), reach: reply.reach, echo: reply.echo },
        }),
        ...(target && { target: checkSlot(parseSlot(target), `${at}: frames[${i}].target`, fail) }),
        ...(unlessSaid && {
          unlessSaid: (({ unlessAfter, ...said }) => ({
            ...said,
            slots: slots(said.slots, `${at}: frames[${i}].unlessSaid.slots`),
            ...(unlessAfter && {
              unlessAfter: unlessAfter.map((act, j) => ({
                negation: act.negation,
                slots: slots(act.slots, `${at}: frames[${i}].unlessSaid.unlessAfter[${j}].slots`),
              })),
            }),
          }))(unlessSaid),
        }),
      }),
    ),
    ref: `${r.id}@${r.version}`,
    language: file.language,
    view,
    patterns: r.patterns.map((p, i) => compile(p, `${at}: patterns[${i}]`)),
    exclusions: r.exclusions.map((e, i) => ({ ...e, pattern: compile(e.pattern, `${at}: exclusions[${i}]`) })),
    ...(previous && {
      previous: {
        ...previous,
        patterns: previous.patterns.map((p, i) => compile(p, `${at}: previous.patterns[${i}]`)),
      },
    }),
    context,
  };
}

/** A slot naming a class no lexicon file defines, or an unknown mark or mask, is a typo: fail loudly. */
function checkSlot(slot: SlotAlternative[], where: string, fail: (what: string) => never): SlotAlternative[] {
  const classes = lexicon().byClass;
  for (const alt of slot) {
    if (alt.kind === 'class' && !classes.has(alt.name)) fail(`${where}: no lexicon class "${alt.name}"`);
    if (alt.kind === 'mark' && !(MARK_KINDS as readonly string[]).includes(alt.name))
      fail(`${where}: no mark "${alt.name}"`);
    if (alt.kind === 'mask' && !(MASK_KINDS as readonly string[]).includes(alt.name))
      fail(`${where}: no mask "${alt.name}"`);
  }
  return slot;
}

/** A lexicon term as a regex: Latin-only terms must not sit inside a longer word (vx ≠ "vxyz"). */
function termSource(term: string, view: ViewMode): string {
  const normal = term.normalize('NFKC').toLowerCase();
  // Match what the view holds: squeezed text has lost its spaces and dots, so must the term.
  const chars = [...(view === 'squeezed' ? normal.replace(/[\s\-·•*~.…]/gu, '') : normal)].map(escapeRegExp);
  // English text keeps its spaces, so evasions like "w h a t s a p p" need tolerating here; squeezed
  // text keeps one between Latin words ("verification code"), so a term may or may not have it.
  const body =
    view === 'spaced'
      ? chars.join('[\\s.\\-*·]?')
      : chars.map((c, k) => (k > 0 && /[a-z]/.test(c) && /[a-z]/.test(chars[k - 1]!) ? ` ?${c}` : c)).join('');
  return /^[a-z0-9 ]+$/.test(term.toLowerCase()) ? `(?<![a-z])${body}(?![a-z])` : body;
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** zod issues as "rules[3] (zh.contact.qq): severity: Invalid option…", naming the rule. */
function describeIssues(error: z.ZodError, raw: unknown): string {
  return error.issues
    .map((issue) => {
      const [head, index, ...rest] = issue.path;
      if (head === 'rules' && typeof index === 'number') {
        const id = (raw as { rules?: { id?: unknown }[] }).rules?.[index]?.id;
        const label = typeof id === 'string' ? `rule ${id}` : `rules[${index}]`;
        return `${label}: ${rest.join('.') || '(rule)'}: ${issue.message}`;
      }
      return `${issue.path.join('.') || '(file)'}: ${issue.message}`;
    })
    .join('; ');
}
