-- Issue 6: indicators, yearly targets (chỉ tiêu) and periodic statistics (QĐ 1454/QĐ-TLĐ; DOMAIN.md §8).
create schema if not exists reporting;

-- Indicators are data. A COMPUTED one names its calculation (a key the application maps to code); a MANUAL one is
-- entered by hand. aggregate_only marks figures that leave the system only as aggregates (ethnicity, Party: §10).
create table reporting.indicator (
    code            text primary key,
    name            text    not null,
    name_en         text    not null,
    unit_of_measure text    not null,
    kind            text    not null,
    calculation     text,
    lower_is_better boolean not null default false,
    aggregate_only  boolean not null default false,
    sort_order      int     not null,
    constraint indicator_code_format check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    constraint indicator_kind check (kind in ('COMPUTED', 'MANUAL')),
    constraint indicator_calculation check ((kind = 'COMPUTED') = (calculation is not null)),
    constraint indicator_name_nfc check (name is nfc normalized and unit_of_measure is nfc normalized)
);

insert into reporting.indicator (code, name, name_en, unit_of_measure, kind, calculation, lower_is_better,
                                 aggregate_only, sort_order) values
    ('MEMBERS_TOTAL', 'Tổng số đoàn viên', 'Members', 'người', 'COMPUTED', 'MEMBERS_TOTAL', false, false, 10),
    ('MEMBERS_FEMALE', 'Đoàn viên nữ', 'Female members', 'người', 'COMPUTED', 'MEMBERS_FEMALE', false, false, 20),
    ('MEMBERS_ETHNIC_MINORITY', 'Đoàn viên người dân tộc thiểu số', 'Ethnic-minority members', 'người',
        'COMPUTED', 'MEMBERS_ETHNIC_MINORITY', false, true, 30),
    ('MEMBERS_STATE', 'Đoàn viên trong doanh nghiệp nhà nước', 'Members in state enterprises', 'người',
        'COMPUTED', 'MEMBERS_STATE', false, false, 40),
    ('MEMBERS_NON_STATE', 'Đoàn viên trong doanh nghiệp ngoài nhà nước', 'Members in non-state enterprises',
        'người', 'COMPUTED', 'MEMBERS_NON_STATE', false, false, 50),
    ('MEMBERS_FDI', 'Đoàn viên trong doanh nghiệp có vốn đầu tư nước ngoài', 'Members in FDI enterprises', 'người',
        'COMPUTED', 'MEMBERS_FDI', false, false, 60),
    ('MEMBERS_NEW', 'Đoàn viên kết nạp mới', 'New members', 'người', 'COMPUTED', 'MEMBERS_NEW', false, false, 70),
    ('MEMBERS_LEFT', 'Đoàn viên giảm (thôi, ra khỏi tổ chức)', 'Members who left', 'người', 'COMPUTED',
        'MEMBERS_LEFT', true, false, 80),
    ('PARTY_REFERRALS', 'Đoàn viên ưu tú giới thiệu cho Đảng', 'Members introduced to the Party', 'người',
        'COMPUTED', 'PARTY_REFERRALS', false, true, 90),
    ('GRASSROOTS_TOTAL', 'Công đoàn cơ sở', 'Grassroots unions', 'đơn vị', 'COMPUTED', 'GRASSROOTS_TOTAL', false,
        false, 100),
    ('GRASSROOTS_NEW', 'Công đoàn cơ sở thành lập mới', 'New grassroots unions', 'đơn vị', 'COMPUTED',
        'GRASSROOTS_NEW', false, false, 110),
    ('GRASSROOTS_CLOSED', 'Công đoàn cơ sở giải thể, sáp nhập, chấm dứt hoạt động', 'Grassroots unions closed',
        'đơn vị', 'COMPUTED', 'GRASSROOTS_CLOSED', true, false, 120),
    ('GRASSROOTS_NON_STATE', 'Công đoàn cơ sở trong doanh nghiệp ngoài nhà nước',
        'Grassroots unions in non-state enterprises', 'đơn vị', 'COMPUTED', 'GRASSROOTS_NON_STATE', false, false, 130),
    ('ENTERPRISES_25_NO_UNION', 'Doanh nghiệp từ 25 lao động trở lên chưa có công đoàn',
        'Enterprises with 25+ workers without a union', 'doanh nghiệp', 'COMPUTED', 'ENTERPRISES_25_NO_UNION', true,
        false, 140),
    ('AGREEMENTS_SIGNED', 'Thỏa ước lao động tập thể ký mới', 'Collective agreements signed', 'bản', 'MANUAL', null,
        false, false, 200),
    ('DIALOGUES', 'Đối thoại định kỳ tại nơi làm việc', 'Periodic workplace dialogues', 'cuộc', 'MANUAL', null, false,
        false, 210),
    ('STOPPAGES', 'Ngừng việc tập thể', 'Collective work stoppages', 'cuộc', 'MANUAL', null, true, false, 220),
    ('TET_BENEFICIARIES', 'Đoàn viên, người lao động được chăm lo Tết', 'Tết care beneficiaries', 'người', 'MANUAL',
        null, false, false, 230),
    ('TET_AMOUNT', 'Kinh phí chăm lo Tết', 'Tết care amount', 'đồng', 'MANUAL', null, false, false, 240);

-- A report template: a set of indicators and a period kind.
create table reporting.report_template (
    code        text primary key,
    name        text    not null,
    name_en     text    not null,
    period_kind text    not null,
    built_in    boolean not null default false,
    sort_order  int     not null,
    constraint report_template_kind check (period_kind in ('HALF_YEAR', 'YEAR', 'TET_QUICK')),
    constraint report_template_name_nfc check (name is nfc normalized)
);
create table reporting.report_template_indicator (
    template_code  text not null references reporting.report_template (code),
    indicator_code text not null references reporting.indicator (code),
    position       int  not null,
    primary key (template_code, indicator_code)
);

