-- BIL-1..9: statements, their lines, billing runs and final settlements.

-- How an account is billed, where it differs from the defaults (cycle day from the day it opened,
-- Direct Debit prices, billed from its first reading). One row per account, only when needed.
create table billing_profiles (
  account_id text primary key references accounts (id),
  cycle_day integer check (cycle_day between 1 and 28),
  payment_method text not null default 'DIRECT_DEBIT' check (payment_method in ('DIRECT_DEBIT', 'NON_DIRECT_DEBIT')),
  -- native: opened here; migrated: moved from an old billing system (bill from the transfer reading);
  -- shell: carries a debt only and is never billed (BIL-8).
  origin text not null default 'native' check (origin in ('native', 'migrated', 'shell')),
  -- The first bill of a migrated account starts here: the last reading the old system billed to.
  transfer_at timestamptz,
  -- BIL-6 exception: the customer prevented us from reading the meter.
  reading_prevented boolean not null default false,
  updated_at timestamptz not null,
  check (origin <> 'migrated' or transfer_at is not null)
);

-- Bills from the old system, viewable on migrated accounts (BIL-8). Never changed.
create table historical_bills (
  id text primary key,
  account_id text not null references accounts (id),
  source text not null check (length(source) between 1 and 100),
  reference text not null check (length(reference) between 1 and 100),
  issued_on date not null,
  period_from date not null,
  period_to date not null,
  total_minor bigint not null,
  -- The readings the old bill was billed to: the last one is the transfer reading.
  readings jsonb not null default '[]',
  created_at timestamptz not null,
  unique (account_id, source, reference),
  check (period_to >= period_from)
);
create index historical_bills_account on historical_bills (account_id, issued_on);
create trigger historical_bills_append_only before update or delete on historical_bills
  for each row execute function refuse_change();

create table billing_runs (
  id text primary key,
  run_on date not null unique,
  status text not null check (status in ('running', 'finished')),
  accounts_due integer not null default 0,
  issued integer not null default 0,
  held integer not null default 0,
  skipped integer not null default 0,
  failed integer not null default 0,
  started_at timestamptz not null,
  finished_at timestamptz
);

create sequence statement_number_seq;
create sequence document_number_seq;

-- BIL-4: business invoices (charges) and credit notes (credits), never both on one document:
-- unissued while being put together, then issued (posted to the ledger).
create table billing_documents (
  id text primary key,
  number text not null unique,
  account_id text not null references accounts (id),
  kind text not null check (kind in ('invoice', 'credit_note')),
  status text not null check (status in ('unissued', 'issued')),
  currency char(3) not null,
  total_minor bigint not null check (total_minor > 0),
  -- An invoice above the supplier's threshold waits for a manual payment approval.
  needs_payment_approval boolean not null default false,
  due_on date,
  created_at timestamptz not null,
  issued_at timestamptz,
  check ((status = 'issued') = (issued_at is not null))
);
create index billing_documents_account on billing_documents (account_id, created_at desc);

-- A statement (domestic) or the rated charges of a business period (BIL-2, BIL-4). Immutable once
-- made: only the status moves on, enforced below. Domestic: held → issued or rejected, issued →
-- superseded by a rebill. Business: uninvoiced (a charge or credit not yet on a document) →
-- invoiced when its document is issued; either → superseded by a rebill.
create table statements (
  id text primary key,
  number text not null unique,
  account_id text not null references accounts (id),
  kind text not null check (kind in ('periodic', 'final', 'rebill', 'corrected_final')),
  status text not null check (status in ('held', 'issued', 'rejected', 'superseded', 'uninvoiced', 'invoiced')),
  document_id text references billing_documents (id),
  period_from timestamptz not null,
  period_to timestamptz not null,
  -- One bill per account and period start; a rebill is version 2, 3, … of the same period.
  version integer not null default 1 check (version >= 1),
  replaces_statement_id text unique references statements (id),
  run_id text references billing_runs (id),
  currency char(3) not null,
  payment_method text not null,
  net_minor bigint not null,
  vat_minor bigint not null,
  total_minor bigint not null,
  -- Backbilling write-off (BIL-6), a credit shown on the statement; 0 when none.
  writeoff_minor bigint not null default 0 check (writeoff_minor >= 0),
  -- What the ledger was charged: total (rebill: the difference from the version it replaces) less the write-off.
  posted_minor bigint not null,
  opening_balance_minor bigint,
  payments_minor bigint,
  credits_minor bigint,
  closing_balance_minor bigint,
  due_on date,
  hold_reasons jsonb not null default '[]',
  explanation jsonb not null default '{}',
  -- The register readings billed from, and to (the next bill starts from those).
  opening_readings jsonb not null default '[]',
  closing_readings jsonb not null default '[]',
  created_at timestamptz not null,
  issued_at timestamptz,
  decided_by text,
  unique (account_id, period_from, version),
  check (period_to > period_from),
  check (total_minor = net_minor + vat_minor),
  check (status not in ('issued', 'invoiced') or issued_at is not null)
);
create index statements_account on statements (account_id, period_from desc);
create index statements_held on statements (created_at) where status = 'held';

