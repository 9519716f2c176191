package vn.congdoan.membership.internal.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a member import file, in template order. A file's header is matched by name, folded (see {@link
 * ImportFiles#fold}): the template's Vietnamese headers, the register export's headers and a few common other names all
 * match, in any order. The folded names are ASCII, so they live here; the headers the template writes come from
 * {@code member-import.properties} ({@code member.import.col.<field>}), and a test checks that each folds to an alias.
 */
public enum ImportColumn {
    FULL_NAME("fullName", true, false, Type.TEXT, "hovaten", "hoten", "hotendoanvien", "fullname", "name"),
    SEX("sex", true, false, Type.TEXT, "gioitinh", "gioi", "sex", "gender"),
    BIRTH_DATE("birthDate", true, false, Type.DATE, "ngaysinh", "ngaythangnamsinh", "dateofbirth", "birthdate"),
    CCCD(
            "cccd",
            true,
            false,
            Type.DIGITS,
            "socccd",
            "cccd",
            "socancuoc",
            "socancuoccongdan",
            "cancuoccongdan",
            "sodinhdanhcanhan",
            "sodinhdanh",
            "cmndcccd",
            "idnumber",
            "idnumbercccd"),
    PHONE("phone", false, false, Type.DIGITS, "dienthoai", "sodienthoai", "sdt", "phone", "phonenumber"),
    EMAIL("email", false, false, Type.TEXT, "email", "thudientu"),
    NATIONALITY("nationality", false, false, Type.TEXT, "quoctich", "nationality"),
    HOME_TOWN("homeTown", false, false, Type.TEXT, "quequan", "hometown"),
    RESIDENCE(
            "residence",
            false,
            false,
            Type.TEXT,
            "noiohiennay",
            "noio",
            "diachi",
            "choohiennay",
            "residence",
            "currentresidence"),
    EDUCATION("education", false, false, Type.TEXT, "trinhdovanhoa", "vanhoa", "education", "generaleducation"),
    QUALIFICATION("qualification", false, false, Type.TEXT, "chuyenmon", "trinhdochuyenmon", "qualification"),
    THEORY_LEVEL(
            "theoryLevel",
            false,
            false,
            Type.TEXT,
            "lyluanchinhtri",
            "trinhdolyluanchinhtri",
            "politicaltheory",
            "politicaltheorylevel"),
    ENTERPRISE_TAX_CODE(
            "enterpriseId",
            false,
            false,
            Type.DIGITS,
            "mstnoilamviec",
            "masothuenoilamviec",
            "mstdoanhnghiep",
            "mst",
            "masothue",
            "employertaxcode",
            "workplacetaxcode"),
    JOB_TITLE("jobTitle", false, false, Type.TEXT, "congviec", "vieclam", "nghenghiep", "chucdanh", "job", "jobtitle"),
    CONTRACT_TYPE("contractType", false, false, Type.TEXT, "loaihopdong", "hopdong", "hopdonglaodong", "contracttype"),
    JOINED_ON(
            "joinedOn",
            true,
            false,
            Type.DATE,
            "ngayvaocongdoan",
            "ngayvaocd",
            "ngayketnap",
            "joinedon",
            "dateadmitted",
            "joinedtheunion"),
    UNIT_CODE("unitId", false, false, Type.TEXT, "madonvi", "madonvicongdoan", "unitcode"),
    UNION_POSITION("unionPosition", false, false, Type.TEXT, "chucvucongdoan", "chucvu", "unionposition"),
    ADMISSION_DECISION(
            "admissionDecision", false, false, Type.TEXT, "quyetdinhketnap", "soquyetdinhketnap", "admissiondecision"),
    ETHNICITY("ethnicity", false, true, Type.TEXT, "dantoc", "ethnicity", "ethnicgroup"),
    RELIGION("religion", false, true, Type.TEXT, "tongiao", "religion"),
    PARTY_MEMBER("partyMember", false, true, Type.TEXT, "dangvien", "ladangvien", "partymember"),
    PARTY_JOINED_ON(
            "partyJoinedOn",
            false,
            true,
            Type.DATE,
            "ngayvaodang",
            "ngayketnapdang",
            "partyjoinedon",
            "joinedtheparty"),
    HEALTH_NOTE("healthNote", false, true, Type.TEXT, "ghichusuckhoe", "suckhoe", "healthnote", "health"),
    SALARY_BASIS(
            "salaryBasis",
            false,
            true,
            Type.DIGITS,
            "luongdongdoanphi",
            "luongdongdp",
            "luongcandongdoanphi",
            "tienluongdongdoanphi",
            "salarybasis",
            "salarybasisfordues"),
    BANK_ACCOUNT("bankAccount", false, true, Type.DIGITS, "sotaikhoan", "taikhoannganhang", "bankaccount");

    /** How a spreadsheet cell of the column is turned into text. */
    public enum Type {
        TEXT,
        /** An Excel day number becomes dd/MM/yyyy; d/M/yyyy is padded. */
        DATE,
        /** A number that lost its leading zeros in Excel gets them back (CCCD, phone, MST). */
        DIGITS
    }

    private static final Map<String, ImportColumn> BY_ALIAS = new HashMap<>();

    static {
        for (ImportColumn c : values()) {
            for (String a : c.aliases) {
                if (BY_ALIAS.put(a, c) != null) {
                    throw new IllegalStateException("header alias " + a + " names two columns");
                }
            }
        }
    }

    private final String field;
    private final boolean required;
    private final boolean sensitive;
    private final Type type;
    private final List<String> aliases;

    ImportColumn(String field, boolean required, boolean sensitive, Type type, String... aliases) {
        this.field = field;
        this.required = required;
        this.sensitive = sensitive;
        this.type = type;
        this.aliases = List.of(aliases);
    }

    /** The {@code MemberInput} field the column fills (problems of the rules name it). */
    public String field() {
        return field;
    }

    /** Whether a file without this column is refused. */
    public boolean required() {
        return required;
    }

    /** Sensitive personal data (DOMAIN.md §10.1): read only with {@code member.read-sensitive}. */
    public boolean sensitive() {
        return sensitive;
    }

    public Type type() {
        return type;
    }

    /** Folded names that mean this column. */
    public List<String> aliases() {
        return aliases;
    }

    /** The template header's message key. */
    public String templateKey() {
        return "member.import.col." + field;
    }

    /** The column a folded header names. */
    public static Optional<ImportColumn> byHeader(String folded) {
        return Optional.ofNullable(BY_ALIAS.get(folded));
    }

    /** The column a problem of the rules names (by {@code MemberInput} field). */
    public static Optional<ImportColumn> byField(String field) {
        for (ImportColumn c : values()) {
            if (c.field.equals(field)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
