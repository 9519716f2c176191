-- Issue 5: the full member register (DOMAIN.md §3, §10, §11).

-- Member codes: "ĐV" is not used in the code itself (ASCII only, so it survives every keyboard, scanner and
-- spreadsheet); the format is DV + 9-digit serial + 1 Luhn check digit, e.g. DV0000012344. The serial comes from
-- this sequence, which never goes back, so a code is never reused — not even after a member is removed.
create sequence membership.member_code_seq start with 1 no cycle;

alter table membership.member
    add column member_code         text,
    add column sort_key            text collate "vi-x-icu",
    add column cccd                text,
    add column phone               text,
    add column email               text,
    add column nationality         text        not null default 'VN',
    add column home_town           text,
    add column residence           text,
    add column education           text,
    add column qualification       text,
    add column theory_level        text,
    add column enterprise_id       bigint references enterprises.enterprise (id),
    add column job_title           text,
    add column contract_type       text,
    add column union_position      text,
    add column admission_decision  text,
    add column left_on             date,
    add column leave_reason        text,
    add column leave_decision      text,
    add column account_id          bigint,
    add column updated_at          timestamptz;

-- Luhn check digit of a digit string (the same rule as MemberCodes in Java).
create function membership.luhn_digit(digits text) returns int language plpgsql immutable strict parallel safe as $$
declare
    total int := 0;
    d int;
    n int := length(digits);
begin
    for i in 1..n loop
        d := ascii(substr(digits, i, 1)) - 48;
        if (n - i) % 2 = 0 then
            d := d * 2;
            if d > 9 then
                d := d - 9;
            end if;
        end if;
        total := total + d;
    end loop;
    return (10 - total % 10) % 10;
end
$$;

create function membership.next_member_code() returns text language sql volatile as $$
    select 'DV' || s || membership.luhn_digit(s)
      from (select lpad(nextval('membership.member_code_seq')::text, 9, '0') as s) as x
$$;

update membership.member set member_code = membership.next_member_code() where member_code is null;
alter table membership.member alter column member_code set default membership.next_member_code();

alter table membership.member
    alter column member_code set not null,
    drop constraint member_status,
    add constraint member_status check (status in ('ACTIVE', 'WITHOUT_UNIT', 'LEFT', 'REMOVED')),
    add constraint member_code_format check (member_code ~ '^DV[0-9]{10}$'),
    add constraint member_cccd_format check (cccd ~ '^[0-9]{12}$'),
    add constraint member_phone_format check (phone ~ '^0[35789][0-9]{8}$'),
    add constraint member_contract check (contract_type in ('INDEFINITE', 'FIXED_12_36', 'FIXED_UNDER_12', 'NONE')),
    add constraint member_left check ((status in ('LEFT', 'REMOVED')) = (left_on is not null)),
    add constraint member_text_nfc check (
        coalesce(home_town, '') is nfc normalized and coalesce(residence, '') is nfc normalized
        and coalesce(job_title, '') is nfc normalized and coalesce(union_position, '') is nfc normalized);

create unique index member_code_unique on membership.member (member_code);
-- One CCCD among members who belong (or wait for a unit): DESIGN.md §6.
create unique index member_cccd_active_unique on membership.member (cccd)
    where cccd is not null and status in ('ACTIVE', 'WITHOUT_UNIT');
create index member_cccd_idx on membership.member (cccd);
create unique index member_account_unique on membership.member (account_id) where account_id is not null;
create index member_last_unit_sort_idx on membership.member (last_unit_id, sort_key);
-- The list's default order (Vietnamese, given name first): lets wide scopes (province, nation) read the first page
-- in index order instead of sorting every member in scope.
create index member_sort_idx on membership.member (sort_key, birth_date, id);
create index member_enterprise_idx on membership.member (enterprise_id) where enterprise_id is not null;

-- Sensitive personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP; DOMAIN.md §10.1), kept apart from the basic
-- record: read only with member.read-sensitive, every read written to audit.access_log.
create table membership.member_sensitive (
    member_id       bigint primary key references membership.member (id),
    ethnicity       text,
    religion        text,
    party_member    boolean not null default false,
    party_joined_on date,
    health_note     text,
    salary_basis    numeric(18, 0),
    bank_account    text,
    constraint member_sensitive_salary check (salary_basis is null or salary_basis >= 0),
    constraint member_sensitive_party check (party_joined_on is null or party_member),
    constraint member_sensitive_nfc check (coalesce(religion, '') is nfc normalized
        and coalesce(health_note, '') is nfc normalized)
);
create index member_sensitive_ethnicity_idx on membership.member_sensitive (ethnicity);

