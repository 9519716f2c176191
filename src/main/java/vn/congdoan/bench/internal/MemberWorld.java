package vn.congdoan.bench.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.congdoan.bench.internal.NationalTree.Unit;

/**
 * How many members each grassroots union of a generated national tree holds, deterministic for a seed: sizes are
 * log-normal (most unions have a few dozen members, a few large enterprises tens of thousands), summing exactly to the
 * requested total. Two grassroots unions founded after the reform are kept empty: the import benchmark's targets.
 *
 * @param tree the national tree
 * @param units the grassroots unions that hold generated members, in id order
 * @param counts members of each of {@code units}
 * @param csvTarget the empty grassroots union the CSV import goes into
 * @param xlsxTarget the empty grassroots union the XLSX import goes into
 */
record MemberWorld(
        NationalTree tree, List<Unit> units, int[] counts, Unit csvTarget, Unit xlsxTarget, long members, long seed) {

    static MemberWorld plan(NationalTree tree, long members, long seed, LocalDate today) {
        List<Unit> open = new ArrayList<>();
        for (Unit u : tree.units()) {
            if (u.typeCode().equals("GRASSROOTS_UNION")
                    && u.validTo() == null
                    && !u.validFrom().isAfter(today)) {
                open.add(u);
            }
        }
        if (open.size() < 3) {
            throw new IllegalArgumentException("the tree has fewer than 3 open grassroots unions");
        }
        // The newest two (ids grow with the founding order of the generator's last step: founded after the reform).
        Unit xlsx = open.remove(open.size() - 1);
        Unit csv = open.remove(open.size() - 1);
        SplittableRandom random = new SplittableRandom(seed ^ 0x6d656d62L);
        double[] weights = new double[open.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(1.1 * random.nextGaussian());
            sum += weights[i];
        }
        int[] counts = new int[open.size()];
        long assigned = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (int) Math.floor(members * weights[i] / sum);
            assigned += counts[i];
        }
        // The remainder, one by one from a random start, so the total is exact.
        int i = random.nextInt(counts.length);
        while (assigned < members) {
            counts[i]++;
            assigned++;
            i = (i + 1) % counts.length;
        }
        return new MemberWorld(tree, List.copyOf(open), counts, csv, xlsx, members, seed);
    }

    /** The grassroots union at the index, with its number of members. */
    int count(int index) {
        return counts[index];
    }
}
