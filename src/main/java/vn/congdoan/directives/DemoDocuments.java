package vn.congdoan.directives;

/** Seeds the demo world's documents (called once by the demo loader). */
public interface DemoDocuments {

    /**
     * Registers 108/TB-LĐLĐ (Lai Châu federation, 14/10/2024) as an issued outgoing notice addressed to the
     * province's child units, and a few synthetic documents around it. Returns the id of 108/TB-LĐLĐ.
     */
    long seedDemoDocuments();

    /** The id of the demo's 108/TB-LĐLĐ, if seeded. */
    java.util.Optional<Long> foundingNotice();
}
