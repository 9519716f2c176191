package vn.congdoan.organisation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.congdoan.organisation.OrgChangeView;

/**
 * A line of a unit's timeline. Changes where the unit only lost or gained children under the same decision on the
 * same day (a district federation handing over its hundred grassroots unions) are folded into one line.
 */
record TimelineEntry(
        String kind,
        String role,
        LocalDate effectiveOn,
        String decisionNo,
        LocalDate decisionDate,
        String decisionIssuer,
        String recordedBy,
        List<OrgChangeView> changes) {

    /** The first change of the line (the only one unless folded). */
    OrgChangeView first() {
        return changes.get(0);
    }

    boolean folded() {
        return changes.size() > 1;
    }

    static List<TimelineEntry> of(List<OrgChangeView> history) {
        Map<String, List<OrgChangeView>> groups = new LinkedHashMap<>();
        for (OrgChangeView c : history) {
            boolean foldable = c.role().equals("OLD_PARENT")
                    || c.role().equals("NEW_PARENT")
                    || c.role().equals("RECEIVER");
            String key = foldable
                    ? c.kind() + "|" + c.role() + "|" + c.effectiveOn() + "|" + c.decisionNo() + "|"
                            + c.decisionIssuer()
                    : "#" + c.id();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<TimelineEntry> out = new ArrayList<>();
        for (List<OrgChangeView> g : groups.values()) {
            OrgChangeView c = g.get(0);
            out.add(new TimelineEntry(
                    c.kind(),
                    c.role(),
                    c.effectiveOn(),
                    c.decisionNo(),
                    c.decisionDate(),
                    c.decisionIssuer(),
                    c.recordedBy(),
                    List.copyOf(g)));
        }
        return out;
    }
}
