-- Issue 6, dashboards: a unit's members on a date, for a whole province at once (docs/BENCHMARKS.md, "Dashboards").

-- The members without a unit on a date are read from their (few) periods without a unit. Without this index that read
-- scanned every membership period (11 M in the national bench world).
create index membership_period_without_unit on membership.membership_period (member_id) where unit_id is null;

-- The memberships of the subtree's units on the date, read by an index-only scan per unit: without it the planner
-- scanned all periods and hashed them against the subtree's units (1.2 s of a 5.6 s province dashboard at 11 M).
create index membership_period_unit_cover on membership.membership_period (unit_id) include (member_id, during);

-- Ethnicity of each member of the subtree by an index-only lookup, instead of hashing the whole sensitive table.
create index member_sensitive_ethnicity_cover on membership.member_sensitive (member_id) include (ethnicity);
