-- The currencies cross-border sellers meet beside yuan, dollars and pounds (decision 0450):
-- Singapore, Hong Kong, Malaysian, Taiwan, Australian and Canadian dollars or ringgit, euros and
-- yen. A promise or an order event may name a sum in any of them.
alter table order_events drop constraint if exists order_events_currency_check;
alter table order_events add constraint order_events_currency_check
  check (currency in ('CNY', 'USD', 'GBP', 'SGD', 'HKD', 'MYR', 'TWD', 'AUD', 'CAD', 'EUR', 'JPY'));
alter table promises drop constraint if exists promises_currency_check;
alter table promises add constraint promises_currency_check
  check (currency in ('CNY', 'USD', 'GBP', 'SGD', 'HKD', 'MYR', 'TWD', 'AUD', 'CAD', 'EUR', 'JPY'));
