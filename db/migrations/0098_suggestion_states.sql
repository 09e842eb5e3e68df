-- Provisional replies (decision 0495): the bot sends replies computed on the buyer's interim
-- hypothesis as the speech ends, then confirms or withdraws them when the final transcript comes.
-- Each step the merchant saw is a row of its own, never changed (refuse_change, 0090); a reply
-- with no rows here was sent after its final, as before. `replaced_by`: the replies that took a
-- withdrawn one's place.
create table suggestion_states (
  id             bigint generated always as identity primary key,
  suggestion_id  uuid not null references suggestions (id),
  state          text not null check (state in ('provisional', 'confirmed', 'withdrawn')),
  reason         text check (reason in ('final_differs', 'no_final')),
  replaced_by    uuid[] not null default '{}',
  at             timestamptz not null,
  check ((state = 'withdrawn') = (reason is not null))
);
create index suggestion_states_suggestion_idx on suggestion_states (suggestion_id, id);

create trigger suggestion_states_append_only before update or delete or truncate on suggestion_states
  for each statement execute function refuse_change();
