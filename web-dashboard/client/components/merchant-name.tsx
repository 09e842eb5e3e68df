import { useT } from '../i18n.js';
import { useUser } from '../session.js';
import { useData } from '../use-data.js';
import { FilterSelect } from './list-tools.js';

/**
 * Merchants' names for reviewers' lists, which mix every merchant: two calls "买家 张**" from two
 * shops must say which shop (decision 0163). Merchant staff see only their own and get null.
 */
export function useMerchantNames(): { name: (id: string) => string | null; list: { id: string; name: string }[] } {
  const user = useUser();
  const merchants = useData<{ id: string; name: string }[]>(user.role === 'merchant_staff' ? null : '/api/merchants');
  const list = merchants.data ?? [];
  return { list, name: (id) => list.find((m) => m.id === id)?.name ?? null };
}

/** A reviewer's "which merchant" filter (`?merchantId=` in the URL); nothing for merchant staff. */
export function MerchantFilter() {
  const t = useT();
  const user = useUser();
  const { list } = useMerchantNames();
  if (user.role === 'merchant_staff') return null;
  return <FilterSelect name="merchantId" label={t('merchant')} options={list.map((m) => [m.id, m.name])} />;
}
