import {
  CardTable,
  Filters,
  FilterDates,
  FilterSelect,
  ListPager,
  ListState,
  useListPage,
} from '../components/list-tools.js';
import { AuditSubject } from '../components/audit-subject.js';
import type { AuditEventWire } from '../../../core/audit.js';
import { CATALOGUE } from '../../shared/labels.js';
import { useLabel, useT, When } from '../i18n.js';
import { useData } from '../use-data.js';

/** The list's URL filters (sent to the API, counted by the phone's "筛选" button). */
const FILTERS = ['entityType', 'action', 'from', 'to'];

/** The audit trail, newest first, paged and filtered in the URL. */
export function AuditPage() {
  const t = useT();
  const label = useLabel();
  const events = useListPage<AuditEventWire>('/api/audit', FILTERS);
  const users = useData<{ id: string; displayName: string }[]>('/api/users');
  // An account since removed is named by its kind, never by its id.
  const who = (id: string) => users.data?.find((u) => u.id === id)?.displayName ?? label('auditActor', 'user');
  return (
    <>
      <h1>{t('navAudit')}</h1>
      <Filters fold={FILTERS}>
        <FilterSelect
          name="entityType"
          label={t('entity')}
          options={Object.keys(CATALOGUE.auditEntity).map((e) => [e, label('auditEntity', e)])}
        />
        <FilterSelect
          name="action"
          label={t('auditAction')}
          options={Object.keys(CATALOGUE.auditAction).map((a) => [a, label('auditAction', a)])}
        />
        <FilterDates />
      </Filters>
      <ListState list={events} empty={t('emptyAudit')} />
      {events.rows.length > 0 && (
        <CardTable head={[t('when'), t('auditAction'), t('entity'), t('actor')]}>
          {events.rows.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td data-label={t('when')}>
                <When at={e.at} />
              </td>
              <td data-label={t('auditAction')}>{label('auditAction', e.action)}</td>
              <td data-label={t('entity')}>
                <AuditSubject e={e} />
              </td>
              <td data-label={t('actor')}>
                {e.actorKind === 'user' ? who(e.actorId) : label('auditActor', e.actorKind)}
              </td>
            </tr>
          ))}
        </CardTable>
      )}
      <ListPager list={events} />
    </>
  );
}
