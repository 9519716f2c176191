package vn.congdoan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congdoan.shared.Ethnicities.Group;

class EthnicitiesTests {

    @Test
    void theFiftyFourGroupsComeInCodeOrderThenTheTwoSystemValues() {
        List<Group> all = Ethnicities.all();
        assertThat(all).hasSize(56);
        List<String> expected = IntStream.rangeClosed(1, 54)
                .mapToObj(i -> String.format("%02d", i))
                .collect(Collectors.toList());
        expected.add(Ethnicities.FOREIGN);
        expected.add(Ethnicities.UNKNOWN);
        assertThat(all).extracting(Group::code).containsExactlyElementsOf(expected);
    }

    @Test
    void theCodesFollowDecision121Of1979() {
        assertThat(Ethnicities.name("01")).isEqualTo("Kinh");
        assertThat(Ethnicities.name("03")).isEqualTo("Thái");
        assertThat(Ethnicities.name("05")).isEqualTo("Khơ Me");
        assertThat(Ethnicities.name("06")).isEqualTo("Mường");
        assertThat(Ethnicities.name("08")).isEqualTo("Mông");
        assertThat(Ethnicities.name("09")).isEqualTo("Dao");
        assertThat(Ethnicities.name("35")).isEqualTo("Hà Nhì");
        assertThat(Ethnicities.name("41")).isEqualTo("La Hủ");
        // Not the population-order lists, which end with Ơ Đu as 54.
        assertThat(Ethnicities.name("53")).isEqualTo("Ơ Đu");
        assertThat(Ethnicities.name("54")).isEqualTo("Rơ Măm");
        assertThat(Ethnicities.name("NN")).isEqualTo("Người nước ngoài");
        assertThat(Ethnicities.name("KX")).isEqualTo("Không xác định");
    }

    @Test
    void namesAreNfcAndTheSystemValuesAreOutsideTheOfficialRange() {
        assertThat(Ethnicities.all()).allSatisfy(g -> assertThat(Normalizer.isNormalized(g.name(), Normalizer.Form.NFC))
                .as(g.name())
                .isTrue());
        assertThat(Ethnicities.byCode("55")).isEmpty();
        assertThat(Ethnicities.byCode("00")).isEmpty();
    }

    @Test
    void anUnknownCodeIsShownAsTyped() {
        assertThat(Ethnicities.name("99")).isEqualTo("99");
        assertThat(Ethnicities.byCode("8")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "1, 01",
        "01, 01",
        "8, 08",
        "8.0, 08",
        "' 54 ', 54",
        "nn, NN",
        "KX, KX",
        "kinh, 01",
        "KINH, 01",
        "Dân tộc Kinh, 01",
        "Người Kinh, 01",
        "Việt, 01",
        "mong, 08",
        "Mông, 08",
        "Hmông, 08",
        "HMông, 08",
        "H'Mông, 08",
        "H’Mông, 08",
        "H-Mông, 08",
        "thai, 03",
        "Khmer, 05",
        "Khơ-me, 05",
        "Ê-đê, 12",
        "ede, 12",
        "Bana, 13",
        "Bru - Vân Kiều, 23",
        "Vân Kiều, 23",
        "Khơ-mú, 29",
        "hà nhì, 35",
        "la hu, 41",
        "lu, 42",
        "O Du, 53",
        "người nước ngoài, NN",
        "nước ngoài, NN",
        "không xác định, KX"
    })
    void importsFindAGroupByCodeOrByAnySpellingOfItsName(String typed, String code) {
        assertThat(Ethnicities.byName(typed)).map(Group::code).contains(code);
    }

    @Test
    void decomposedInputIsFoundToo() {
        String nfd = Normalizer.normalize("Mường", Normalizer.Form.NFD);
        assertThat(Ethnicities.byName(nfd)).map(Group::code).contains("06");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "0", "55", "100", "Kinh Thái", "Dân tộc", "Người", "xyz"})
    void unknownInputFindsNothing(String typed) {
        assertThat(Ethnicities.byName(typed)).isEmpty();
    }
}
