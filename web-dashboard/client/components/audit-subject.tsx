import type { AuditEventWire } from '../../../core/audit.js';
import { When, useLabel, useLang, useT } from '../i18n.js';
import { Link } from '../router.js';
import { BuyerName } from './buyer.js';
import { dataLang } from '../data-lang.js';

/** Where a call-bound entity is read in full: its appeal, its case, or the call itself. */
function href(e: AuditEventWire): string | null {
  const s = e.subject!;
  if (e.entityType === 'appeal' || e.entityType === 'appeals') return `/appeals/${e.entityId}`;
  if (s.caseId && e.entityType !== 'call' && e.entityType !== 'promise') return `/cases/${s.caseId}`;
  return s.callId ? `/calls/${s.callId}` : null;
}

/**
 * What an audit event is about, named as a person knows it (decision 0163): "案件 · 鲜果园旗舰店 ·
 * 买家 张** · 2026年12月6日 01:04 的通话", "用户 · 王店长 fruit@demo.kefu", "规则判定方式 · <ground>".
 * Never an id: an entity that is gone reads "（已不存在）".
 */
export function AuditSubject({ e }: { e: AuditEventWire }) {
  const t = useT();
  const _lang = useLang();
  const label = useLabel();
  const what = label('auditEntity', e.entityType);
  const s = e.subject;
  if (!s)
    return (
      <>
        {what}
        {e.entityType !== 'account' && <span className="muted small">{t('auditGone')}</span>}
      </>
    );
  if (s.callStartedAt) {
    const to = href(e);
    // The day stays one piece inside "…的通话" (a phone split "2026年12" / "月7日").
    const [before, after] = t('auditCallAt', { when: '\u0000' }).split('\u0000');
    const call = (
      <>
        {s.merchant} · <BuyerName buyer={s.buyer} /> · {before}
        <When at={s.callStartedAt} />
        {after}
      </>
    );
    return (
      <>
        {what}
        {s.category && ` · ${label('category', s.category)}`}
        <br />
        {to ? <Link href={to}>{call}</Link> : call}
      </>
    );
  }
  if (s.file)
    return (
      <>
        {what} · {label('exportFile', s.file)} · {s.merchant ?? t('allMerchants')}
      </>
    );
  if (s.rule || s.approvalKind === 'rule.auto')
    return (
      <>
        {what}
        {s.approvalKind && ` · ${label('approvalKind', s.approvalKind)}`}
        <br />
        {s.rule?.ground ? <span lang={dataLang(s.rule.language)}>{s.rule.ground}</span> : t('ruleRemoved')}
      </>
    );
  return (
    <>
      {what}
      {s.approvalKind && ` · ${label('approvalKind', s.approvalKind)}`}
      {s.user && (
        <>
          {' · '}
          {s.user.name} {s.user.email && <span className="muted small">{s.user.email}</span>}
        </>
      )}
    </>
  );
}
