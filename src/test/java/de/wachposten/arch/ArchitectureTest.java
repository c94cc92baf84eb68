package de.wachposten.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: plugins know their SPI, the domain knows neither Vert.x nor the wiring. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.wachposten");
    }

    @Test
    void theModelImportsNothingElseOfTheProjectAndNoFramework() {
        noClasses().that().resideInAPackage("de.wachposten.model..")
                .should().dependOnClassesThat().resideInAnyPackage("de.wachposten.config..", "de.wachposten.platform..",
                        "de.wachposten.store..", "de.wachposten.alert..", "de.wachposten.pipeline..", "de.wachposten.api..",
                        "de.wachposten.app..", "io.vertx..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void detectorsArePlainJavaWithoutVertx() {
        noClasses().that().resideInAnyPackage("de.wachposten.detect..", "de.wachposten.approval..", "de.wachposten.timing..",
                        "de.wachposten.behaviour..", "de.wachposten.rules..", "de.wachposten.account..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "de.wachposten.store..",
                        "de.wachposten.pipeline..", "de.wachposten.api..", "de.wachposten.app..")
                .check(classes);
    }

    @Test
    void pluginsDoNotReachIntoTheCoreOrTheWiring() {
        noClasses().that().resideInAnyPackage("de.wachposten.platform..", "de.wachposten.alert..", "de.wachposten.store..")
                .should().dependOnClassesThat().resideInAnyPackage("de.wachposten.pipeline..", "de.wachposten.api..",
                        "de.wachposten.app..", "de.wachposten.approval..", "de.wachposten.timing..", "de.wachposten.behaviour..")
                .check(classes);
    }

    @Test
    void theReportReadsTheStoreSpiAndKnowsNeitherWiringNorApiNorPipeline() {
        noClasses().that().resideInAPackage("de.wachposten.report..")
                .should().dependOnClassesThat().resideInAnyPackage("de.wachposten.app..", "de.wachposten.api..",
                        "de.wachposten.pipeline..", "de.wachposten.alert..", "de.wachposten.platform..")
                .check(classes);
    }

    @Test
    void sharedConnectorSupportKnowsNoConcretePlatform() {
        noClasses().that().resideInAnyPackage("de.wachposten.platform.http..", "de.wachposten.platform.feed..",
                        "de.wachposten.platform.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("de.wachposten.platform.mastodon..",
                        "de.wachposten.platform.rss..", "de.wachposten.platform.youtube..", "de.wachposten.platform.flickr..",
                        "de.wachposten.platform.facebook..", "de.wachposten.platform.instagram..", "de.wachposten.simulator..")
                .check(classes);
    }

    @Test
    void onlyTheWiringKnowsConcretePlugins() {
        noClasses().that().resideOutsideOfPackages("de.wachposten.app..", "de.wachposten.platform.mastodon..",
                        "de.wachposten.simulator..")
                .should().dependOnClassesThat().resideInAPackage("de.wachposten.platform.mastodon..")
                .check(classes);
        for (String plugin : new String[] {"rss", "youtube", "flickr", "facebook", "instagram"}) {
            noClasses().that().resideOutsideOfPackages("de.wachposten.app..", "de.wachposten.platform." + plugin + "..")
                    .should().dependOnClassesThat().resideInAPackage("de.wachposten.platform." + plugin + "..")
                    .check(classes);
        }
        noClasses().that().resideOutsideOfPackages("de.wachposten.app..", "de.wachposten.store.sqlite..")
                .should().dependOnClassesThat().resideInAPackage("de.wachposten.store.sqlite..")
                .check(classes);
    }
}
