import type { RefundOption } from '../../../core/analysis.js';

/**
 * A refund option for tests: in CNY, citing `zh.<kind>`, with no rationale or order; an amount of
 * null is one not known yet (0, to be confirmed), as the engine gives it.
 */
export const refundOption = (
  kind: RefundOption['kind'],
  recommended: boolean,
  amount: number | null,
): RefundOption => ({
  kind,
  amount: amount ?? 0,
  ...(amount === null ? { amountToBeConfirmed: true } : {}),
  currency: 'CNY',
  policy: `zh.${kind}`,
  recommended,
  rationale: '',
  orderId: null,
});
