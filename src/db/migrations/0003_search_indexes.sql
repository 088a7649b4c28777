-- Exact account-number search reads account_search by number: give it an index of its own.
create index account_search_number on account_search (number);

-- The audit chain's head in one round trip: take the transaction-scoped lock that orders the chain,
-- optionally relax this transaction's commit durability (for recorded reads), then read the last hash.
create or replace function audit_chain_head(relaxed boolean) returns text language plpgsql as $$
begin
  if relaxed then
    perform set_config('synchronous_commit', 'off', true);
  end if;
  perform pg_advisory_xact_lock(4242001);
  return (select hash from audit_events order by seq desc limit 1);
end
$$;
