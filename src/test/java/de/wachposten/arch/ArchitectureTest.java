package de.wachposten.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    private static final Map<String, List<String>> OWN_LIBRARIES = Map.of("email", List.of("io.vertx.ext.mail.."),
            "feed", List.of("com.rometools..", "org.jdom2.."));

    /** Packages that hold the rules of the domain: plain synchronous Java on the injected clock. */
    private static final String[] DOMAIN = {ROOT + ".model..", ROOT + ".detect..", ROOT + ".approval..",
        ROOT + ".timing..", ROOT + ".rules..", ROOT + ".behaviour..", ROOT + ".account..", ROOT + ".report.."};

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
        classes().that(areInAPlatformPluginOrSharedBase())
                .should(dependOnlyOn("depend only on the platform SPI, the shared bases " + SHARED_PLATFORM_BASES
                        + ", model, config, text, its own package and " + String.join(", ", PLUGIN_LIBRARIES)
                        + " (feed also ROME and JDOM)",
                        ArchitectureTest::platformPluginMayUse))
                .check(classes);
    }

    @Test
    void aSinkUsesOnlyTheAlertSpiTheModelAndTheConfig() {
        classes().that(areInASink())
                .should(dependOnlyOn("depend only on the alert SPI " + Stream.of(ALERT_SPI).map(Class::getSimpleName).toList()
                        + ", model, config, its own package and " + String.join(", ", PLUGIN_LIBRARIES)
                        + " (email also io.vertx.ext.mail..)",
                        ArchitectureTest::sinkMayUse))
                .check(classes);
    }

    @Test
    void theSharedTextFunctionsDependOnNothingElseOfTheProject() {
        classes().that().resideInAPackage(ROOT + ".text..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".text..", "java..", "org.jsoup..")
                .check(classes);
    }

    @Test
    void noPluginUsesASiblingPlugin() {
        classes().that(areInAPlatformPluginOrSharedBase().or(areInASink()))
                .should(dependOnlyOn("depend on no sibling plugin (the shared bases are none)", (plugin, target) -> {
                    Plugin other = pluginOf(target);
                    return other == null || other.equals(plugin) || other.isSharedBase();
                }))
                .check(classes);
    }

    @Test
    void onlyTheWiringKnowsConcretePlugins() {
        // demo is wiring too: it builds a daemon, and its receiver checks signatures with the webhook sink's own code
        noClasses().that().resideOutsideOfPackages(ROOT + ".app..", ROOT + ".demo..")
                .should(dependOnAnotherPluginOrTheJdbcStore())
                .check(classes);
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
        noClasses().that().resideInAnyPackage(DOMAIN).should().accessTargetWhere(WALL_CLOCK_READ).check(classes);
    }

    @Test
    void theDomainKnowsNeitherTheStoreNorThePipelineNorTheApiNorTheWiring() {
        noClasses().that().resideInAnyPackage(ROOT + ".detect..", ROOT + ".approval..", ROOT + ".timing..",
                        ROOT + ".behaviour..", ROOT + ".rules..", ROOT + ".account..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".store..", ROOT + ".pipeline..",
                        ROOT + ".api..", ROOT + ".app..")
                .check(classes);
    }

    @Test
    void theReportReadsTheStoreSpiAndKnowsNeitherWiringNorApiNorPipeline() {
        noClasses().that().resideInAPackage(ROOT + ".report..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".app..", ROOT + ".api..",
                        ROOT + ".pipeline..", ROOT + ".alert..", ROOT + ".platform..", ROOT + ".store.jdbc..")
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

    /** A call of (or method reference to) code that reads the system clock instead of the injected {@code Clock}. */
    private static final DescribedPredicate<JavaAccess<?>> WALL_CLOCK_READ = describe("the target reads the wall clock "
            + "(Instant.now(), Clock.system*(), System.currentTimeMillis(), System.nanoTime(), "
            + "LocalDate/LocalDateTime/ZonedDateTime/OffsetDateTime.now(), new Date())", access -> {
                if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
                    return false;
                }
                String owner = target.getOwner().getName();
                String name = target.getName();
                List<String> params = target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
                return owner.startsWith("java.time.") && name.equals("now") && !params.equals(List.of("java.time.Clock"))
                        || owner.equals("java.time.Clock") && name.startsWith("system")
                        || owner.equals("java.lang.System") && List.of("currentTimeMillis", "nanoTime").contains(name)
                        || owner.equals("java.util.Date") && name.equals(JavaConstructor.CONSTRUCTOR_NAME) && params.isEmpty();
            });

    /** A plugin package: {@code platform.<name>} (shared bases included) or {@code alert.<name>}. */
    private record Plugin(String parent, String name) {
        boolean isSharedBase() {
            return parent.equals(PLATFORM) && SHARED_PLATFORM_BASES.contains(name);
        }
    }

    /** The plugin {@code c} belongs to, or null; the shared bases count as plugins here. */
    private static Plugin pluginOf(JavaClass c) {
        for (String parent : List.of(PLATFORM, ALERT)) {
            String pkg = c.getPackageName();
            if (pkg.startsWith(parent + ".")) {
                return new Plugin(parent, pkg.substring(parent.length() + 1).split("\\.")[0]);
            }
        }
        return null;
    }

    private static DescribedPredicate<JavaClass> areInAPlatformPluginOrSharedBase() {
        return describe("are in a platform plugin " + platformPlugins() + " or shared base " + SHARED_PLATFORM_BASES,
                c -> pluginOf(c) != null && pluginOf(c).parent().equals(PLATFORM));
    }

    private static DescribedPredicate<JavaClass> areInASink() {
        return describe("are in a sink " + sinks(), c -> pluginOf(c) != null && pluginOf(c).parent().equals(ALERT));
    }

    /** Every dependency of the class is one {@code allowed} accepts for the plugin the class is in. */
    private static ArchCondition<JavaClass> dependOnlyOn(String description, BiPredicate<Plugin, JavaClass> allowed) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Plugin plugin = pluginOf(c);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    if (!allowed.test(plugin, d.getTargetClass())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnAnotherPluginOrTheJdbcStore() {
        return new ArchCondition<>("depend on a concrete plugin (other than their own) or on store.jdbc") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    Plugin plugin = pluginOf(target);
                    boolean concrete = plugin != null && !plugin.isSharedBase();
                    boolean foreign = concrete && !plugin.equals(pluginOf(c))
                            || inAnyPackage(target, ROOT + ".store.jdbc..") && !inAnyPackage(c, ROOT + ".store.jdbc..");
                    if (foreign) {
                        events.add(SimpleConditionEvent.satisfied(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean platformPluginMayUse(Plugin plugin, JavaClass target) {
        Plugin other = pluginOf(target);
        return target.getPackageName().equals(PLATFORM) || other != null && other.isSharedBase()
                || inAnyPackage(target, PLATFORM + "." + plugin.name() + "..", ROOT + ".model..", ROOT + ".config..",
                        ROOT + ".text..")
                || inAnyPackage(target, libraries(plugin.name()));
    }

    private static boolean sinkMayUse(Plugin sink, JavaClass target) {
        return belongToAnyOf(ALERT_SPI).test(target)
                || inAnyPackage(target, ALERT + "." + sink.name() + "..", ROOT + ".model..", ROOT + ".config..")
                || inAnyPackage(target, libraries(sink.name()));
    }

    private static boolean inAnyPackage(JavaClass c, String... packages) {
        return resideInAnyPackage(packages).test(c);
    }

    private static String[] libraries(String plugin) {
        return Stream.concat(Stream.of(PLUGIN_LIBRARIES), OWN_LIBRARIES.getOrDefault(plugin, List.of()).stream())
                .toArray(String[]::new);
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
        return classes.stream().map(ArchitectureTest::pluginOf).filter(p -> p != null && p.parent().equals(parent))
                .map(Plugin::name).collect(Collectors.toCollection(TreeSet::new));
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
