import type { BuyerWire } from '../../../core/buyer.js';
import { useT } from '../i18n.js';

/**
 * The buyer as every page names them (decision 0161): the platform's masked name, or — when it
 * sent none — "买家 #4821", a tag that tells buyers apart without being their account id.
 * `null` is a call whose stored facts have not arrived yet: just "买家".
 */
export function BuyerName({ buyer }: { buyer: BuyerWire | null | undefined }) {
  const t = useT();
  if (!buyer) return <span className="buyer">{t('buyer')}</span>;
  if (buyer.name) return <span className="buyer">{t('buyerNamed', { name: buyer.name })}</span>;
  return (
    <span className="buyer" title={t('buyerUnnamedHint')}>
      {t('buyerUnnamed', { tag: buyer.tag })}
    </span>
  );
}
