create schema if not exists enterprises;

-- Communes and wards of Lai Châu from 01/07/2025 (Nghị quyết 1670/NQ-UBTVQH15, 16/06/2025; DOMAIN.md §2.3): 2 wards
-- and 36 communes. A commune is an address, not a union (that is organisation.org_unit).
-- The codes are INVENTED and UNOFFICIAL (HC = hành chính), stable within this product only; they are not the
-- national administrative-unit codes. Names as listed in DOMAIN.md §2.3; "Pa Ủ" is spelled "Pa Do" in one English
-- source (unverified). Order: wards first, then communes in the order of the resolution's list.
create table enterprises.administrative_unit (
    code       text primary key,
    kind       text not null,
    name       text not null collate "vi-x-icu",
    full_name  text not null collate "vi-x-icu",
    sort_order int  not null,
    official   boolean not null default false,
    constraint administrative_unit_kind check (kind in ('WARD', 'COMMUNE')),
    constraint administrative_unit_name_nfc check (name is nfc normalized and full_name is nfc normalized),
    constraint administrative_unit_name_unique unique (name)
);
comment on table enterprises.administrative_unit is
    'Communes/wards of Lai Châu from 01/07/2025 (NQ 1670/NQ-UBTVQH15). Codes are invented, not official.';

insert into enterprises.administrative_unit (code, kind, name, full_name, sort_order) values
    ('HC-LCU-P01', 'WARD', 'Tân Phong', 'Phường Tân Phong', 1),
    ('HC-LCU-P02', 'WARD', 'Đoàn Kết', 'Phường Đoàn Kết', 2),
    ('HC-LCU-X01', 'COMMUNE', 'Mường Kim', 'Xã Mường Kim', 3),
    ('HC-LCU-X02', 'COMMUNE', 'Khoen On', 'Xã Khoen On', 4),
    ('HC-LCU-X03', 'COMMUNE', 'Than Uyên', 'Xã Than Uyên', 5),
    ('HC-LCU-X04', 'COMMUNE', 'Mường Than', 'Xã Mường Than', 6),
    ('HC-LCU-X05', 'COMMUNE', 'Pắc Ta', 'Xã Pắc Ta', 7),
    ('HC-LCU-X06', 'COMMUNE', 'Nậm Sỏ', 'Xã Nậm Sỏ', 8),
    ('HC-LCU-X07', 'COMMUNE', 'Tân Uyên', 'Xã Tân Uyên', 9),
    ('HC-LCU-X08', 'COMMUNE', 'Mường Khoa', 'Xã Mường Khoa', 10),
    ('HC-LCU-X09', 'COMMUNE', 'Bản Bo', 'Xã Bản Bo', 11),
    ('HC-LCU-X10', 'COMMUNE', 'Bình Lư', 'Xã Bình Lư', 12),
    ('HC-LCU-X11', 'COMMUNE', 'Tả Lèng', 'Xã Tả Lèng', 13),
    ('HC-LCU-X12', 'COMMUNE', 'Khun Há', 'Xã Khun Há', 14),
    ('HC-LCU-X13', 'COMMUNE', 'Sin Suối Hồ', 'Xã Sin Suối Hồ', 15),
    ('HC-LCU-X14', 'COMMUNE', 'Phong Thổ', 'Xã Phong Thổ', 16),
    ('HC-LCU-X15', 'COMMUNE', 'Dào San', 'Xã Dào San', 17),
    ('HC-LCU-X16', 'COMMUNE', 'Sì Lở Lầu', 'Xã Sì Lở Lầu', 18),
    ('HC-LCU-X17', 'COMMUNE', 'Khổng Lào', 'Xã Khổng Lào', 19),
    ('HC-LCU-X18', 'COMMUNE', 'Tủa Sín Chải', 'Xã Tủa Sín Chải', 20),
    ('HC-LCU-X19', 'COMMUNE', 'Sìn Hồ', 'Xã Sìn Hồ', 21),
    ('HC-LCU-X20', 'COMMUNE', 'Hồng Thu', 'Xã Hồng Thu', 22),
    ('HC-LCU-X21', 'COMMUNE', 'Nậm Tăm', 'Xã Nậm Tăm', 23),
    ('HC-LCU-X22', 'COMMUNE', 'Pu Sam Cáp', 'Xã Pu Sam Cáp', 24),
    ('HC-LCU-X23', 'COMMUNE', 'Nậm Cuổi', 'Xã Nậm Cuổi', 25),
    ('HC-LCU-X24', 'COMMUNE', 'Nậm Mạ', 'Xã Nậm Mạ', 26),
    ('HC-LCU-X25', 'COMMUNE', 'Lê Lợi', 'Xã Lê Lợi', 27),
    ('HC-LCU-X26', 'COMMUNE', 'Nậm Hàng', 'Xã Nậm Hàng', 28),
    ('HC-LCU-X27', 'COMMUNE', 'Mường Mô', 'Xã Mường Mô', 29),
    ('HC-LCU-X28', 'COMMUNE', 'Hua Bum', 'Xã Hua Bum', 30),
    ('HC-LCU-X29', 'COMMUNE', 'Pa Tần', 'Xã Pa Tần', 31),
    ('HC-LCU-X30', 'COMMUNE', 'Bum Nưa', 'Xã Bum Nưa', 32),
    ('HC-LCU-X31', 'COMMUNE', 'Bum Tở', 'Xã Bum Tở', 33),
    ('HC-LCU-X32', 'COMMUNE', 'Mường Tè', 'Xã Mường Tè', 34),
    ('HC-LCU-X33', 'COMMUNE', 'Thu Lũm', 'Xã Thu Lũm', 35),
    ('HC-LCU-X34', 'COMMUNE', 'Pa Ủ', 'Xã Pa Ủ', 36),
    ('HC-LCU-X35', 'COMMUNE', 'Mù Cả', 'Xã Mù Cả', 37),
    ('HC-LCU-X36', 'COMMUNE', 'Tà Tổng', 'Xã Tà Tổng', 38);

