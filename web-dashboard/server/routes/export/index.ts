import { Hono } from 'hono';
import { merchantScope } from '../../../../pipelines/moderation/actor.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { parse } from '../../api/http.js';
import { auditRead } from '../../api/read-audit.js';
import { readScope } from '../calls/scope.js';
import { MerchantQuerySchema } from '../calls/schema.js';

const LIMIT = 50_000;

/** RFC 4180: every field quoted, quotes doubled; a leading =+-@ is defused so a spreadsheet never runs it. */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
    return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const send = (name: string, body: string) =>
  new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` },
  });

/**
 * CSV exports of calls, flags and decisions for whoever may read them: merchant staff their own
 * merchant's rows, reviewers every merchant's (or one, `?merchantId=`). Codes stay codes here:
 * the file is data for analysis, the labels are the dashboard's.
 */
export function exportRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  const scope = (c: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(c);
    return merchantScope(actor) ?? readScope(actor, parse(MerchantQuerySchema, c.req.query()).merchantId);
  };
  // A reviewer's export is a read of every merchant's (or one merchant's) data: recorded first.
  const exported = (c: Parameters<typeof actorOf>[0], file: string) => {
    const merchantId = scope(c);
    return auditRead(c, deps, {
      what: 'export',
      id: merchantId ? `${file}?merchantId=${merchantId}` : file,
      merchantId,
    });
  };
  const where = (m: string | null, alias: string) =>
    m === null ? deps.sql`` : deps.sql`and ${deps.sql(alias)}.merchant_id = ${m}`;

  r.get('/calls.csv', async (c) => {
    await exported(c, 'calls.csv');
    const rows = await deps.sql`
      select c.id, c.merchant_id, c.buyer_id, b.name as buyer_name, array_to_string(c.order_ids, ' ') as orders,
        c.language, c.status, c.started_at, c.ended_at, c.summary->>'text' as summary
      from calls c left join buyers b on b.id = c.buyer_id where true ${where(scope(c), 'c')} order by c.started_at desc limit ${LIMIT}`;
    const cols = [
      'id',
      'merchantId',
      'buyerId',
      'buyerName',
      'orders',
      'language',
      'status',
      'startedAt',
      'endedAt',
      'summary',
    ];
    return send(
      'calls.csv',
      toCsv(
        cols,
        rows.map((x) => cols.map((k) => x[k])),
      ),
    );
  });

  r.get('/flags.csv', async (c) => {
    await exported(c, 'flags.csv');
    const rows = await deps.sql`
      select f.id, f.call_id, f.case_id, f.merchant_id, f.category, f.severity, f.rule_id, f.rule_version, f.detector,
        f.confidence, f.evidence_text, f.created_at
      from flags f where f.status = 'raised' ${where(scope(c), 'f')} order by f.created_at desc limit ${LIMIT}`;
    const cols = [
      'id',
      'callId',
      'caseId',
      'merchantId',
      'category',
      'severity',
      'ruleId',
      'ruleVersion',
      'detector',
      'confidence',
      'evidenceText',
      'createdAt',
    ];
    return send(
      'flags.csv',
      toCsv(
        cols,
        rows.map((x) => cols.map((k) => x[k])),
      ),
    );
  });

  r.get('/decisions.csv', async (c) => {
    await exported(c, 'decisions.csv');
    const rows = await deps.sql`
      select d.id, d.case_id, c.merchant_id, d.flag_id, f.category, d.outcome, d.reason_code, d.reason_text,
        d.automated_decision, d.decided_at, d.overturn, d.overturned_at
      from decisions d join moderation_cases c on c.id = d.case_id join flags f on f.id = d.flag_id
      where true ${where(scope(c), 'c')} order by d.decided_at desc limit ${LIMIT}`;
    const cols = [
      'id',
      'caseId',
      'merchantId',
      'flagId',
      'category',
      'outcome',
      'reasonCode',
      'reasonText',
      'automatedDecision',
      'decidedAt',
      'overturn',
      'overturnedAt',
    ];
    return send(
      'decisions.csv',
      toCsv(
        cols,
        rows.map((x) => cols.map((k) => x[k])),
      ),
    );
  });
  return r;
}
