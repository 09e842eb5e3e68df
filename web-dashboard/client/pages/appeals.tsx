import {
  CardTable,
  Filters,
  FilterDates,
  FilterSelect,
  ListPager,
  ListState,
  useListPage,
} from '../components/list-tools.js';
import { MerchantFilter, useMerchantNames } from '../components/merchant-name.js';
import { CATALOGUE } from '../../shared/labels.js';
import { useLabel, useT } from '../i18n.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';
import type { Appeal } from '../types.js';
import { DueCell, useNow } from '../components/due-soon.js';
import { scriptLang } from '../data-lang.js';

/** The list's URL filters (sent to the API, counted by the phone's "筛选" button). */
const FILTERS = ['status', 'overdue', 'merchantId', 'from', 'to'];

/** Appeals, overdue first, filtered in the URL; an appeal against your own decision is marked for someone else. */
export function AppealsPage() {
  const t = useT();
  const label = useLabel();
  const now = useNow();
  const user = useUser();
  const merchants = useMerchantNames();
  const appeals = useListPage<Appeal>('/api/appeals', FILTERS, {
    refetchInterval: 10_000,
  });
  return (
    <>
      <h1>{t('navAppeals')}</h1>
      <Filters fold={FILTERS}>
        <FilterSelect
          name="status"
          label={t('status')}
          options={(Object.keys(CATALOGUE.appealStatus) as string[]).map((s) => [s, label('appealStatus', s)])}
        />
        <FilterSelect name="overdue" label={t('sla')} options={[['true', t('slaOverdue')]]} />
        <MerchantFilter />
        <FilterDates />
      </Filters>
      <ListState list={appeals} empty={t('emptyAppeals')} />
      {appeals.rows.length > 0 && (
        <CardTable head={[t('sla'), t('merchant'), t('rule'), t('status'), t('merchantStatement')]} actions={t('open')}>
          {appeals.rows.map((a) => (
            <tr key={a.id} data-testid="appeal-row" className={a.overdue ? 'overdue' : undefined}>
              <td data-label={t('sla')}>
                <DueCell dueAt={a.slaDueAt} now={now} />
              </td>
              <td data-label={t('merchant')}>{merchants.name(a.merchantId) ?? '—'}</td>
              <td data-label={t('rule')}>{label('category', a.category)}</td>
              <td data-label={t('status')}>
                {label('appealStatus', a.status)}
                {a.outcome && <> · {label('appealOutcome', a.outcome)}</>}
              </td>
              <td data-label={t('merchantStatement')} className="clip">
                <span lang={scriptLang(a.statement)}>{a.statement}</span>
                {a.originalDecidedBy === user.userId && <p className="muted small">{t('ownDecision')}</p>}
              </td>
              <td className="actions">
                <Link className="button" href={`/appeals/${a.id}`}>
                  {t('open')}
                </Link>
              </td>
            </tr>
          ))}
        </CardTable>
      )}
      <ListPager list={appeals} />
    </>
  );
}
