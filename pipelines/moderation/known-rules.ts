import { type CompiledRule, loadRules } from '../compliance/load-rules.js';

let byId: Map<string, CompiledRule> | undefined;

/** A rule the rule files define (read once), by id: its ground and language name it to a person. */
export function fileRule(ruleId: string): CompiledRule | undefined {
  byId ??= new Map(loadRules().rules.map((r) => [r.id, r]));
  return byId.get(ruleId);
}

/** A policy can only name a rule the files define. */
export function isKnownRule(ruleId: string): boolean {
  return fileRule(ruleId) !== undefined;
}
