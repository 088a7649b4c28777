-- Issue 22: a price change (a quarterly repricing from one CSV) as the pricing analyst uploaded it:
-- the validated rates with the prices they replace (the diff), effective from the start of a local
-- date. A draft is submitted for approval; a second pricing analyst approves it, which publishes its
-- rates as new versions in tariff_rates, or rejects it. Once published or rejected it is fixed
-- (trigger below): a correction is a new price change.
create table price_changes (
  id text primary key,
  -- the reference analysts quote: PC- and six digits
  number text not null unique check (number ~ '^PC-[0-9]{6}$'),
  status text not null check (status in ('draft', 'pending_approval', 'published', 'rejected')),
  effective_date date not null,
  effective_from timestamptz not null,
  note text not null check (length(note) <= 2000),
  -- [{ tariffCode, productCode, region, fuel, kind, paymentMethod, valueExcVat, valueIncVat, oldExcVat, oldIncVat, line }]
  rates jsonb not null,
  rate_count integer not null check (rate_count > 0),
  created_by_kind text not null,
  created_by text not null,
  created_at timestamptz not null,
  submitted_at timestamptz,
  decided_by_kind text,
  decided_by text,
  decided_at timestamptz,
  decision_note text check (length(decision_note) <= 2000),
  check ((status = 'draft') = (submitted_at is null)),
  check ((status in ('published', 'rejected')) = (decided_at is not null and decided_by is not null))
);
create index price_changes_status on price_changes (status, created_at);

create or replace function price_changes_fixed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'price_changes keeps every change: DELETE refused' using errcode = 'P0001';
  end if;
  if old.status in ('published', 'rejected') then
    raise exception 'price_changes: a published or rejected change is fixed; a correction is a new change'
      using errcode = 'P0001';
  end if;
  if (new.id, new.number, new.effective_date, new.effective_from, new.rates, new.created_by_kind, new.created_by,
      new.created_at) is distinct from (old.id, old.number, old.effective_date, old.effective_from, old.rates,
      old.created_by_kind, old.created_by, old.created_at) then
    raise exception 'price_changes: the rates of a change are fixed once uploaded; upload a new change'
      using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger price_changes_fixed before update or delete on price_changes
  for each row execute function price_changes_fixed();
create trigger price_changes_no_truncate before truncate on price_changes
  for each statement execute function refuse_change();
