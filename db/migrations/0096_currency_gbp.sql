-- Pounds sterling beside yuan and dollars (decision 0390): UK buyers say £, quid and GBP, and a
-- promise or an order event may name a sum in pounds.
alter table order_events drop constraint if exists order_events_currency_check;
alter table order_events add constraint order_events_currency_check check (currency in ('CNY', 'USD', 'GBP'));
alter table promises drop constraint if exists promises_currency_check;
alter table promises add constraint promises_currency_check check (currency in ('CNY', 'USD', 'GBP'));
