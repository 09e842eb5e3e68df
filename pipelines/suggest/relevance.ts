import type { IssueAssessment } from './issue.js';
import { policyFamily } from './knowledge.js';
import type { PolicyMatch } from './policy-store.js';

/**
 * Below this cosine a retrieved policy is not relevant enough to act on, even when it answers the
 * problem's kind. Calibrated on the suggestions dev set with the offline hashed-ngram embedder
 * (eval/suggest-dev/calibrate.ts; the figures are in docs/decisions/0130); another embedder needs
 * its own calibration.
 */
export const RELEVANCE_THRESHOLD = 0.05;

/**
 * The retrieved policies relevant to the problem heard: they answer its kind (the kind's policy
 * family in suggest/knowledge/issue-kinds.json) and the buyer's words match them well enough.
 * None without an identified problem: a policy that merely resembles the words is not advice.
 */
export function relevantPolicies(
  retrieved: readonly PolicyMatch[],
  issue: IssueAssessment | null,
  language: 'zh' | 'en',
  threshold = RELEVANCE_THRESHOLD,
): PolicyMatch[] {
  if (!issue) return [];
  const family = policyFamily(issue.kind, language);
  return retrieved.filter((p) => family.includes(p.policy.id) && p.similarity >= threshold);
}
