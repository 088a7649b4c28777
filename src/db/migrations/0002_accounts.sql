-- ACC-1: customers, properties, accounts, contacts and notes.
create table customers (
  id text primary key,
  kind text not null check (kind in ('person', 'business')),
  title text,
  given_name text,
  family_name text,
  business_name text,
  display_name text not null check (length(display_name) between 1 and 200),
  created_at timestamptz not null,
  check ((kind = 'person' and family_name is not null) or (kind = 'business' and business_name is not null))
);

create table properties (
  id text primary key,
  line1 text not null check (length(line1) between 1 and 200),
  line2 text,
  town text not null check (length(town) between 1 and 100),
  postcode text not null check (length(postcode) between 2 and 12),
  gsp_region text check (gsp_region ~ '^_[A-HJ-NP]$'),
  created_at timestamptz not null
);

-- ACC-2: the human account number is separate from the id, unique and never reused.
create table accounts (
  id text primary key,
  number text not null unique check (number ~ '^A-[0-9A-F]{8}$'),
  customer_id text not null references customers (id),
  property_id text not null references properties (id),
  status text not null check (status in ('active', 'closed')),
  market text not null check (market in ('gb', 'us')),
  opened_on date not null,
  closed_on date,
  billing_address jsonb,
  billing_mode text not null check (billing_mode in ('paperless', 'paper')),
  created_at timestamptz not null,
  check (closed_on is null or closed_on >= opened_on)
);
create index accounts_customer on accounts (customer_id);

create table account_contacts (
  id text primary key,
  account_id text not null references accounts (id),
  kind text not null check (kind in ('email', 'phone')),
  value text not null,
  -- emails lower-cased; phones as national digits (+44 7700 → 07700) for lookups.
  normalized text not null,
  label text,
  is_primary boolean not null default false,
  position integer not null,
  unique (account_id, kind, normalized)
);
create index account_contacts_normalized on account_contacts (kind, normalized);
create unique index account_contacts_one_primary on account_contacts (account_id, kind) where is_primary;

-- ACC-5: notes are immutable once saved; corrections are new notes.
create table account_notes (
  id text primary key,
  account_id text not null references accounts (id),
  type text not null check (type in ('general', 'billing', 'payment', 'service')),
  body text not null check (length(body) between 1 and 5000),
  author_kind text not null,
  author_id text,
  created_at timestamptz not null,
  unique (account_id, id)
);
create index account_notes_account on account_notes (account_id, id desc);
create trigger account_notes_append_only before update or delete on account_notes
  for each row execute function refuse_change();

-- ACC-8: one search row per account, kept in step by the accounts module in the same transaction.
create table account_search (
  account_id text primary key references accounts (id),
  number text not null,
  -- display forms (pg_trgm folds case itself): the customer's name and the one-line service address
  name text not null,
  address text not null,
  postcode text not null,
  -- the postcode upper-cased without spaces, for prefix lookups ('CB12' finds 'CB1 2AB')
  postcode_key text not null,
  emails text not null,
  phones text not null,
  status text not null
);
create index account_search_name_trgm on account_search using gin (name gin_trgm_ops);
create index account_search_address_trgm on account_search using gin (address gin_trgm_ops);
create index account_search_postcode on account_search (postcode_key text_pattern_ops);
