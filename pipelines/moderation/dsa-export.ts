import { groundOf } from './grounds.js';
import type { StatementOfReasons } from './statement.js';

/**
 * A statement of reasons in the field shape of the DSA Transparency Database (`POST
 * /api/v1/statement`). It carries no personal data: no evidence text, no names or user ids,
 * only the decision's own id as the platform unique identifier (puid).
 */
export type DsaStatement = Record<string, string | string[] | null>;

const AUTOMATED = {
  fully: 'AUTOMATED_DECISION_FULLY',
  partially: 'AUTOMATED_DECISION_PARTIALLY',
  not: 'AUTOMATED_DECISION_NOT_AUTOMATED',
} as const;

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : null);

export function toDsaStatement(s: StatementOfReasons, current: { penaltyEndsAt?: string | null } = {}): DsaStatement {
  const p = s.penalty;
  const endsAt = day(current.penaltyEndsAt !== undefined ? current.penaltyEndsAt : p?.endsAt);
  const out: DsaStatement = {
    puid: s.decisionId,
    decision_visibility: null,
    decision_visibility_other: null,
    end_date_visibility_restriction: null,
    decision_monetary: null,
    decision_monetary_other: null,
    end_date_monetary_restriction: null,
    decision_provision: null,
    end_date_service_restriction: null,
    decision_account: null,
    end_date_account_restriction: null,
    account_type: 'ACCOUNT_TYPE_BUSINESS',
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: `${s.rule.id}@${s.rule.version}`,
    incompatible_content_explanation: groundOf(s.rule.category).en,
    incompatible_content_illegal: 'No',
    category: groundOf(s.rule.category).dsaCategory,
    content_type: ['CONTENT_TYPE_AUDIO', 'CONTENT_TYPE_VIDEO'],
    content_language:
      s.facts.contentLanguage && s.facts.contentLanguage !== 'mixed' ? s.facts.contentLanguage.toUpperCase() : null,
    content_date: day(s.facts.callStartedAt),
    application_date: day(s.decidedAt),
    decision_facts:
      `Words spoken by the merchant in a customer-service video call matched rule ${s.rule.id} ` +
      `(version ${s.rule.version}, ${s.rule.category}, severity ${s.rule.severity}); detector ${s.facts.detector} ` +
      `with confidence ${s.facts.confidence.toFixed(2)}; reason ${s.reason.code}.`,
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: s.automatedDetection ? 'Yes' : 'No',
    automated_decision: AUTOMATED[s.automatedDecision],
  };
  switch (p?.kind) {
    case 'points':
      Object.assign(out, {
        decision_monetary: 'DECISION_MONETARY_OTHER',
        decision_monetary_other: `${p.points} merchant penalty points`,
        end_date_monetary_restriction: endsAt,
      });
      break;
    case 'listing_restriction':
      Object.assign(out, {
        decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION',
        end_date_service_restriction: endsAt,
      });
      break;
    case 'suspension':
      Object.assign(out, { decision_account: 'DECISION_ACCOUNT_SUSPENDED', end_date_account_restriction: endsAt });
      break;
    default:
      // A warning, or an upheld violation without penalty: recorded against the merchant, and
      // counted by the penalty ladder, but nothing is restricted.
      Object.assign(out, {
        decision_visibility: ['DECISION_VISIBILITY_OTHER'],
        decision_visibility_other: p ? 'formal warning to the merchant' : 'violation recorded on the merchant account',
      });
  }
  return out;
}
