-- Issue 19, hole 9: every supplier setting now has a range (src/modules/market/settings.ts,
-- `settingBounds`). A value stored before the ranges existed is brought within its range, so the
-- supplier still loads: an approval limit above 100,000 major units becomes 100,000 (the largest
-- limit allowed), a password age above 365 days becomes 365, and so on. Only out-of-range values change.
update supplier set settings = (
  select coalesce(jsonb_object_agg(key, case
      when key in ('creditApprovalLimitMinor', 'invoicePaymentApprovalMinor')
        and value #>> '{}' ~ '^[0-9]+$' and (value #>> '{}')::numeric > 10000000 then to_jsonb('10000000'::text)
      when key = 'lateFeeMinor'
        and value #>> '{}' ~ '^[0-9]+$' and (value #>> '{}')::numeric > 10000 then to_jsonb('10000'::text)
      when key in ('thirdPartyAccessMinDays', 'thirdPartyAccessMaxDays', 'staffPasswordMaxAgeDays')
        and jsonb_typeof(value) = 'number' and (value)::numeric > 365 then to_jsonb(365)
      else value
    end), '{}'::jsonb)
  from jsonb_each(settings)
);
