package de.wachposten.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import de.wachposten.app.Cli;
import de.wachposten.app.Wiring;
import de.wachposten.store.jdbc.PostgresOptions;
import de.wachposten.store.jdbc.PostgresStore;
import de.wachposten.store.jdbc.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/** Stores and wall clocks come from {@link Wiring} alone; the daemon does not know the demo that builds on it. */
@AnalyzeClasses(packages = "de.wachposten", importOptions = ImportOption.DoNotIncludeTests.class)
class OnePlaceWiresTest {
    @ArchTest
    static final ArchRule ONLY_THE_WIRING_OPENS_A_STORE = noClasses().that().doNotBelongToAnyOf(Wiring.class)
            .should().callMethod(SqliteStore.class, "open", Path.class, Clock.class)
            .orShould().callMethod(PostgresStore.class, "open", PostgresOptions.class, boolean.class, Clock.class);

    @ArchTest
    static final ArchRule ONLY_THE_WIRING_CREATES_A_WALL_CLOCK = noClasses().that().doNotBelongToAnyOf(Wiring.class)
            .should().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(Clock.class, "system", ZoneId.class);

    @ArchTest
    static final ArchRule THE_DAEMON_KNOWS_THE_DEMO_ONLY_THROUGH_THE_COMMAND_LINE = noClasses()
            .that().resideInAPackage("de.wachposten.app..").and().doNotBelongToAnyOf(Cli.class)
            .should().dependOnClassesThat().resideInAPackage("de.wachposten.demo..");
}
