import type { Queryable } from '../client.js';

/**
 * What an audit event is about, in terms a person recognises (issue 15): the call (its merchant,
 * buyer and time) that a case, flag, decision, penalty, appeal, promise or bot reply hangs off, the account a
 * user or approval event names, the rule a policy change switched, the file an export wrote.
 * Ids are kept only for links; pages never print them.
 */
export interface AuditSubjectRow {
  merchantId: string | null;
  merchantName: string | null;
  callId: string | null;
  callStartedAt: Date | null;
  buyerId: string | null;
  buyerName: string | null;
  caseId: string | null;
  category: string | null;
  userName: string | null;
  userEmail: string | null;
  ruleId: string | null;
  approvalKind: string | null;
  file: string | null;
}

type Ref = { type: string; id: string };
type Anchor = { id: string; callId: string | null; caseId: string | null; category: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The database's own row-change events name the table; they are about the same things. */
const SINGULAR: Record<string, string> = {
  decisions: 'decision',
  penalties: 'penalty',
  appeals: 'appeal',
  flags: 'flag',
};

const EMPTY: AuditSubjectRow = {
  merchantId: null,
  merchantName: null,
  callId: null,
  callStartedAt: null,
  buyerId: null,
  buyerName: null,
  caseId: null,
  category: null,
  userName: null,
  userEmail: null,
  ruleId: null,
  approvalKind: null,
  file: null,
};

/** Each call-bound entity's call, case and flag category, one query per kind. */
async function anchors(q: Queryable, type: string, ids: string[]): Promise<Anchor[]> {
  if (ids.length === 0) return [];
  switch (type) {
    case 'call':
      return q<
        Anchor[]
      >`select id, id as call_id, null as case_id, null as category from calls where id = any(${ids}::uuid[])`;
    case 'case':
      return q<
        Anchor[]
      >`select id, call_id, id as case_id, null as category from moderation_cases where id = any(${ids}::uuid[])`;
    case 'flag':
      return q<Anchor[]>`select id, call_id, case_id, category from flags where id = any(${ids}::uuid[])`;
    case 'promise':
      return q<
        Anchor[]
      >`select id, call_id, null as case_id, null as category from promises where id = any(${ids}::uuid[])`;
    case 'suggestion':
      return q<
        Anchor[]
      >`select id, call_id, null as case_id, null as category from suggestions where id = any(${ids}::uuid[])`;
    case 'decision':
      return q<Anchor[]>`
        select d.id, f.call_id, d.case_id, f.category from decisions d join flags f on f.id = d.flag_id
        where d.id = any(${ids}::uuid[])`;
    case 'penalty':
      return q<Anchor[]>`
        select p.id, mc.call_id, p.case_id, f.category from penalties p
        join moderation_cases mc on mc.id = p.case_id
        left join decisions d on d.id = p.decision_id left join flags f on f.id = d.flag_id
        where p.id = any(${ids}::uuid[])`;
    case 'appeal':
      return q<Anchor[]>`
        select a.id, mc.call_id, a.case_id, f.category from appeals a
        join moderation_cases mc on mc.id = a.case_id
        join decisions d on d.id = a.decision_id join flags f on f.id = d.flag_id
        where a.id = any(${ids}::uuid[])`;
    default:
      return [];
  }
}

/** Subjects keyed `type:id`, for a page of audit events. */
export async function describeAuditSubjects(q: Queryable, refs: Ref[]): Promise<Map<string, AuditSubjectRow>> {
  const out = new Map<string, AuditSubjectRow>();
  const byType = new Map<string, Set<string>>();
  for (const r of refs) {
    const type = SINGULAR[r.type] ?? r.type;
    if (!byType.has(type)) byType.set(type, new Set());
    byType.get(type)!.add(r.id);
  }
  const ids = (type: string, uuidOnly = true) =>
    [...(byType.get(type) ?? [])].filter((id) => !uuidOnly || UUID.test(id));
  const set = (type: string, id: string, patch: Partial<AuditSubjectRow>) => {
    for (const t of [type, ...Object.keys(SINGULAR).filter((k) => SINGULAR[k] === type)])
      out.set(`${t}:${id}`, { ...EMPTY, ...out.get(`${t}:${id}`), ...patch });
  };

  const callBound = ['call', 'case', 'flag', 'promise', 'suggestion', 'decision', 'penalty', 'appeal'];
  const found = await Promise.all(callBound.map(async (type) => ({ type, rows: await anchors(q, type, ids(type)) })));
  const callIds = [...new Set(found.flatMap((f) => f.rows.map((r) => r.callId)).filter((c): c is string => !!c))];
  const calls = callIds.length
    ? await q<
        {
          id: string;
          merchantId: string;
          merchantName: string;
          startedAt: Date;
          buyerId: string;
          buyerName: string | null;
        }[]
      >`
        select c.id, c.merchant_id, m.name as merchant_name, c.started_at, c.buyer_id, b.name as buyer_name
        from calls c join merchants m on m.id = c.merchant_id left join buyers b on b.id = c.buyer_id
        where c.id = any(${callIds}::uuid[])`
    : [];
  const callById = new Map(calls.map((c) => [c.id, c]));
  for (const { type, rows } of found)
    for (const a of rows) {
      const c = a.callId ? callById.get(a.callId) : undefined;
      set(type, a.id, {
        callId: a.callId,
        caseId: a.caseId,
        category: a.category,
        merchantId: c?.merchantId ?? null,
        merchantName: c?.merchantName ?? null,
        callStartedAt: c?.startedAt ?? null,
        buyerId: c?.buyerId ?? null,
        buyerName: c?.buyerName ?? null,
      });
    }

  const approvals = ids('approval').length
    ? await q<{ id: string; kind: string; target: string; displayName: string | null }[]>`
        select id, kind, target, payload->>'displayName' as display_name from approvals
        where id = any(${ids('approval')}::uuid[])`
    : [];
  const people = [...ids('user'), ...approvals.filter((a) => a.kind === 'user.role').map((a) => a.target)];
  const emails = approvals.filter((a) => a.kind === 'user.create').map((a) => a.target);
  const users =
    people.length || emails.length
      ? await q<{ id: string; displayName: string; email: string }[]>`
          select id, display_name, email from users
          where id = any(${people.filter((p) => UUID.test(p))}::uuid[]) or email = any(${emails}::text[])`
      : [];
  for (const u of users) set('user', u.id, { userName: u.displayName, userEmail: u.email });
  for (const a of approvals) {
    const u = users.find((x) => x.id === a.target || x.email === a.target);
    set('approval', a.id, {
      approvalKind: a.kind,
      ruleId: a.kind === 'rule.auto' ? a.target : null,
      userName: u?.displayName ?? a.displayName,
      userEmail: u?.email ?? (a.kind === 'user.create' ? a.target : null),
    });
  }
  for (const id of ids('rule_policy', false)) set('rule_policy', id, { ruleId: id });

  // An export's id is its file, with the merchant it was limited to: "calls.csv?merchantId=m-x".
  const exports = ids('export', false).map((id) => {
    const [file, query] = id.split('?');
    return { id, file: file!, merchantId: new URLSearchParams(query ?? '').get('merchantId') };
  });
  const merchantIds = exports.map((e) => e.merchantId).filter((m): m is string => !!m);
  const merchants = merchantIds.length
    ? await q<{ id: string; name: string }[]>`select id, name from merchants where id = any(${merchantIds}::text[])`
    : [];
  for (const e of exports)
    set('export', e.id, {
      file: e.file,
      merchantId: e.merchantId,
      merchantName: merchants.find((m) => m.id === e.merchantId)?.name ?? null,
    });
  return out;
}
