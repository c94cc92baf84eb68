package de.wachposten.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.wachposten.app.Cli;
import de.wachposten.app.Wiring;
import de.wachposten.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stores and wall clocks come from {@link Wiring} alone; the daemon does not know the demo that builds on it. */
class OnePlaceWiresTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.wachposten");
    }

    @Test
    void onlyTheWiringOpensAStore() {
        noClasses().that().doNotBelongToAnyOf(Wiring.class)
                .should().callMethod(SqliteStore.class, "open", Path.class, Clock.class)
                .check(classes);
    }

    @Test
    void onlyTheWiringCreatesAWallClock() {
        noClasses().that().doNotBelongToAnyOf(Wiring.class)
                .should().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "system", ZoneId.class)
                .check(classes);
    }

    @Test
    void theDaemonKnowsTheDemoOnlyThroughTheCommandLine() {
        noClasses().that().resideInAPackage("de.wachposten.app..").and().doNotBelongToAnyOf(Cli.class)
                .should().dependOnClassesThat().resideInAPackage("de.wachposten.demo..")
                .check(classes);
    }
}
