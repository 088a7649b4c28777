-- BIL-10: a statement reconciles to the ledger. Each issued statement records its cut-off in the
-- ledger (the last customer posting of the account it includes, by the postings' sequence, so the
-- order postings arrived in decides, not their accounting dates) and the cut-off of the statement it
-- opens from. Its movements are the account's customer postings after the opening cut-off up to its
-- own, grouped by kind: opening + charges − payments − credits + adjustments = closing = the
-- ledger's balance at the cut-off. Statements issued before this migration have no cut-off.
alter table statements
  add column opening_cutoff_posting_id bigint,
  add column cutoff_posting_id bigint,
  add column charges_minor bigint,
  add column adjustments_minor bigint,
  add constraint statements_cutoff_order check (cutoff_posting_id >= opening_cutoff_posting_id),
  add constraint statements_reconcile check (
    cutoff_posting_id is null or (
      opening_balance_minor is not null and charges_minor is not null and payments_minor is not null
      and credits_minor is not null and adjustments_minor is not null and closing_balance_minor is not null
      and opening_balance_minor + charges_minor - payments_minor - credits_minor + adjustments_minor
        = closing_balance_minor));

-- The same guard as 0008's, with the new columns filled in when a statement is issued or invoiced
-- and then kept as they are.
create or replace function statement_guard() returns trigger language plpgsql as $$
declare
  moving text[] := array['status', 'issued_at', 'decided_by', 'opening_balance_minor', 'payments_minor',
    'credits_minor', 'closing_balance_minor', 'due_on', 'document_id', 'opening_cutoff_posting_id',
    'cutoff_posting_id', 'charges_minor', 'adjustments_minor'];
begin
  if tg_op = 'DELETE' then
    raise exception 'statements are never deleted' using errcode = 'P0001';
  end if;
  if (to_jsonb(new) - moving) is distinct from (to_jsonb(old) - moving) then
    raise exception 'statement % is immutable: only its status moves on', old.number using errcode = 'P0001';
  end if;
  if old.document_id is not null and new.document_id is distinct from old.document_id then
    raise exception 'statement % is on a document already', old.number using errcode = 'P0001';
  end if;
  if old.status = 'held' and new.status in ('issued', 'rejected', 'uninvoiced') then return new; end if;
  if old.status = 'uninvoiced' and new.status = 'uninvoiced' and old.document_id is null then return new; end if;
  if old.status = 'uninvoiced' and new.status in ('invoiced', 'superseded') then return new; end if;
  if old.status in ('issued', 'invoiced') and new.status = 'superseded' and new.issued_at = old.issued_at
     and (to_jsonb(new) - array['status']) = (to_jsonb(old) - array['status']) then
    return new;
  end if;
  raise exception 'statement % cannot go from % to %', old.number, old.status, new.status using errcode = 'P0001';
end
$$;