create or replace function statement_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'statements are never deleted' using errcode = 'P0001';
  end if;
  if (to_jsonb(new) - array['status', 'issued_at', 'decided_by', 'opening_balance_minor', 'payments_minor',
        'credits_minor', 'closing_balance_minor', 'due_on', 'document_id'])
     is distinct from
     (to_jsonb(old) - array['status', 'issued_at', 'decided_by', 'opening_balance_minor', 'payments_minor',
        'credits_minor', 'closing_balance_minor', 'due_on', 'document_id']) then
    raise exception 'statement % is immutable: only its status moves on', old.number using errcode = 'P0001';
  end if;
  if old.document_id is not null and new.document_id is distinct from old.document_id then
    raise exception 'statement % is on a document already', old.number using errcode = 'P0001';
  end if;
  if old.status = 'held' and new.status in ('issued', 'rejected', 'uninvoiced') then return new; end if;
  if old.status = 'uninvoiced' and new.status = 'uninvoiced' and old.document_id is null then return new; end if;
  if old.status = 'uninvoiced' and new.status in ('invoiced', 'superseded') then return new; end if;
  if old.status = 'invoiced' and new.status = 'superseded' and new.issued_at = old.issued_at then return new; end if;
  if old.status = 'issued' and new.status = 'superseded' and new.issued_at = old.issued_at
     and new.opening_balance_minor is not distinct from old.opening_balance_minor
     and new.closing_balance_minor is not distinct from old.closing_balance_minor then
    return new;
  end if;
  raise exception 'statement % cannot go from % to %', old.number, old.status, new.status using errcode = 'P0001';
end
$$;
create trigger statements_guard before update or delete on statements
  for each row execute function statement_guard();
create trigger statements_no_truncate before truncate on statements
  for each statement execute function refuse_change();

create table statement_lines (
  statement_id text not null references statements (id),
  position integer not null,
  meter_point_id text references meter_points (id),
  identifier text,
  agreement_id text,
  tariff_code text,
  kind text not null check (kind in ('energy', 'standing_charge', 'export_credit', 'backbilling_writeoff')),
  rate_kind text,
  period_from timestamptz not null,
  period_to timestamptz not null,
  quantity numeric(14, 3) not null,
  unit text not null check (unit in ('kWh', 'day', 'GBP', 'USD')),
  rate_pence numeric(12, 4),
  vat_percent numeric(5, 2) not null,
  amount_minor bigint not null,
  source jsonb not null default '{}',
  description text not null,
  primary key (statement_id, position)
);
create trigger statement_lines_append_only before update or delete on statement_lines
  for each row execute function refuse_change();

-- BIL-7: after a final bill, a refund of a credit balance or a request to pay a debit balance.
create table final_settlements (
  id text primary key,
  account_id text not null references accounts (id),
  statement_id text not null unique references statements (id),
  kind text not null check (kind in ('refund', 'payment_request', 'none')),
  amount_minor bigint not null check (amount_minor >= 0),
  created_at timestamptz not null
);
create trigger final_settlements_append_only before update or delete on final_settlements
  for each row execute function refuse_change();
