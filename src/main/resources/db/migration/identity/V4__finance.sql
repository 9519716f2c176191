-- Issue 7: union finance. Existing: finance.read (officers, accountants, inspectors) and finance.post
-- (accountants). A permission granted on a unit covers its subtree, as everywhere.
insert into identity.permission (code, description) values
    ('finance.rules', 'Thêm phiên bản quy định thu (lương cơ sở, mức đoàn phí, kinh phí, tỷ lệ phân phối)'),
    ('finance.approve', 'Duyệt dự toán, quyết toán của công đoàn cấp dưới'),
    ('finance.inspect', 'Kiểm tra tài chính công đoàn cấp dưới (chỉ xem, có ghi nhật ký)');

insert into identity.role_permission (role_code, permission_code) values
    ('SYSTEM_ADMIN', 'finance.rules'),
    ('FEDERATION_OFFICER', 'finance.approve'),
    ('UNIT_OFFICER', 'finance.approve'),
    ('INSPECTOR', 'finance.inspect');
