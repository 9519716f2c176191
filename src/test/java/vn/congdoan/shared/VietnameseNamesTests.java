package vn.congdoan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congdoan.shared.VietnameseNames.Parts;

class VietnameseNamesTests {

    /** The alphabet of DOMAIN.md §11.5. */
    private static final List<String> ALPHABET =
            List.of("a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split(" "));

    private static final List<String> VOWELS = List.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y");

    /** No mark, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng). */
    private static final List<String> TONES = List.of("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323");

    /** Synthetic names in the order a member list shows them. */
    private static final List<String> PINNED = List.of(
            "Vàng Thị A",
            "Lò Văn An",
            "Nguyễn Thị An",
            "Trần Văn Anh",
            "Vũ Thị Ánh",
            "Lê Ăn",
            "Hoàng Ân",
            "Nguyễn Thị Bình",
            "Lý Văn Dũng",
            "Vũ Đức Dương",
            "Bùi Đức",
            "Tôn Nữ Thị Giang",
            "Tẩn Văn Ổn",
            "Cà Thị Ơn",
            "Giàng A Páo",
            "Sùng A Páo",
            "Đỗ Văn Tú",
            "Quàng Văn Tú",
            "Phàn Thị Út",
            "Lường Thị Ưng",
            "Tòng Văn Xuân");

    @Test
    void lettersSortInTheOrderOfTheVietnameseAlphabet() {
        List<String> shuffled = new ArrayList<>(ALPHABET);
        Collections.shuffle(shuffled, new Random(29));
        shuffled.sort(VietnameseNames.ORDER);
        assertThat(shuffled).containsExactlyElementsOf(ALPHABET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "Th", "Ng"})
    void everyVowelTakesEveryToneInDictionaryOrder(String initial) {
        for (String ending : List.of("", "n", "nh", "ng")) {
            List<String> expected = new ArrayList<>();
            for (String vowel : VOWELS) {
                for (String tone : TONES) {
                    expected.add(Normalizer.normalize(initial + vowel + tone + ending, Normalizer.Form.NFC));
                }
            }
            List<String> sorted = new ArrayList<>(expected);
            Collections.shuffle(sorted, new Random(expected.hashCode()));
            sorted.sort(VietnameseNames.ORDER);
            assertThat(sorted).as(initial + "…" + ending).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void pinnedExamplesOfLettersAndTones() {
        assertInOrder("Anh", "Ánh", "Bình");
        assertInOrder("Dũng", "Đức", "Giang");
        assertInOrder("An", "Anh", "Ăn", "Ân", "Bình");
        assertInOrder("Ôn", "Ổn", "Ơn", "Ờn", "Uyên", "Ưng");
        assertInOrder("Ha", "Hà", "Hả", "Hã", "Há", "Hạ", "Hai");
    }

    @Test
    void aMemberListSortsByGivenNameThenFamilyAndMiddleName() {
        List<String> shuffled = new ArrayList<>(PINNED);
        for (long seed = 0; seed < 20; seed++) {
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.sort(VietnameseNames.ORDER);
            assertThat(shuffled).containsExactlyElementsOf(PINNED);
        }
    }

    @Test
    void sortKeysSortAloneAsTheDatabaseSortsThem() {
        // The order PostgreSQL gives for ORDER BY sort_key COLLATE "vi-x-icu" (checked on PostgreSQL 15 with ICU).
        List<String> keys = PINNED.stream().map(VietnameseNames::sortKey).collect(Collectors.toList());
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(54));
        shuffled.sort(VietnameseNames.KEY_ORDER);
        assertThat(shuffled).containsExactlyElementsOf(keys);
    }

    @Test
    void aShorterGivenNameComesFirstWhateverTheFamilyName() {
        // The JDK collator alone ignores spaces and would put "Vũ An" ("anvu") after "Bùi Anh" ("anhbui").
        assertInOrder("Vàng Thị A", "Vũ An", "Bùi Anh");
        assertInOrder("Vũ Văn Ư", "Bùi Ưng");
    }

    @Test
    void theToneOfTheGivenNameWeighsLessThanALetterOfTheFamilyName() {
        // The collation's rule and PostgreSQL's "vi-x-icu" alike: the tone is compared only when all letters tie.
        assertInOrder("Lê Thị Ánh", "Nguyễn Văn Anh", "Trần Thị Ánh");
    }

    @Test
    void decomposedAndComposedNamesSortAlike() {
        String nfd = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
        assertThat(VietnameseNames.ORDER.compare(nfd, "Nguyễn Thị Ánh")).isZero();
        assertThat(VietnameseNames.sortKey(nfd)).isEqualTo("Ánh Nguyễn Thị");
    }

    @Test
    void partsAndKeysOfNamesOfOneToFourWords() {
        assertThat(VietnameseNames.parse("Nguyễn Văn An")).isEqualTo(new Parts("Nguyễn", "Văn", "An"));
        assertThat(VietnameseNames.parse("  Giàng   A  Páo ")).isEqualTo(new Parts("Giàng", "A", "Páo"));
        assertThat(VietnameseNames.parse("Tôn Nữ Thị Hà")).isEqualTo(new Parts("Tôn", "Nữ Thị", "Hà"));
        assertThat(VietnameseNames.parse("Lò Ánh")).isEqualTo(new Parts("Lò", "", "Ánh"));
        assertThat(VietnameseNames.parse("Páo")).isEqualTo(new Parts("", "", "Páo"));
        assertThat(VietnameseNames.parse("")).isEqualTo(new Parts("", "", ""));
        assertThat(VietnameseNames.parse(null)).isEqualTo(new Parts("", "", ""));

        assertThat(VietnameseNames.sortKey("Giàng A Páo")).isEqualTo("Páo Giàng A");
        assertThat(VietnameseNames.sortKey("Tôn Nữ Thị Hà")).isEqualTo("Hà Tôn Nữ Thị");
        assertThat(VietnameseNames.sortKey("Lò Ánh")).isEqualTo("Ánh Lò");
        assertThat(VietnameseNames.sortKey("Páo")).isEqualTo("Páo");
        assertThat(VietnameseNames.sortKey(" ")).isEmpty();
    }

    @Property
    void theSortKeyIsNfcAndHasTheSameWords(@ForAll("names") String name) {
        String key = VietnameseNames.sortKey(name);
        assertThat(Normalizer.isNormalized(key, Normalizer.Form.NFC)).isTrue();
        List<String> nameWords = words(Normalizer.normalize(name, Normalizer.Form.NFC));
        List<String> keyWords = words(key);
        assertThat(keyWords).containsExactlyInAnyOrderElementsOf(nameWords);
        assertThat(keyWords.get(0)).isEqualTo(nameWords.get(nameWords.size() - 1));
    }

    @Property
    void theSortKeyOfADecomposedNameIsTheSameAsOfTheComposedOne(@ForAll("names") String name) {
        String nfd = Normalizer.normalize(name, Normalizer.Form.NFD);
        assertThat(VietnameseNames.sortKey(nfd)).isEqualTo(VietnameseNames.sortKey(name));
    }

    @Property
    void theOrderIsAntisymmetricAndEqualOnlyForTheSameKey(@ForAll("names") String a, @ForAll("names") String b) {
        int ab = VietnameseNames.ORDER.compare(a, b);
        assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(VietnameseNames.ORDER.compare(b, a)));
        assertThat(ab == 0).isEqualTo(VietnameseNames.sortKey(a).equals(VietnameseNames.sortKey(b)));
    }

    /** One to five syllables, each an initial, a vowel with any tone and an ending, in upper or lower case. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> initial =
                Arbitraries.of("", "b", "ch", "đ", "d", "gi", "h", "kh", "l", "m", "ng", "ngh", "ph", "th", "tr", "x");
        Arbitrary<String> vowel = Arbitraries.of(VOWELS);
        Arbitrary<String> tone = Arbitraries.of(TONES);
        Arbitrary<String> ending = Arbitraries.of("", "n", "ng", "nh", "c", "ch", "m", "p", "t", "i", "o", "u");
        Arbitrary<String> syllable = Combinators.combine(initial, vowel, tone, ending, Arbitraries.of(true, false))
                .as((i, v, t, e, upper) -> {
                    String s = Normalizer.normalize(i + v + t + e, Normalizer.Form.NFC);
                    return upper ? s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1) : s;
                });
        return syllable.list().ofMinSize(1).ofMaxSize(5).map(words -> String.join(" ", words));
    }

    private static List<String> words(String s) {
        return Arrays.asList(s.strip().split(" +"));
    }

    private static void assertInOrder(String... names) {
        List<String> expected = List.of(names);
        List<String> sorted = new ArrayList<>(expected);
        Collections.reverse(sorted);
        sorted.sort(VietnameseNames.ORDER);
        assertThat(sorted).containsExactlyElementsOf(expected);
    }
}
