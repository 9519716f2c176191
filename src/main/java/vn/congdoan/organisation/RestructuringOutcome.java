package vn.congdoan.organisation;

import java.util.List;

/**
 * What an operation did, or would do (a preview has {@code changeId} 0 and nothing was kept).
 *
 * @param createdUnitIds units founded by the operation
 */
public record RestructuringOutcome(long changeId, List<Impact> impacts, List<Long> createdUnitIds)
        implements java.io.Serializable {}
