package vn.congdoan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** House rules that Modulith's verification does not cover (STYLE.md §6). */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.congdoan");

    @Test
    void webClassesArePackagePrivate() {
        classes()
                .that()
                .resideInAPackage("vn.congdoan..web..")
                .and()
                .areTopLevelClasses()
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .because("controllers are adapters, never an API for other code")
                .check(classes);
    }

    @Test
    void nothingOutsideWebDependsOnWeb() {
        noClasses()
                .that()
                .resideOutsideOfPackage("vn.congdoan..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.congdoan..web..")
                .check(classes);
    }

    @Test
    void noTransactionsInTheWebLayer() {
        noClasses()
                .that()
                .resideInAPackage("vn.congdoan..web..")
                .should()
                .beAnnotatedWith(Transactional.class)
                .because("transactions start and end in the facade")
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class).check(classes);
    }

    @Test
    void noClassNameEndsInEvent() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Event")
                .because("events are past-tense facts")
                .check(classes);
    }

    @Test
    void repositoriesAndInternalsAreNotPublicApi() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .notBePublic()
                .allowEmptyShould(true)
                .check(classes);
        // A module's internals may be public for its own sub-packages, but no other module may touch them.
        for (String module : List.of(
                "audit", "organisation", "identity", "enterprises", "membership", "demo", "bench", "platform")) {
            classes()
                    .that()
                    .resideInAPackage("vn.congdoan." + module + ".internal..")
                    .should()
                    .onlyBeAccessed()
                    .byAnyPackage("vn.congdoan." + module + "..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void policiesStayFreeOfSpring() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Policy")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void noLegacyDateTypes() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Date")
                .check(classes);
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.time.LocalDateTime")
                .because("a moment without its zone is ambiguous; use Instant or OffsetDateTime")
                .check(classes);
    }
}
