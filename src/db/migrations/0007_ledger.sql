-- LED-1, LED-2: the double-entry ledger. Every money movement is a journal of postings that sum to
-- zero; nothing posted is ever changed or removed (corrections are reversing journals).

create table ledger_journals (
  id text primary key,
  idempotency_key text not null unique check (length(idempotency_key) between 1 and 200),
  reason text not null check (reason ~ '^[a-z_]+(\.[a-z_]+)*$'),
  reference_type text not null,
  reference_id text not null,
  account_id text references accounts (id),
  currency char(3) not null,
  effective_on date not null,
  description text not null,
  -- A journal is reversed at most once.
  reverses_journal_id text unique references ledger_journals (id),
  -- What the journal held when posted, for replays with the same key.
  fingerprint text not null,
  posted_at timestamptz not null,
  posted_by text not null
);
create index ledger_journals_account on ledger_journals (account_id, effective_on);
create index ledger_journals_reference on ledger_journals (reference_type, reference_id);

create table ledger_postings (
  id bigint generated always as identity primary key,
  journal_id text not null references ledger_journals (id),
  book text not null check (book in ('customer', 'energy_revenue', 'standing_revenue', 'vat_output',
    'export_purchases', 'cash', 'refunds', 'goodwill', 'writeoff_backbilling', 'bad_debt', 'fees')),
  account_id text references accounts (id),
  amount_minor bigint not null check (amount_minor <> 0),
  due_on date,
  -- The journal's accounting date, kept here so balances as of a date read one index.
  effective_on date not null,
  check (book <> 'customer' or account_id is not null)
);
create index ledger_postings_journal on ledger_postings (journal_id);
create index ledger_postings_customer on ledger_postings (account_id, effective_on) include (amount_minor, due_on)
  where book = 'customer';

-- Checked at commit: every journal touched in the transaction has at least two postings summing to zero.
create or replace function ledger_journal_balanced() returns trigger language plpgsql as $$
declare
  total bigint;
  lines integer;
begin
  select coalesce(sum(amount_minor), 0), count(*) into total, lines
    from ledger_postings where journal_id = new.journal_id;
  if lines < 2 or total <> 0 then
    raise exception 'ledger journal % does not balance: % postings summing to %', new.journal_id, lines, total
      using errcode = '23514';
  end if;
  return null;
end
$$;
create constraint trigger ledger_postings_balanced after insert on ledger_postings
  deferrable initially deferred for each row execute function ledger_journal_balanced();

-- A journal without postings is refused the same way.
create or replace function ledger_journal_has_postings() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from ledger_postings where journal_id = new.id) then
    raise exception 'ledger journal % has no postings', new.id using errcode = '23514';
  end if;
  return null;
end
$$;
create constraint trigger ledger_journals_have_postings after insert on ledger_journals
  deferrable initially deferred for each row execute function ledger_journal_has_postings();

create trigger ledger_journals_append_only before update or delete on ledger_journals
  for each row execute function refuse_change();
create trigger ledger_journals_no_truncate before truncate on ledger_journals
  for each statement execute function refuse_change();
create trigger ledger_postings_append_only before update or delete on ledger_postings
  for each row execute function refuse_change();
create trigger ledger_postings_no_truncate before truncate on ledger_postings
  for each statement execute function refuse_change();
