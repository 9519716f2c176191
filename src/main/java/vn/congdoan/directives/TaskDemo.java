package vn.congdoan.directives;

/** Seeds the demo world's tasks (demo mode only): the nine key tasks of 108/TB-LĐLĐ and the units' progress. */
public interface TaskDemo {

    /**
     * Gives the province's child units (today's tree) the nine tasks of 108/TB-LĐLĐ with 2025 due dates, records
     * deterministic progress (some done, some partial, some never reported) and cascades two tasks of the first
     * commune union to two of its grassroots unions. Does nothing when the document already carries tasks.
     *
     * @param grassroots two grassroots unions directly under the commune union {@code LCU-X01} (those of the demo
     *     accounts cs1 and cs2)
     * @return the number of assignments created
     */
    int load(java.util.List<Long> grassroots);
}
