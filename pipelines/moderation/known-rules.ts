import { loadRules } from '../compliance/load-rules.js';

let ids: Set<string> | undefined;

/** The rule ids the rule files define (read once): a policy can only name one of these. */
export function isKnownRule(ruleId: string): boolean {
  ids ??= new Set(loadRules().rules.map((r) => r.id));
  return ids.has(ruleId);
}
