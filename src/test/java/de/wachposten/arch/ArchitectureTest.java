package de.wachposten.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import de.wachposten.alert.AckLinks;
import de.wachposten.alert.AlertJson;
import de.wachposten.alert.AlertText;
import de.wachposten.alert.ChatWebhook;
import de.wachposten.alert.DeliveryException;
import de.wachposten.alert.Escape;
import de.wachposten.alert.HttpFailures;
import de.wachposten.alert.JsonSender;
import de.wachposten.alert.Notifier;
import de.wachposten.alert.NotifierFactory;
import de.wachposten.platform.Connector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the README's Architecture section, as whitelists. Plugins are found in the class files:
 * every subpackage of {@code platform} is a platform plugin except the shared bases named in
 * {@link #SHARED_PLATFORM_BASES}, and every subpackage of {@code alert} is a sink, so a new plugin is covered without
 * editing this test.
 */
class ArchitectureTest {
    private static final String ROOT = "de.wachposten";
    private static final String PLATFORM = ROOT + ".platform";
    private static final String ALERT = ROOT + ".alert";

    /**
     * Subpackages of {@code platform} that are code shared by several plugins, not a plugin: they hold no concrete
     * {@link Connector} ({@code graph} has the abstract one that Facebook and Instagram extend). Plugins may use
     * them, and they follow the plugins' whitelist themselves.
     */
    private static final Set<String> SHARED_PLATFORM_BASES = Set.of("http", "feed", "graph");

    /** The part of {@code alert} a sink may use; {@code Outbox}, {@code Escalator}, metrics and routing are not. */
    private static final Class<?>[] ALERT_SPI = {Notifier.class, NotifierFactory.class, DeliveryException.class,
        AlertText.class, AlertJson.class, Escape.class, JsonSender.class, HttpFailures.class, ChatWebhook.class,
        AckLinks.class};

    /** The JDK (with its XML DOM and SAX APIs), logging, JSON and the Vert.x core and web client. */
    private static final String[] PLUGIN_LIBRARIES = {"java..", "javax..", "org.w3c.dom..", "org.xml.sax..",
        "org.slf4j..", "com.fasterxml.jackson..", "io.vertx.core..", "io.vertx.ext.web.client..",
        "io.vertx.ext.web.codec.."};

    /** Third-party libraries only one plugin uses, by plugin package name. */
    private static final Map<String, List<String>> OWN_LIBRARIES = Map.of("email", List.of("io.vertx.ext.mail.."));

    /** Packages that hold the rules of the domain: plain synchronous Java on the injected clock. */
    private static final String[] DOMAIN = {ROOT + ".model..", ROOT + ".detect..", ROOT + ".approval..",
        ROOT + ".timing..", ROOT + ".rules..", ROOT + ".behaviour..", ROOT + ".report.."};

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPlatformPackageIsAPluginWithAConnectorOrANamedSharedBase() {
        assertThat(subpackagesOf(PLATFORM)).as("subpackages of " + PLATFORM).containsAll(SHARED_PLATFORM_BASES);
        for (String plugin : platformPlugins()) {
            assertThat(classesIn(PLATFORM + "." + plugin).anyMatch(ArchitectureTest::isConcreteConnector))
                    .as("%s.%s holds no concrete Connector: a shared base belongs in SHARED_PLATFORM_BASES", PLATFORM,
                            plugin)
                    .isTrue();
        }
        for (String base : SHARED_PLATFORM_BASES) {
            assertThat(classesIn(PLATFORM + "." + base).filter(ArchitectureTest::isConcreteConnector).toList())
                    .as("%s.%s is named a shared base but holds a connector", PLATFORM, base).isEmpty();
        }
    }

    @Test
    void everyAlertPackageIsASinkWithANotifier() {
        for (String sink : sinks()) {
            assertThat(classesIn(ALERT + "." + sink).anyMatch(c -> c.isAssignableTo(Notifier.class)))
                    .as("%s.%s holds no Notifier", ALERT, sink).isTrue();
        }
    }

    @Test
    void aPlatformPluginUsesOnlyThePlatformSpiTheSharedBasesTheModelAndTheConfig() {
        List<ArchRule> rules = new ArrayList<>();
        for (String plugin : platformPlugins()) {
            rules.add(onlyDependOn(PLATFORM + "." + plugin, platformWhitelist(plugin)));
        }
        CompositeArchRule.of(rules).check(classes);
    }

    @Test
    void aSharedPlatformBaseUsesOnlyThePlatformSpiTheOtherBasesTheModelAndTheConfig() {
        List<ArchRule> rules = new ArrayList<>();
        for (String base : SHARED_PLATFORM_BASES) {
            rules.add(onlyDependOn(PLATFORM + "." + base, platformWhitelist(base)));
        }
        CompositeArchRule.of(rules).check(classes);
    }

    @Test
    void aSinkUsesOnlyTheAlertSpiTheModelAndTheConfig() {
        List<ArchRule> rules = new ArrayList<>();
        for (String sink : sinks()) {
            DescribedPredicate<JavaClass> allowed = resideInAnyPackage(libraries(sink, ALERT + "." + sink + "..",
                    ROOT + ".model..", ROOT + ".config..")).or(belongToAnyOf(ALERT_SPI));
            rules.add(onlyDependOn(ALERT + "." + sink, allowed));
        }
        CompositeArchRule.of(rules).check(classes);
    }

    @Test
    void noPluginUsesASiblingPlugin() {
        List<ArchRule> rules = new ArrayList<>();
        for (String plugin : platformPlugins()) {
            rules.add(noSiblings(PLATFORM, plugin, platformPlugins()));
        }
        for (String sink : sinks()) {
            rules.add(noSiblings(ALERT, sink, sinks()));
        }
        CompositeArchRule.of(rules).check(classes);
    }

    @Test
    void onlyTheWiringKnowsConcretePlugins() {
        List<ArchRule> rules = new ArrayList<>();
        for (String plugin : platformPlugins()) {
            rules.add(knownOnlyToTheWiring(PLATFORM + "." + plugin + ".."));
        }
        for (String sink : sinks()) {
            rules.add(knownOnlyToTheWiring(ALERT + "." + sink + ".."));
        }
        rules.add(knownOnlyToTheWiring(ROOT + ".store.sqlite.."));
        CompositeArchRule.of(rules).check(classes);
    }

    @Test
    void theModelImportsNothingElseOfTheProjectAndNoFramework() {
        classes().that().resideInAPackage(ROOT + ".model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".model..", "java..")
                .check(classes);
    }

    @Test
    void theDomainUsesNoVertx() {
        noClasses().that().resideInAnyPackage(DOMAIN).should().dependOnClassesThat().resideInAPackage("io.vertx..")
                .check(classes);
    }

    @Test
    void theDomainReadsNoWallClock() {
        noClasses().that().resideInAnyPackage(DOMAIN).should().callCodeUnitWhere(WALL_CLOCK_READ).check(classes);
    }

    @Test
    void theDomainKnowsNeitherTheStoreNorThePipelineNorTheApiNorTheWiring() {
        noClasses().that().resideInAnyPackage(ROOT + ".detect..", ROOT + ".approval..", ROOT + ".timing..",
                        ROOT + ".behaviour..", ROOT + ".rules..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".pipeline..",
                        ROOT + ".api..", ROOT + ".app..")
                .check(classes);
    }

    @Test
    void theReportReadsTheStoreSpiAndKnowsNeitherWiringNorApiNorPipeline() {
        noClasses().that().resideInAPackage(ROOT + ".report..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".app..", ROOT + ".api..",
                        ROOT + ".pipeline..", ROOT + ".alert..", ROOT + ".platform..", ROOT + ".store.sqlite..")
                .check(classes);
    }

    @Test
    void theStoreKnowsNeitherThePipelineNorTheApiNorTheWiring() {
        noClasses().that().resideInAPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".pipeline..", ROOT + ".api..",
                        ROOT + ".app..", ROOT + ".alert..", ROOT + ".platform..")
                .check(classes);
    }

    @Test
    void theApiDoesNotReachIntoThePipeline() throws IOException {
        noClasses().that().resideInAPackage(ROOT + ".api..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".pipeline..")
                .check(classes);
        // javac copies constants into the classes that use them, leaving no trace of the pipeline there
        assertThat(importsOf(Path.of("src/main/java/de/wachposten/api"), ROOT + ".pipeline."))
                .as("imports of the pipeline in the api sources").isEmpty();
    }

    /** A call that reads the system clock instead of the injected {@link java.time.Clock}. */
    private static final DescribedPredicate<JavaCall<?>> WALL_CLOCK_READ = describe(
            "read the wall clock (Instant.now(), Clock.system*(), System.currentTimeMillis(), System.nanoTime(), "
                    + "LocalDate/LocalDateTime/ZonedDateTime/OffsetDateTime.now(), new Date())",
            call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                List<String> params = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
                return owner.startsWith("java.time.") && name.equals("now") && !params.equals(List.of("java.time.Clock"))
                        || owner.equals("java.time.Clock") && name.startsWith("system")
                        || owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"))
                        || owner.equals("java.util.Date") && name.equals(JavaConstructor.CONSTRUCTOR_NAME) && params.isEmpty();
            });

    private static ArchRule onlyDependOn(String pkg, DescribedPredicate<JavaClass> allowed) {
        return classes().that().resideInAPackage(pkg + "..").should().onlyDependOnClassesThat(allowed);
    }

    private static DescribedPredicate<JavaClass> platformWhitelist(String own) {
        List<String> packages = new ArrayList<>(List.of(PLATFORM, PLATFORM + "." + own + "..", ROOT + ".model..",
                ROOT + ".config.."));
        SHARED_PLATFORM_BASES.forEach(base -> packages.add(PLATFORM + "." + base + ".."));
        return resideInAnyPackage(libraries(own, packages.toArray(String[]::new)));
    }

    private static String[] libraries(String plugin, String... projectPackages) {
        return Stream.of(Stream.of(projectPackages), Stream.of(PLUGIN_LIBRARIES),
                OWN_LIBRARIES.getOrDefault(plugin, List.of()).stream()).flatMap(s -> s).toArray(String[]::new);
    }

    private static ArchRule noSiblings(String parent, String plugin, SortedSet<String> all) {
        String[] siblings = all.stream().filter(p -> !p.equals(plugin)).map(p -> parent + "." + p + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(parent + "." + plugin + "..")
                .should().dependOnClassesThat().resideInAnyPackage(siblings);
    }

    private static ArchRule knownOnlyToTheWiring(String pkg) {
        return noClasses().that().resideOutsideOfPackages(ROOT + ".app..", pkg)
                .should().dependOnClassesThat().resideInAPackage(pkg);
    }

    private static SortedSet<String> platformPlugins() {
        SortedSet<String> plugins = subpackagesOf(PLATFORM);
        plugins.removeAll(SHARED_PLATFORM_BASES);
        return plugins;
    }

    private static SortedSet<String> sinks() {
        return subpackagesOf(ALERT);
    }

    /** The names of the direct subpackages of {@code parent} that hold classes. */
    private static SortedSet<String> subpackagesOf(String parent) {
        SortedSet<String> names = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().startsWith(parent + ".")) {
                names.add(c.getPackageName().substring(parent.length() + 1).split("\\.")[0]);
            }
        }
        return names;
    }

    private static Stream<JavaClass> classesIn(String pkg) {
        return classes.stream().filter(c -> c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + "."));
    }

    /** Lines {@code file: import ...} of the Java sources under {@code dir} that import from {@code prefix}. */
    private static List<String> importsOf(Path dir, String prefix) throws IOException {
        Pattern importLine = Pattern.compile("^import (static )?" + Pattern.quote(prefix) + ".*");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Files.readAllLines(f).stream().filter(l -> importLine.matcher(l).matches())
                        .forEach(l -> found.add(dir.relativize(f) + ": " + l));
            }
        }
        return found;
    }

    private static boolean isConcreteConnector(JavaClass c) {
        return c.isAssignableTo(Connector.class) && !c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT);
    }
}
