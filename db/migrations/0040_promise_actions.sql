-- Promise actions gain escalate (passed to a supervisor, finance, review) and follow_up (check
-- with someone and come back); the list matches PromiseActionSchema in core/domain.ts.
alter table promises drop constraint if exists promises_action_check;
alter table promises add constraint promises_action_check
  check (action in ('refund', 'ship', 'callback', 'visit', 'compensate', 'escalate', 'follow_up', 'other'));
