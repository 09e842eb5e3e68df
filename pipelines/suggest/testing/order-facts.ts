import type { OrderFacts } from '../order-facts.js';

/** What a call knows of its order when no order is linked and nothing was said: nothing. */
export const NO_ORDER_FACTS: OrderFacts = {
  source: 'none',
  installable: false,
  orderId: null,
  amount: null,
  currency: 'CNY',
  items: [],
  status: null,
  daysSinceDelivery: null,
  fresh: false,
};
