-- MET-1..7: meter points, meters, registers, register readings and half-hourly intervals.

-- MET-1: an electricity meter point (MPAN core, import or export) or a gas meter point (MPRN) at a
-- property. The identifier is the industry's own number, unique across the market.
create table meter_points (
  id text primary key,
  fuel text not null check (fuel in ('electricity', 'gas')),
  identifier text not null unique,
  direction text not null check (direction in ('import', 'export')),
  profile_class text check (profile_class ~ '^0[0-8]$'),
  distributor_id text check (distributor_id ~ '^[0-9]{2}$'),
  gsp_region text check (gsp_region ~ '^_[A-HJ-NP]$'),
  property_id text not null references properties (id),
  -- MET-7: an export MPAN is linked to the import MPAN of the same meter ("configure export").
  import_point_id text references meter_points (id),
  created_at timestamptz not null,
  check ((fuel = 'electricity' and identifier ~ '^[0-9]{13}$') or (fuel = 'gas' and identifier ~ '^[0-9]{6,10}$')),
  check (fuel = 'electricity' or direction = 'import'),
  check (import_point_id is null or direction = 'export')
);
create index meter_points_property on meter_points (property_id);
create unique index meter_points_one_export_per_import on meter_points (import_point_id) where import_point_id is not null;

-- Which account a meter point is supplied to, over which local dates [from, to).
create table supply_periods (
  id text primary key,
  account_id text not null references accounts (id),
  meter_point_id text not null references meter_points (id),
  valid_from date not null,
  valid_to date,
  unique (account_id, id),
  check (valid_to is null or valid_to > valid_from),
  exclude using gist (meter_point_id with =, daterange(valid_from, valid_to) with &&)
);
create index supply_periods_account on supply_periods (account_id);

-- MET-2: meters on a meter point over time; an exchange removes one and installs the next.
create table meters (
  id text primary key,
  meter_point_id text not null references meter_points (id),
  serial text not null check (length(serial) between 1 and 20),
  type text not null check (type in ('smart', 'traditional', 'prepayment')),
  installed_on date not null,
  removed_on date,
  unique (meter_point_id, serial),
  check (removed_on is null or removed_on >= installed_on),
  exclude using gist (meter_point_id with =, daterange(installed_on, removed_on) with &&)
);

create table registers (
  id text primary key,
  meter_id text not null references meters (id),
  identifier text not null check (length(identifier) between 1 and 4),
  rate text not null check (rate in ('standard', 'day', 'night', 'peak', 'off_peak', 'export')),
  -- the dial's digits: a reading wraps from 10^digits - 1 back to 0 (rollover)
  digits integer not null check (digits between 4 and 9),
  unique (meter_id, identifier)
);

-- MET-3: register readings. Nothing is silently dropped: a reading that fails validation is either
-- refused (and nothing is written) or kept as 'held' with its reason for review. An estimate is
-- 'superseded' when an actual for the same register arrives on or after its date.
create table register_readings (
  id text primary key,
  meter_point_id text not null references meter_points (id),
  register_id text not null references registers (id),
  read_at timestamptz not null,
  value numeric(12, 1) not null check (value >= 0),
  source text not null check (source in ('customer', 'smart', 'agent', 'field', 'industry', 'estimated', 'transfer')),
  kind text not null check (kind in ('normal', 'install', 'removal', 'final', 'initial')),
  status text not null check (status in ('accepted', 'held', 'superseded', 'released', 'discarded')),
  reason text,
  -- the units since the previous accepted reading, when there is one (rollover accounted for)
  advance numeric(12, 1),
  is_rollover boolean not null default false,
  ingestion_id text,
  actor_kind text not null,
  actor_id text,
  created_at timestamptz not null,
  check (status <> 'held' or reason is not null)
);
create index register_readings_register on register_readings (register_id, read_at);
create index register_readings_meter_point on register_readings (meter_point_id, read_at desc, id desc);
-- the same reading delivered twice (an industry file re-sent) is recognised, not duplicated
create unique index register_readings_once on register_readings (register_id, read_at, source, value)
  where status in ('accepted', 'held', 'superseded', 'released');

-- MET-4/MET-6: half-hourly intervals, one row per meter point and interval start, partitioned by
-- month of the interval (partitions are created on demand by the metering module). The key makes
-- re-ingestion idempotent; a changed value replaces the old one and the change is kept below.
create table intervals (
  meter_point_id text not null,
  interval_start timestamptz not null,
  kwh numeric(10, 3) not null check (kwh >= 0),
  quality text not null check (quality in ('actual', 'estimated')),
  ingestion_id text,
  primary key (meter_point_id, interval_start)
) partition by range (interval_start);

create table interval_revisions (
  meter_point_id text not null,
  interval_start timestamptz not null,
  old_kwh numeric(10, 3) not null,
  old_quality text not null,
  new_kwh numeric(10, 3) not null,
  new_quality text not null,
  ingestion_id text,
  revised_at timestamptz not null
);
create index interval_revisions_point on interval_revisions (meter_point_id, interval_start);

-- Every file or batch taken in: what it was and what became of its rows.
create table ingestions (
  id text primary key,
  kind text not null check (kind in ('intervals_csv', 'd0010', 'estimation', 'api')),
  file_name text,
  sha256 text,
  rows_total integer not null,
  rows_inserted integer not null,
  rows_revised integer not null,
  rows_unchanged integer not null,
  rows_rejected integer not null,
  rejected jsonb not null default '[]',
  actor_kind text not null,
  actor_id text,
  created_at timestamptz not null
);

-- Staging for bulk loads (COPY on PostgreSQL): rows wait here only inside one ingestion.
create unlogged table interval_staging (
  ingestion_id text not null,
  -- the row's line in its file: when a file repeats an interval, its last line wins
  line bigint not null,
  meter_point_id text not null,
  interval_start timestamptz not null,
  kwh numeric(10, 3) not null,
  quality text not null
);
create index interval_staging_ingestion on interval_staging (ingestion_id);
