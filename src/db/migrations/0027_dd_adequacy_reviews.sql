-- Issue 21, item 5 (PAY-5, BIL-6): a payment adequacy review at least yearly.
--
-- Each active Direct Debit is reviewed for adequacy when its last review is over a year old (or it
-- was never reviewed); the date of the last review and the amount it recommended are kept on the
-- instruction. "No payment adequacy review in over a year" is one of the supplier's failings the
-- backbilling rule states when it writes off energy older than 12 months.
alter table direct_debit_instructions add column adequacy_reviewed_on date;
alter table direct_debit_instructions add column adequacy_recommended_minor bigint
  check (adequacy_recommended_minor >= 0);
alter table direct_debit_instructions add constraint direct_debit_adequacy_reviewed_together
  check ((adequacy_reviewed_on is null) = (adequacy_recommended_minor is null));
