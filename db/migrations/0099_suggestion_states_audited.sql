-- Provisional replies in the audit trail (decision 0530): every step of a provisional reply
-- (provisional, confirmed, withdrawn; 0495) is also an audit event, linked into the one hash chain
-- by the chain trigger of 0001/0012, like every moderation event row (0090). The row function of
-- 0090 is reused; a third argument names the column whose value completes the action, so a step
-- is recorded as `suggestion.provisional`, `suggestion.confirmed` or `suggestion.withdrawn`.
create or replace function audit_event_row() returns trigger language plpgsql as $$
begin
  insert into audit_events (actor_kind, actor_id, action, entity_type, entity_id, before, after, prev_hash, hash)
  values ('database', current_user,
          tg_argv[0] || '.' || case when tg_nargs > 2 then to_jsonb(new)->>tg_argv[2] else 'row_updated' end,
          tg_argv[0], to_jsonb(new)->>tg_argv[1], null, jsonb_build_object(tg_table_name, to_jsonb(new)), '', '');
  return null;
end $$;

create trigger suggestion_states_audit after insert on suggestion_states
  for each row execute function audit_event_row('suggestion', 'suggestion_id', 'state');

-- A reply the merchant saw provisionally whose bot stopped before settling it (a crash, a kill):
-- withdrawn when its call is resumed or ended, or when a worker starts and finds its call ended.
alter table suggestion_states drop constraint suggestion_states_reason_check;
alter table suggestion_states add constraint suggestion_states_reason_check
  check (reason in ('final_differs', 'no_final', 'bot_stopped'));
