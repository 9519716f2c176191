package vn.congdoan.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Synthetic Vietnamese names from the pools in {@code demo/name-pools.txt}: family name, a middle word when the group
 * uses one (Mông men usually carry "A"), a given name. Never a real person's full name by construction.
 */
final class DemoNames {

    private record Group(String name, int weight, List<String> families, List<String> men, List<String> women) {}

    private final List<Group> groups = new ArrayList<>();
    private final List<String> givenMen = new ArrayList<>();
    private final List<String> givenWomen = new ArrayList<>();
    private final int totalWeight;

    DemoNames() {
        try (InputStream in = DemoNames.class.getResourceAsStream("/demo/name-pools.txt")) {
            if (in == null) {
                throw new IllegalStateException("demo/name-pools.txt is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\\|", -1);
                if (cols[0].strip().equals("given.M")) {
                    givenMen.addAll(list(cols[1]));
                } else if (cols[0].strip().equals("given.F")) {
                    givenWomen.addAll(list(cols[1]));
                } else {
                    groups.add(new Group(
                            cols[0].strip(),
                            Integer.parseInt(cols[1].strip()),
                            list(cols[2]),
                            list(cols[3]),
                            list(cols[4])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        totalWeight = groups.stream().mapToInt(Group::weight).sum();
    }

    /** A full name for the sex ("M" or "F"). */
    String name(Random random, String sex) {
        int pick = random.nextInt(totalWeight);
        Group group = groups.get(0);
        for (Group g : groups) {
            pick -= g.weight();
            if (pick < 0) {
                group = g;
                break;
            }
        }
        boolean man = sex.equals("M");
        List<String> middles = man ? group.men() : group.women();
        List<String> given = man ? givenMen : givenWomen;
        StringBuilder name = new StringBuilder(pickOne(random, group.families()));
        if (!middles.isEmpty()) {
            name.append(' ').append(pickOne(random, middles));
        }
        name.append(' ').append(pickOne(random, given));
        return name.toString();
    }

    private static String pickOne(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
