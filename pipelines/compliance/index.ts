export {
  ComplianceDetector,
  type ComplianceCandidate,
  type ComplianceDetectorOptions,
  type DetectOptions,
} from './detector.js';
export { loadExemplars, type Exemplar } from './exemplars.js';
export { compileRuleFile, loadRules, type CompiledRule, type RuleSet } from './load-rules.js';
export { RuleFileSchema, type Rule, type RuleFile } from './rule-schema.js';