insert into reporting.report_template (code, name, name_en, period_kind, built_in, sort_order) values
    ('SO_KET_6_THANG', 'Báo cáo thống kê sơ kết 6 tháng', 'Six-month statistics report', 'HALF_YEAR', true, 1),
    ('TONG_KET_NAM', 'Báo cáo thống kê tổng kết năm', 'Annual statistics report', 'YEAR', true, 2),
    ('BAO_CAO_NHANH_TET', 'Báo cáo nhanh công tác chăm lo Tết', 'Tết quick report', 'TET_QUICK', true, 3);

insert into reporting.report_template_indicator (template_code, indicator_code, position)
select t.code, i.code, i.sort_order
  from reporting.report_template t
  join reporting.indicator i on (t.code in ('SO_KET_6_THANG', 'TONG_KET_NAM') and i.code not like 'TET_%')
                             or (t.code = 'TONG_KET_NAM' and i.code like 'TET_%')
                             or (t.code = 'BAO_CAO_NHANH_TET'
                                 and i.code in ('TET_BENEFICIARIES', 'TET_AMOUNT', 'MEMBERS_TOTAL'));

-- Yearly targets a parent assigns to a child unit: one set per unit and year (the optimistic-locking aggregate).
create table reporting.target_set (
    id               bigint generated by default as identity primary key,
    unit_id          bigint      not null references organisation.org_unit (id),
    year             int         not null,
    assigned_by_unit bigint      not null references organisation.org_unit (id),
    updated_at       timestamptz not null default now(),
    updated_by_name  text        not null,
    version          int         not null default 0,
    constraint target_set_year check (year between 2000 and 2100),
    constraint target_set_unique unique (unit_id, year)
);
create table reporting.target (
    target_set_id  bigint        not null references reporting.target_set (id),
    indicator_code text          not null references reporting.indicator (code),
    value          numeric(18, 0) not null,
    primary key (target_set_id, indicator_code),
    constraint target_value check (value >= 0)
);
-- The actual of a manual indicator for a unit and year, with who recorded it and when.
create table reporting.target_actual (
    unit_id          bigint        not null references organisation.org_unit (id),
    year             int           not null,
    indicator_code   text          not null references reporting.indicator (code),
    value            numeric(18, 0) not null,
    recorded_at      timestamptz   not null default now(),
    recorded_by      bigint,
    recorded_by_name text          not null,
    version          int           not null default 0,
    primary key (unit_id, year, indicator_code),
    constraint target_actual_value check (value >= 0)
);

-- A unit's report for a template and period.
create table reporting.statistics_report (
    id                bigint generated by default as identity primary key,
    template_code     text        not null references reporting.report_template (code),
    unit_id           bigint      not null references organisation.org_unit (id),
    period_year       int         not null,
    period_from       date        not null,
    period_to         date        not null,
    status            text        not null default 'DRAFT',
    opened_at         timestamptz not null default now(),
    opened_by_name    text        not null,
    submitted_at      timestamptz,
    submitted_by_name text,
    reviewed_at       timestamptz,
    reviewed_by_name  text,
    review_comment    text,
    version           int         not null default 0,
    constraint statistics_report_status check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    constraint statistics_report_period check (period_to >= period_from),
    constraint statistics_report_comment_nfc check (coalesce(review_comment, '') is nfc normalized),
    constraint statistics_report_unique unique (template_code, unit_id, period_year)
);
create index statistics_report_unit_idx on reporting.statistics_report (unit_id);

create table reporting.report_value (
    report_id      bigint        not null references reporting.statistics_report (id),
    indicator_code text          not null references reporting.indicator (code),
    value          numeric(18, 0),
    computed       boolean       not null,
    primary key (report_id, indicator_code),
    constraint report_value_value check (value is null or value >= 0)
);

create table reporting.report_event (
    id         bigint generated by default as identity primary key,
    report_id  bigint      not null references reporting.statistics_report (id),
    kind       text        not null,
    comment    text,
    actor_name text        not null,
    at         timestamptz not null default now(),
    constraint report_event_kind check (kind in ('OPENED', 'SAVED', 'REFRESHED', 'SUBMITTED', 'RETURNED', 'ACCEPTED'))
);
create index report_event_report_idx on reporting.report_event (report_id, id);
create trigger report_event_append_only before update or delete on reporting.report_event
    for each row execute function forbid_change();

-- An accepted report is locked, also against direct SQL: its row cannot change and its values cannot change.
create function reporting.guard_accepted_report() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'ACCEPTED' then
        raise exception 'statistics report % is accepted and locked', old.id using errcode = 'check_violation';
    end if;
    return coalesce(new, old);
end
$$;
create trigger statistics_report_locked before update or delete on reporting.statistics_report
    for each row execute function reporting.guard_accepted_report();

create function reporting.guard_report_values() returns trigger language plpgsql as $$
declare
    s text;
begin
    select status into s from reporting.statistics_report
     where id = coalesce(new.report_id, old.report_id);
    if s in ('SUBMITTED', 'ACCEPTED') then
        raise exception 'values of statistics report % cannot change while %', coalesce(new.report_id, old.report_id), s
            using errcode = 'check_violation';
    end if;
    return coalesce(new, old);
end
$$;
create trigger report_value_locked before insert or update or delete on reporting.report_value
    for each row execute function reporting.guard_report_values();
