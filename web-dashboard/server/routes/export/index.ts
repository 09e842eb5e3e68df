import { Hono } from 'hono';
import type { AppealOutcome, AppealStatus } from '../../../../core/moderation.js';
import { merchantScope } from '../../../../pipelines/moderation/actor.js';
import { fileRule } from '../../../../pipelines/moderation/known-rules.js';
import { decisionState } from '../../../../pipelines/moderation/state.js';
import { readableSummary } from '../../../shared/summary-text.js';
import { actorOf, type ApiDeps, type ApiEnv } from '../../api/context.js';
import { parse } from '../../api/http.js';
import { auditRead } from '../../api/read-audit.js';
import { readScope } from '../calls/scope.js';
import { policyTitles } from '../calls/detail.js';
import { cellWriter, toCsv } from './csv.js';
import { ExportQuerySchema } from './schema.js';

const LIMIT = 50_000;

const send = (name: string, body: string) =>
  new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` },
  });

/**
 * CSV exports of calls, flags and decisions for whoever may read them: merchant staff their own
 * merchant's rows, reviewers every merchant's (or one, `?merchantId=`). A person opens them in a
 * spreadsheet, so they read like the dashboard in the reader's language (`?lang=zh|en`): headers
 * and codes through the label catalogue, a summary as `readableSummary` writes it, times in the
 * reader's zone (`?tz=`). Ids and order numbers stay as they are: they are what a person pastes
 * into the platform to reconcile.
 */
export function exportRoutes(deps: ApiDeps) {
  const r = new Hono<ApiEnv>();
  const query = (c: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(c);
    const q = parse(ExportQuerySchema, c.req.query());
    return { ...q, merchantId: merchantScope(actor) ?? readScope(actor, q.merchantId) };
  };
  // A reviewer's export is a read of every merchant's (or one merchant's) data: recorded first.
  const exported = (c: Parameters<typeof actorOf>[0], file: string, merchantId: string | null) =>
    auditRead(c, deps, {
      what: 'export',
      id: merchantId ? `${file}?merchantId=${merchantId}` : file,
      merchantId,
    });
  const where = (m: string | null, alias: string) =>
    m === null ? deps.sql`` : deps.sql`and ${deps.sql(alias)}.merchant_id = ${m}`;

  r.get('/calls.csv', async (c) => {
    const q = query(c);
    await exported(c, 'calls.csv', q.merchantId);
    const [rows, titleOf] = await Promise.all([
      deps.sql<
        {
          id: string;
          merchantName: string;
          buyerId: string | null;
          buyerName: string | null;
          orders: string;
          language: string | null;
          status: string;
          startedAt: Date;
          endedAt: Date | null;
          summary: { text?: string; language?: string } | string | null;
        }[]
      >`
        select c.id, m.name as merchant_name, c.buyer_id, b.name as buyer_name,
          array_to_string(c.order_ids, ' ') as orders, c.language, c.status, c.started_at, c.ended_at, c.summary
        from calls c join merchants m on m.id = c.merchant_id left join buyers b on b.id = c.buyer_id
        where true ${where(q.merchantId, 'c')} order by c.started_at desc limit ${LIMIT}`,
      policyTitles(deps.sql),
    ]);
    const w = cellWriter(q.lang, q.tz);
    const summaryOf = (x: (typeof rows)[number]) => {
      const s = typeof x.summary === 'string' ? { text: x.summary } : x.summary;
      return s?.text ? readableSummary(s.text, s.language ?? x.language, titleOf, x.startedAt) : '';
    };
    return send(
      'calls.csv',
      toCsv(
        [
          w.header('callId'),
          w.header('merchant'),
          w.header('buyerName'),
          w.header('buyerId'),
          w.header('orders'),
          w.header('language'),
          w.header('status'),
          w.header('startedAt', true),
          w.header('endedAt', true),
          w.header('summary'),
        ],
        rows.map((x) => [
          x.id,
          x.merchantName,
          x.buyerName ?? '',
          x.buyerId ?? '',
          x.orders,
          w.label('language', x.language),
          w.label('callStatus', x.status),
          w.time(x.startedAt),
          w.time(x.endedAt),
          summaryOf(x),
        ]),
      ),
    );
  });

  r.get('/flags.csv', async (c) => {
    const q = query(c);
    await exported(c, 'flags.csv', q.merchantId);
    const rows = await deps.sql<
      {
        id: string;
        callId: string;
        caseId: string | null;
        merchantName: string;
        category: string;
        severity: string;
        ruleId: string;
        ruleVersion: number;
        detector: string;
        confidence: number;
        evidenceText: string;
        createdAt: Date;
      }[]
    >`
      select f.id, f.call_id, f.case_id, m.name as merchant_name, f.category, f.severity, f.rule_id, f.rule_version,
        f.detector, f.confidence, f.evidence_text, f.created_at
      from flags f join merchants m on m.id = f.merchant_id
      where f.status = 'raised' ${where(q.merchantId, 'f')} order by f.created_at desc limit ${LIMIT}`;
    const w = cellWriter(q.lang, q.tz);
    return send(
      'flags.csv',
      toCsv(
        [
          w.header('flagId'),
          w.header('callId'),
          w.header('caseId'),
          w.header('merchant'),
          w.header('category'),
          w.header('severity'),
          w.header('rule'),
          w.header('ruleVersion'),
          w.header('detector'),
          w.header('confidence'),
          w.header('evidence'),
          w.header('flaggedAt', true),
        ],
        rows.map((x) => [
          x.id,
          x.callId,
          x.caseId ?? '',
          x.merchantName,
          w.label('category', x.category),
          w.label('severity', x.severity),
          fileRule(x.ruleId)?.ground ?? x.ruleId,
          x.ruleVersion,
          w.label('detector', x.detector),
          w.percent(x.confidence),
          x.evidenceText,
          w.time(x.createdAt),
        ]),
      ),
    );
  });

  r.get('/decisions.csv', async (c) => {
    const q = query(c);
    await exported(c, 'decisions.csv', q.merchantId);
    const rows = await deps.sql<
      {
        id: string;
        caseId: string;
        merchantName: string;
        flagId: string;
        category: string;
        outcome: 'upheld' | 'dismissed';
        reasonCode: string;
        reasonText: string | null;
        automatedDecision: string;
        decidedAt: Date;
        overturn: 'fully' | 'partly' | null;
        overturnedAt: Date | null;
        appealStatus: AppealStatus | null;
        appealOutcome: AppealOutcome | null;
      }[]
    >`
      select d.id, d.case_id, m.name as merchant_name, d.flag_id, f.category, d.outcome, d.reason_code, d.reason_text,
        d.automated_decision, d.decided_at, d.overturn, d.overturned_at, a.status as appeal_status,
        a.outcome as appeal_outcome
      from decisions d join moderation_cases c on c.id = d.case_id join flags f on f.id = d.flag_id
        join merchants m on m.id = c.merchant_id
        left join lateral (
          select status, outcome from appeals where decision_id = d.id order by filed_at desc limit 1
        ) a on true
      where true ${where(q.merchantId, 'c')} order by d.decided_at desc limit ${LIMIT}`;
    const w = cellWriter(q.lang, q.tz);
    return send(
      'decisions.csv',
      toCsv(
        [
          w.header('decisionId'),
          w.header('caseId'),
          w.header('flagId'),
          w.header('merchant'),
          w.header('category'),
          w.header('outcome'),
          w.header('state'),
          w.header('reason'),
          w.header('explanation'),
          w.header('automated'),
          w.header('decidedAt', true),
          w.header('overturnedAt', true),
        ],
        rows.map((x) => [
          x.id,
          x.caseId,
          x.flagId,
          x.merchantName,
          w.label('category', x.category),
          w.label('outcome', x.outcome),
          w.label(
            'decisionState',
            decisionState(x, x.appealStatus ? { status: x.appealStatus, outcome: x.appealOutcome } : null),
          ),
          w.label('reason', x.reasonCode),
          x.reasonText ?? '',
          w.label('automatedDecision', x.automatedDecision),
          w.time(x.decidedAt),
          w.time(x.overturnedAt),
        ]),
      ),
    );
  });
  return r;
}
