import type { AuditSubjectWire } from '../../core/audit.js';
import { buyerWire } from '../../core/buyer.js';
import type { Sql } from '../../db/client.js';
import type { AuditEventRow } from '../../db/queries/audit.js';
import { describeAuditSubjects } from '../../db/queries/audit-subjects.js';
import { fileRule } from './known-rules.js';

/**
 * Each event of a page of the audit log with its subject named (issue 15): the admin reads
 * "案件 · 鲜果园旗舰店 · 买家 张** 12月6日 01:04 的通话", not "案件 #ca5af046". A rule is named by its
 * ground from the rule files, like the rules page names it.
 */
export async function withAuditSubjects(
  sql: Sql,
  events: AuditEventRow[],
): Promise<(AuditEventRow & { subject: AuditSubjectWire | null })[]> {
  const found = await describeAuditSubjects(
    sql,
    events.map((e) => ({ type: e.entityType, id: e.entityId })),
  );
  return events.map((e) => {
    const s = found.get(`${e.entityType}:${e.entityId}`);
    if (!s) return { ...e, subject: null };
    return {
      ...e,
      subject: {
        merchantId: s.merchantId,
        merchant: s.merchantName,
        callId: s.callId,
        callStartedAt: s.callStartedAt?.toISOString() ?? null,
        buyer: s.buyerId ? buyerWire(s.buyerId, s.buyerName) : null,
        caseId: s.caseId,
        category: s.category,
        user: s.userName ? { name: s.userName, email: s.userEmail } : null,
        rule: s.ruleId ? ruleNamed(s.ruleId) : null,
        approvalKind: s.approvalKind,
        file: s.file,
      },
    };
  });
}

function ruleNamed(ruleId: string): { ground: string | null; language: string | null } {
  const rule = fileRule(ruleId);
  return rule ? { ground: rule.ground ?? null, language: rule.language } : { ground: null, language: null };
}