-- Ownership types named in issue 4 (state, state-controlled, domestic non-state, FDI, cooperative, household
-- business, public service unit). State-owned enterprise per Luật Doanh nghiệp 59/2020/QH14, Art. 88.
create table enterprises.ownership_type (
    code       text primary key,
    name       text not null,
    name_en    text not null,
    sort_order int  not null
);
insert into enterprises.ownership_type (code, name, name_en, sort_order) values
    ('STATE', 'Doanh nghiệp nhà nước nắm giữ 100% vốn điều lệ', 'Wholly state-owned enterprise', 1),
    ('STATE_CONTROLLED', 'Doanh nghiệp nhà nước nắm giữ trên 50% vốn điều lệ', 'State-controlled enterprise', 2),
    ('DOMESTIC_PRIVATE', 'Doanh nghiệp ngoài nhà nước', 'Domestic non-state enterprise', 3),
    ('FDI', 'Doanh nghiệp có vốn đầu tư nước ngoài', 'Foreign-invested enterprise', 4),
    ('COOPERATIVE', 'Hợp tác xã, liên hiệp hợp tác xã', 'Cooperative', 5),
    ('HOUSEHOLD_BUSINESS', 'Hộ kinh doanh', 'Household business', 6),
    ('PUBLIC_SERVICE_UNIT', 'Đơn vị sự nghiệp công lập', 'Public service unit', 7);

