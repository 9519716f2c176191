-- Issue 6: directives (official documents, tasks down the tree) and reporting (targets, periodic
-- statistics, dashboards). Scope rules as everywhere: a permission granted on a unit covers its subtree.
insert into identity.permission (code, description) values
    ('document.read', 'Xem văn bản đến, văn bản đi và nhiệm vụ được giao'),
    ('document.write', 'Soạn, đăng ký, phát hành văn bản'),
    ('task.assign', 'Giao nhiệm vụ cho đơn vị cấp dưới'),
    ('task.report', 'Báo cáo tiến độ thực hiện nhiệm vụ'),
    ('report.read', 'Xem chỉ tiêu, báo cáo thống kê và bảng điều khiển'),
    ('report.review', 'Duyệt hoặc trả lại báo cáo thống kê của đơn vị cấp dưới'),
    ('target.manage', 'Giao chỉ tiêu cho đơn vị cấp dưới, nhập số thực hiện');

insert into identity.role_permission (role_code, permission_code) values
    ('FEDERATION_OFFICER', 'document.read'), ('FEDERATION_OFFICER', 'document.write'),
    ('FEDERATION_OFFICER', 'task.assign'), ('FEDERATION_OFFICER', 'task.report'),
    ('FEDERATION_OFFICER', 'report.read'), ('FEDERATION_OFFICER', 'report.review'),
    ('FEDERATION_OFFICER', 'target.manage'),
    ('UNIT_OFFICER', 'document.read'), ('UNIT_OFFICER', 'document.write'),
    ('UNIT_OFFICER', 'task.assign'), ('UNIT_OFFICER', 'task.report'),
    ('UNIT_OFFICER', 'report.read'), ('UNIT_OFFICER', 'report.review'),
    ('UNIT_OFFICER', 'target.manage'),
    ('INSPECTOR', 'document.read'), ('INSPECTOR', 'report.read');
