package vn.congdoan.enterprises;

import java.util.List;

/** The enterprises of one commune or ward that should have a grassroots union and have none. */
public record OrganisingGroup(String communeCode, String communeName, List<EnterpriseView> enterprises) {

    public int count() {
        return enterprises.size();
    }

    public long workers() {
        return enterprises.stream().mapToLong(EnterpriseView::workersTotal).sum();
    }
}
