import { useContext } from 'react';
import type { CallSummary } from '../../shared/call-view.js';
import type { PromiseAction } from '../../../core/domain.js';
import { PROMISE_ACTION } from '../components/labels.js';
import { Status } from '../components/status.js';
import { formatDate, LangContext, useT, type StringKey } from '../i18n.js';
import { Link } from '../router.js';
import { useData } from '../use-data.js';

type CallRow = CallSummary & { utterances: number; flags: number };
type LedgerRow = {
  id: string;
  callId: string;
  action: string;
  text: string;
  deadline: string | null;
  status: string;
  overdue: boolean;
  conditional: boolean;
};

const PROMISE_STATUS: Record<string, StringKey> = {
  open: 'pOpen',
  kept: 'pKept',
  broken: 'pBroken',
  cancelled: 'pCancelled',
};

/** A merchant's past calls with their summaries, and the promise ledger across calls. */
export function CallsPage() {
  const t = useT();
  const lang = useContext(LangContext);
  const calls = useData<CallRow[]>('/api/calls?limit=50');
  const ledger = useData<LedgerRow[]>('/api/promises');
  return (
    <>
      <h1>{t('navCalls')}</h1>
      <section className="card" aria-labelledby="calls-title">
        <h2 id="calls-title">{t('pastCalls')}</h2>
        <Status loading={calls.loading} error={calls.error} />
        {calls.data?.length === 0 && <p className="muted">{t('noRows')}</p>}
        <ul className="plain calls">
          {calls.data?.map((c) => (
            <li key={c.id} className="call-row">
              <div className="row spread">
                <Link href={`/calls/${c.id}`}>
                  {formatDate(c.startedAt, lang)} · {c.buyerId}
                </Link>
                <span>
                  <span className={c.status === 'active' ? 'badge live' : 'badge'}>
                    {c.status === 'active' ? t('live') : t('ended')}
                  </span>
                  {c.flags > 0 && (
                    <span className="badge bad">
                      {t('flagsCount')}: {c.flags}
                    </span>
                  )}
                </span>
              </div>
              {c.summary && <p className="small">{c.summary}</p>}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="ledger-title">
        <h2 id="ledger-title">{t('ledger')}</h2>
        <Status loading={ledger.loading} error={ledger.error} />
        {ledger.data?.length === 0 && <p className="muted">{t('noRows')}</p>}
        {!!ledger.data?.length && (
          <div className="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('deadline')}</th>
                  <th scope="col">{t('action')}</th>
                  <th scope="col">{t('words')}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.data.map((p) => (
                  <tr key={p.id} className={p.overdue ? 'overdue' : undefined}>
                    <td>
                      <span className={p.overdue ? 'badge bad' : 'badge'}>
                        {p.overdue ? t('pOverdue') : t(PROMISE_STATUS[p.status] ?? 'pOpen')}
                      </span>
                    </td>
                    <td>{p.deadline ?? t('noDeadline')}</td>
                    <td>
                      {t(PROMISE_ACTION[p.action as PromiseAction] ?? 'actOther')}
                      {p.conditional && ` (${t('conditional')})`}
                    </td>
                    <td>
                      <Link href={`/calls/${p.callId}`}>“{p.text}”</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
