import { useContext } from 'react';
import { APPEAL_STATUS } from '../components/labels.js';
import { Status } from '../components/status.js';
import { formatDate, LangContext, useT } from '../i18n.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';
import type { Appeal } from '../types.js';
import { useData } from '../use-data.js';

/** Open appeals, overdue first; an appeal against your own decision is marked for someone else. */
export function AppealsPage() {
  const t = useT();
  const lang = useContext(LangContext);
  const user = useUser();
  const appeals = useData<Appeal[]>('/api/appeals?limit=100');
  return (
    <>
      <h1>{t('navAppeals')}</h1>
      <Status loading={appeals.loading} error={appeals.error} />
      {appeals.data?.length === 0 && <p className="muted">{t('noRows')}</p>}
      {!!appeals.data?.length && (
        <div className="scroll card">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sla')}</th>
                <th scope="col">{t('rule')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('merchantStatement')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {appeals.data.map((a) => (
                <tr key={a.id} data-testid="appeal-row" className={a.overdue ? 'overdue' : undefined}>
                  <td>
                    {a.overdue ? <span className="badge bad">{t('overdue')}</span> : formatDate(a.slaDueAt, lang)}
                  </td>
                  <td>
                    <code>
                      {a.ruleId}@{a.ruleVersion}
                    </code>
                  </td>
                  <td>{t(APPEAL_STATUS[a.status])}</td>
                  <td className="clip">
                    {a.statement}
                    {a.originalDecidedBy === user.userId && <p className="muted small">{t('ownDecision')}</p>}
                  </td>
                  <td>
                    <Link href={`/appeals/${a.id}`}>{t('open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
