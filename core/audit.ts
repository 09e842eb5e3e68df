import { z } from 'zod';
import { BuyerWireSchema } from './buyer.js';

/**
 * Every action the audit trail records, one list for the writers (pipelines) and the readers (the
 * admin's audit page labels each one; a new action without a label is a type error there).
 */
export const AUDIT_ACTIONS = [
  'flag.raised',
  'case.opened',
  'case.updated',
  'case.claimed',
  'case.released',
  'case.decided',
  'decision.made',
  'decision.overturned',
  'statement.exported',
  'penalty.applied',
  'penalty.reversed',
  'penalty.recomputed',
  'appeal.filed',
  'appeal.claimed',
  'appeal.decided',
  'rule_policy.changed',
  'user.created',
  'user.updated',
  'user.locked',
  'user.unlocked',
  'user.password_changed',
  'user.password_reset',
  'session.signed_in',
  'session.sign_in_failed',
  'session.signed_out',
  'session.revoked',
  'approval.requested',
  'approval.approved',
  'approval.rejected',
  'promise.kept',
  'promise.broken',
  'promise.cancelled',
  'promise.superseded',
  'promise.proof_added',
  'audio.deleted',
  // A reviewer read a merchant's call, case, appeal, clip or export (decision 0175).
  'merchant_data.read',
  // Written by the database itself for each change row of these tables (migration 0090; 0052 before it).
  'decisions.row_updated',
  'decisions.row_deleted',
  'penalties.row_updated',
  'penalties.row_deleted',
  'appeals.row_updated',
  'appeals.row_deleted',
  'flags.row_updated',
  'flags.row_deleted',
  // Written by the database for each step of a provisional reply (migration 0099, decision 0530).
  'suggestion.provisional',
  'suggestion.confirmed',
  'suggestion.withdrawn',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** What an event is about; 'account' is a sign-in attempt for an unknown email (kept as a digest). */
export const AUDIT_ENTITIES = [
  'case',
  'decision',
  'penalty',
  'appeal',
  'flag',
  'rule_policy',
  'user',
  'account',
  'approval',
  'promise',
  'call',
  'export',
  // The database's own row-change events name the table.
  'decisions',
  'penalties',
  'appeals',
  'flags',
  // A reply the bot sent the merchant (its provisional steps, decision 0530).
  'suggestion',
] as const;
export const AuditEntitySchema = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof AuditEntitySchema>;

/** 'database': a row change the database recorded by itself (migration 0052). */
export const AuditActorKindSchema = z.enum(['user', 'system', 'database']);
export type AuditActorKind = z.infer<typeof AuditActorKindSchema>;

/** A timestamp as the API sends it: a Date on the server becomes its ISO string on the wire. */
export const WireTimeSchema = z
  .union([z.date(), z.string()])
  .transform((t) => (typeof t === 'string' ? t : t.toISOString()));

/**
 * What an event is about, named as a person knows it (issue 15): the call a case, flag, decision,
 * penalty, appeal or promise hangs off (merchant, buyer, time), the account, the rule (its ground),
 * the export file. The ids are for links only; no page prints them.
 */
export const AuditSubjectWireSchema = z.object({
  merchantId: z.string().nullable(),
  merchant: z.string().nullable(),
  callId: z.string().nullable(),
  callStartedAt: WireTimeSchema.nullable(),
  buyer: BuyerWireSchema.nullable(),
  caseId: z.string().nullable(),
  category: z.string().nullable(),
  user: z.object({ name: z.string(), email: z.string().nullable() }).nullable(),
  rule: z.object({ ground: z.string().nullable(), language: z.string().nullable() }).nullable(),
  approvalKind: z.string().nullable(),
  file: z.string().nullable(),
});
export type AuditSubjectWire = z.output<typeof AuditSubjectWireSchema>;

/** One audit event as `GET /api/audit` sends it. */
export const AuditEventWireSchema = z.object({
  id: z.coerce.number(),
  at: WireTimeSchema,
  actorKind: AuditActorKindSchema,
  actorId: z.string(),
  // Rows written before this list existed keep their action; the page shows an unknown one as is.
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
  /** Null when the entity is gone or names nothing a person would recognise (an unknown e-mail's digest). */
  subject: AuditSubjectWireSchema.nullable(),
});
export type AuditEventWire = z.output<typeof AuditEventWireSchema>;

const BrokenEventWireSchema = z.object({ id: z.coerce.number(), reason: z.enum(['hash_mismatch', 'link_mismatch']) });

/** `GET /api/audit/verify`: whether the chain holds, and every event that breaks it. */
export const AuditVerifyWireSchema = z.object({
  intact: z.boolean(),
  events: z.number(),
  firstBroken: BrokenEventWireSchema.nullish(),
  broken: z.array(BrokenEventWireSchema),
});
