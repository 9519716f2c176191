-- Issue 4: restructuring, unit types and enterprises.
insert into identity.permission (code, description) values
    ('org.restructure', 'Sắp xếp, tổ chức lại đơn vị (thành lập, đổi tên, chuyển, hợp nhất, chia tách, giải thể)'),
    ('org.configure', 'Quản lý danh mục loại hình đơn vị'),
    ('enterprise.read', 'Xem danh sách doanh nghiệp, đơn vị sử dụng lao động'),
    ('enterprise.write', 'Thêm, sửa, nhập doanh nghiệp');

insert into identity.role_permission (role_code, permission_code) values
    ('SYSTEM_ADMIN', 'org.restructure'), ('SYSTEM_ADMIN', 'org.configure'),
    ('SYSTEM_ADMIN', 'enterprise.read'),
    ('FEDERATION_OFFICER', 'org.restructure'), ('FEDERATION_OFFICER', 'enterprise.read'),
    ('FEDERATION_OFFICER', 'enterprise.write'),
    ('UNIT_OFFICER', 'enterprise.read'), ('UNIT_OFFICER', 'enterprise.write'),
    ('INSPECTOR', 'enterprise.read');

-- A grant whose unit was closed by a restructuring stops counting at once and waits for an
-- administrator: re-point it to the suggested successor or revoke it. Never widened silently.
alter table identity.role_grant
    add column review_since      date,
    add column review_change_id  bigint,
    add column suggested_unit_id bigint references organisation.org_unit (id);
create index role_grant_review_idx on identity.role_grant (review_since)
    where revoked_at is null and review_since is not null;
