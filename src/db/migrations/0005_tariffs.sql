-- TAR-1..4: products, their regional tariffs, rates over time, time-of-use bands, agreements (which
-- tariff a meter point is on, when) and smart-charging dispatches. Prices are pence, exact decimals.

-- TAR-1: a product as customers buy it ("Agile Octopus", "12M Fixed"), with the fields the public
-- Octopus API shows. `structure` says how its unit rates apply (TAR-2).
create table products (
  id text primary key,
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{0,48}[A-Z0-9]$'),
  direction text not null check (direction in ('IMPORT', 'EXPORT')),
  full_name text not null check (length(full_name) between 1 and 200),
  display_name text not null check (length(display_name) between 1 and 100),
  description text not null check (length(description) <= 2000),
  is_variable boolean not null,
  is_green boolean not null,
  is_tracker boolean not null,
  is_prepay boolean not null,
  is_business boolean not null,
  is_restricted boolean not null,
  -- months of a fixed contract (Agile also states one); null for an open-ended variable product
  term integer check (term between 1 and 60),
  available_from timestamptz not null,
  available_to timestamptz,
  brand text not null check (brand ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  structure text not null check (structure in ('single', 'day_night', 'time_of_use', 'dynamic', 'intelligent', 'export')),
  -- the VAT every rate of the product carries: 5 domestic, 20 business, 0 export
  vat_percent numeric(5, 2) not null check (vat_percent >= 0 and vat_percent < 100),
  -- charged per fuel when a fixed agreement is left early (minor units, what the customer pays)
  exit_fee_minor bigint not null check (exit_fee_minor >= 0),
  exit_fees_type text not null check (exit_fees_type in ('NONE', 'PER_FUEL')),
  -- Flux-style pairs: the import product names its export product and back
  paired_product_code text references products (code) deferrable initially deferred,
  created_at timestamptz not null,
  check (available_to is null or available_to > available_from),
  check ((exit_fees_type = 'NONE') = (exit_fee_minor = 0)),
  check (is_variable or term is not null),
  check (direction = 'IMPORT' or vat_percent = 0),
  check (structure <> 'export' or direction = 'EXPORT'),
  check (paired_product_code is null or paired_product_code <> code)
);

-- One tariff per product, fuel, register layout and GSP region: E-1R-<product>-<letter>,
-- E-2R-… (day/night), G-1R-… (gas), as Octopus names them.
create table tariffs (
  id text primary key,
  code text not null unique check (code ~ '^[EG]-[12]R-[A-Z0-9-]+-[A-HJ-NP]$'),
  product_id text not null references products (id),
  fuel text not null check (fuel in ('electricity', 'gas')),
  register_kind text not null check (register_kind in ('1R', '2R')),
  region text not null check (region ~ '^_[A-HJ-NP]$'),
  unique (product_id, fuel, register_kind, region),
  check (fuel = 'electricity' or register_kind = '1R'),
  check (left(code, 1) = (case fuel when 'electricity' then 'E' else 'G' end)),
  check (substr(code, 3, 2) = register_kind),
  check (right(code, 1) = right(region, 1))
);
create index tariffs_product on tariffs (product_id);

-- TAR-1/TAR-2: a price of a tariff over [valid_from, valid_to), in pence (per kWh, or per day for
-- standing charges). Kinds map onto the Octopus rate endpoints: standard_unit → standard-unit-rates,
-- day_unit/night_unit → day-/night-unit-rates, standing_charge → standing-charges. off_peak_unit and
-- peak_unit price the time-of-use bands (tariff_bands) and dynamic_unit holds the half-hourly prices
-- of a dynamic (Agile) tariff; both are served as standard-unit-rates. A null payment method is one
-- price for every payment method (Agile, export); the constraints treat it as a method of its own.
create table tariff_rates (
  tariff_id text not null references tariffs (id),
  kind text not null check (
    kind in ('standard_unit', 'day_unit', 'night_unit', 'off_peak_unit', 'peak_unit', 'dynamic_unit', 'standing_charge')
  ),
  payment_method text check (payment_method in ('DIRECT_DEBIT', 'NON_DIRECT_DEBIT')),
  value_exc_vat numeric(12, 4) not null,
  value_inc_vat numeric(12, 4) not null,
  valid_from timestamptz not null,
  valid_to timestamptz,
  check (valid_to is null or valid_to > valid_from),
  check (kind <> 'standing_charge' or value_exc_vat >= 0),
  -- a dynamic price covers exactly one half hour on the half-hour grid, so two of them overlap only
  -- when they start together: the unique index below refuses that without a GiST entry per half
  -- hour (a year of Agile for 14 regions is 245,280 rows, which GiST would make ten times slower to load)
  check (
    kind <> 'dynamic_unit'
    or (valid_to = valid_from + interval '30 minutes' and extract(epoch from valid_from)::bigint % 1800 = 0)
  ),
  -- every other kind: no two prices of one tariff, kind and payment method at the same instant
  exclude using gist (
    tariff_id with =,
    kind with =,
    (coalesce(payment_method, '')) with =,
    tstzrange(valid_from, valid_to) with &&
  ) where (kind <> 'dynamic_unit')
);
create unique index tariff_rates_half_hours on tariff_rates (tariff_id, (coalesce(payment_method, '')), valid_from)
  where kind = 'dynamic_unit';
create index tariff_rates_newest on tariff_rates (tariff_id, kind, valid_from desc) where kind <> 'dynamic_unit';

-- TAR-2: time-of-use windows ('HH:MM' on half hours; an end at or before the start wraps past
-- midnight) in local time or in UTC (smart Economy 7 00:30–07:30 UTC), each naming the rate kind
-- that applies inside it. Time outside every band is billed at 'standard_unit'.
create table tariff_bands (
  id text primary key,
  tariff_id text not null references tariffs (id),
  rate_kind text not null check (rate_kind in ('standard_unit', 'day_unit', 'night_unit', 'off_peak_unit', 'peak_unit')),
  start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[03]0$'),
  end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[03]0$'),
  time_zone text not null check (time_zone in ('Europe/London', 'UTC')),
  valid_from timestamptz not null,
  valid_to timestamptz,
  check (start_time <> end_time),
  check (valid_to is null or valid_to > valid_from)
);
create index tariff_bands_tariff on tariff_bands (tariff_id, valid_from);

-- TAR-3: which tariff a meter point is on over [valid_from, valid_to). The database refuses two
-- agreements of one meter point at the same instant; a tariff change ends one where the next starts.
create table agreements (
  id text primary key,
  account_id text not null references accounts (id),
  meter_point_id text not null references meter_points (id),
  tariff_id text not null references tariffs (id),
  valid_from timestamptz not null,
  valid_to timestamptz,
  -- the contracted end of a fixed product's term, kept when the agreement is ended earlier
  term_ends_at timestamptz,
  -- set when the agreement is ended by a change: the exit fee charged (0 when none was due)
  exit_fee_minor_applied bigint check (exit_fee_minor_applied >= 0),
  created_at timestamptz not null,
  unique (account_id, id),
  check (valid_to is null or valid_to > valid_from),
  check (term_ends_at is null or term_ends_at > valid_from),
  exclude using gist (meter_point_id with =, tstzrange(valid_from, valid_to) with &&)
);
create index agreements_account on agreements (account_id);
create index agreements_tariff on agreements (tariff_id);

-- TAR-4: smart-charging (and bump-charging) dispatches of a customer's device. Any half hour a
-- smart-charge dispatch touches is billed off-peak on an intelligent tariff; a bump charge is not.
create table dispatches (
  id text primary key,
  account_id text not null references accounts (id),
  meter_point_id text not null references meter_points (id),
  device_id text not null check (length(device_id) between 1 and 100),
  start_at timestamptz not null,
  end_at timestamptz not null,
  source text not null check (source in ('smart-charge', 'bump-charge')),
  energy_kwh numeric(10, 3) check (energy_kwh >= 0),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (account_id, device_id, start_at),
  unique (account_id, id),
  check (end_at > start_at)
);
create index dispatches_account_start on dispatches (account_id, start_at);