-- What happened to a member, dated (admission, transfers, leaving, restoring, unit changes, corrections).
create table membership.member_event (
    id            bigint generated by default as identity primary key,
    member_id     bigint      not null references membership.member (id),
    kind          text        not null,
    happened_on   date        not null,
    unit_id       bigint references organisation.org_unit (id),
    other_unit_id bigint references organisation.org_unit (id),
    decision      text,
    note          text,
    actor_name    text        not null,
    recorded_at   timestamptz not null default now(),
    constraint member_event_kind check (kind in ('ADMITTED', 'TRANSFER_RELEASED', 'TRANSFER_ACCEPTED',
        'TRANSFER_CANCELLED', 'LEFT', 'REMOVED', 'RESTORED', 'UNIT_MERGED', 'UNIT_CLOSED', 'UPDATED',
        'CORRECTION_REQUESTED', 'CORRECTION_CONFIRMED', 'CORRECTION_REJECTED', 'CARD_ISSUED'))
);
create index member_event_member_idx on membership.member_event (member_id, happened_on, id);
create trigger member_event_append_only before update or delete on membership.member_event
    for each row execute function forbid_change();

-- Transfer (chuyển sinh hoạt): the sending unit releases, the receiving unit accepts. Until then the member stays
-- in the sending unit, shown as "being transferred" — never in two units, never in none.
create table membership.member_transfer (
    id           bigint generated by default as identity primary key,
    member_id    bigint      not null references membership.member (id),
    from_unit_id bigint      not null references organisation.org_unit (id),
    to_unit_id   bigint      not null references organisation.org_unit (id),
    released_on  date        not null,
    released_by  text        not null,
    note         text,
    status       text        not null default 'PENDING',
    decided_on   date,
    decided_by   text,
    constraint member_transfer_status check (status in ('PENDING', 'ACCEPTED', 'CANCELLED')),
    constraint member_transfer_other_unit check (from_unit_id <> to_unit_id)
);
create unique index member_transfer_one_pending on membership.member_transfer (member_id) where status = 'PENDING';
create index member_transfer_to_pending on membership.member_transfer (to_unit_id) where status = 'PENDING';

-- Introducing outstanding members to the Party (task 7 of 108/TB-LĐLĐ). Sensitive (DOMAIN.md §10.1).
create table membership.party_referral (
    id            bigint generated by default as identity primary key,
    member_id     bigint not null references membership.member (id),
    introduced_on date   not null,
    unit_id       bigint not null references organisation.org_unit (id),
    outcome       text   not null default 'PENDING',
    outcome_on    date,
    constraint party_referral_outcome check (outcome in ('PENDING', 'ADMITTED', 'NOT_ADMITTED')),
    constraint party_referral_outcome_date check ((outcome = 'PENDING') = (outcome_on is null)),
    constraint party_referral_dates check (outcome_on is null or outcome_on >= introduced_on)
);
create index party_referral_member_idx on membership.party_referral (member_id);

-- Self-service corrections (phone, residence) wait for the unit to confirm them.
create table membership.profile_correction (
    id           bigint generated by default as identity primary key,
    member_id    bigint      not null references membership.member (id),
    field        text        not null,
    new_value    text        not null,
    requested_at timestamptz not null default now(),
    status       text        not null default 'PENDING',
    decided_by   text,
    decided_at   timestamptz,
    constraint profile_correction_field check (field in ('phone', 'residence')),
    constraint profile_correction_status check (status in ('PENDING', 'CONFIRMED', 'REJECTED'))
);
create index profile_correction_pending on membership.profile_correction (member_id) where status = 'PENDING';

alter table membership.membership_period drop constraint membership_period_reason,
    add constraint membership_period_reason check (reason in
        ('ADMITTED', 'TRANSFERRED', 'UNIT_MERGED', 'UNIT_CLOSED', 'LEFT', 'RESTORED'));