-- Vietnam Standard Industrial Classification 2018, level 1 (sections A–U), Quyết định 27/2018/QĐ-TTg.
create table enterprises.sector (
    code    text primary key,
    name    text not null,
    name_en text not null,
    constraint sector_code check (code ~ '^[A-U]$')
);
insert into enterprises.sector (code, name, name_en) values
    ('A', 'Nông nghiệp, lâm nghiệp và thủy sản', 'Agriculture, forestry and fishing'),
    ('B', 'Khai khoáng', 'Mining and quarrying'),
    ('C', 'Công nghiệp chế biến, chế tạo', 'Manufacturing'),
    ('D', 'Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí',
          'Electricity, gas, steam and air conditioning supply'),
    ('E', 'Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải',
          'Water supply; sewerage, waste management and remediation'),
    ('F', 'Xây dựng', 'Construction'),
    ('G', 'Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác',
          'Wholesale and retail trade; repair of motor vehicles and motorcycles'),
    ('H', 'Vận tải kho bãi', 'Transportation and storage'),
    ('I', 'Dịch vụ lưu trú và ăn uống', 'Accommodation and food service activities'),
    ('J', 'Thông tin và truyền thông', 'Information and communication'),
    ('K', 'Hoạt động tài chính, ngân hàng và bảo hiểm', 'Financial, banking and insurance activities'),
    ('L', 'Hoạt động kinh doanh bất động sản', 'Real estate activities'),
    ('M', 'Hoạt động chuyên môn, khoa học và công nghệ', 'Professional, scientific and technical activities'),
    ('N', 'Hoạt động hành chính và dịch vụ hỗ trợ', 'Administrative and support service activities'),
    ('O', 'Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc',
          'Activities of the Communist Party, socio-political organisations, public administration and defence; compulsory social security'),
    ('P', 'Giáo dục và đào tạo', 'Education and training'),
    ('Q', 'Y tế và hoạt động trợ giúp xã hội', 'Human health and social work activities'),
    ('R', 'Nghệ thuật, vui chơi và giải trí', 'Arts, entertainment and recreation'),
    ('S', 'Hoạt động dịch vụ khác', 'Other service activities'),
    ('T', 'Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình',
          'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use'),
    ('U', 'Hoạt động của các tổ chức và cơ quan quốc tế', 'Activities of extraterritorial organisations and bodies');

-- Enterprises and workplaces. The managing unit (a federation or commune union) is responsible for the record and
-- for founding a union there; the covering unit is the grassroots union that covers it today, if any.
create table enterprises.enterprise (
    id                       bigint generated by default as identity primary key,
    tax_code                 text    not null,
    name                     text    not null collate "vi-x-icu",
    search_key               text    not null,
    ownership_code           text    not null references enterprises.ownership_type (code),
    sector_code              text    not null references enterprises.sector (code),
    administrative_unit_code text    not null references enterprises.administrative_unit (code),
    address                  text,
    workers_total            int     not null,
    workers_female           int     not null,
    founded_on               date,
    managing_unit_id         bigint  not null references organisation.org_unit (id),
    covering_unit_id         bigint references organisation.org_unit (id),
    demo                     boolean not null default false,
    version                  int     not null default 0,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    constraint enterprise_tax_code_unique unique (tax_code),
    constraint enterprise_tax_code_format check (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
    constraint enterprise_name_nfc check (name is nfc normalized and address is nfc normalized),
    constraint enterprise_name_length check (char_length(name) between 1 and 300),
    constraint enterprise_workers check (workers_total >= 0 and workers_female >= 0
                                         and workers_female <= workers_total)
);
create index enterprise_search_key_trgm on enterprises.enterprise using gin (search_key gin_trgm_ops);
create index enterprise_tax_code_prefix on enterprises.enterprise (tax_code text_pattern_ops);
create index enterprise_managing_idx on enterprises.enterprise (managing_unit_id);
create index enterprise_covering_idx on enterprises.enterprise (covering_unit_id);
create index enterprise_commune_idx on enterprises.enterprise (administrative_unit_code);
create index enterprise_organising_idx on enterprises.enterprise (administrative_unit_code, workers_total desc)
    where workers_total >= 25;

-- An uploaded import file between its preview and its commit: kept in the database so any app node can commit
-- it; validated again at commit; deleted on commit and after a day.
create table enterprises.import_batch (
    id          uuid primary key default gen_random_uuid(),
    user_id     bigint      not null,
    file_name   text        not null,
    content     bytea       not null,
    created_at  timestamptz not null default now()
);
create index import_batch_created_idx on enterprises.import_batch (created_at);
