package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static de.wachposten.config.ConfigFiles.resource;
import static de.wachposten.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Map<String, String> ENV = Map.of(
            "SMTP_PASSWORD", "smtp-pass-4711",
            "SMS_WEBHOOK_SECRET", WEBHOOK_SECRET,
            "SMS_X_TOKEN", "x-bearer-0815");

    @TempDir
    Path dir;

    @Test
    void loadsTheProductExampleWithEveryVariableSetAndNoWarnings() throws Exception {
        ConfigLoader.Result r = ConfigLoader.read(resource(ConfigFiles.PRODUCT_EXAMPLE), ENV);

        assertThat(r.warnings()).isEmpty();
        Config c = r.config();
        assertThat(c.server()).isEqualTo(new Config.Server("0.0.0.0", 8080, URI.create("http://localhost:8080")));
        assertThat(c.store()).isEqualTo(new Config.Store(Path.of("data/wachposten.db"), null));
        assertThat(c.rulesDir()).isEqualTo(Path.of("rules"));
        assertThat(c.smtp().host()).isEqualTo("mail.example");
        assertThat(c.smtp().port()).isEqualTo(587);
        assertThat(c.smtp().starttls()).isTrue();
        assertThat(c.smtp().from()).isEqualTo("wachposten@example.org");
        assertThat(c.smtp().password().reveal()).isEqualTo("smtp-pass-4711");
        assertThat(c.users()).extracting(User::id).containsExactly("anna", "bernd");
        assertThat(c.user("bernd").orElseThrow().may(Role.APPROVER, "sms-presse")).isTrue();
        assertThat(c.user("anna").orElseThrow().name()).isEqualTo("Anna Beispiel");
    }

    @Test
    void readsAConfigLargerThanTheYamlParsersDefaultLimit(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        StringBuilder y = new StringBuilder("offices:\n  - id: presse\nchannels:\n");
        for (int i = 0; y.length() < 4 * 1024 * 1024; i++) { // a fleet's config: more than SnakeYAML's 3 MiB
            y.append("  - {id: rss-").append(i).append(", platform: rss, account: \"https://amt").append(i)
                    .append(".example/presse/feed.xml\", office: presse, poll_interval: 15m}\n");
        }
        Path file = dir.resolve("fleet.yaml");
        java.nio.file.Files.writeString(file, y);

        Config c = ConfigLoader.load(file, Map.of());

        assertThat(c.channels().size()).isGreaterThan(30_000);
    }

    @Test
    void loadsTheProductExampleWithoutEnvironmentWithWarningsOnly() throws Exception {
        Path file = resource(ConfigFiles.PRODUCT_EXAMPLE);
        ConfigLoader.Result r = ConfigLoader.read(file, Map.of());

        assertThat(r.warnings()).extracting(ConfigError::toString).containsExactly(
                file + ":14: warning: environment variable SMTP_PASSWORD is not set (smtp, password)",
                file + ":28: warning: environment variable SMS_WEBHOOK_SECRET is not set "
                        + "(sink sms-presse#0:webhook, secret)",
                file + ":47: warning: environment variable SMS_X_TOKEN is not set "
                        + "(channel sms-twitter, credential bearer_token)");
        Secret token = r.config().channel("sms-twitter").orElseThrow().credential("bearer_token");
        assertThat(token.isSet()).isFalse();
        assertThat(token.envVar()).isEqualTo("SMS_X_TOKEN");
    }

    @Test
    void resolvesNamedAndInlinePoliciesOfTheProductExample() throws Exception {
        Config c = ConfigLoader.load(resource(ConfigFiles.PRODUCT_EXAMPLE), ENV);

        ChannelConfig twitter = c.channel("sms-twitter").orElseThrow();
        assertThat(twitter.policyName()).isEqualTo("four-eyes-office-hours");
        assertThat(twitter.policy()).isSameAs(c.policies().get("four-eyes-office-hours"));
        assertThat(twitter.policy().approvalRequired()).isTrue();
        assertThat(twitter.policy().holidays()).isEqualTo("DE-SN");
        assertThat(twitter.policy().hours()).singleElement()
                .satisfies(h -> assertThat(h.contains(DayOfWeek.FRIDAY, LocalTime.of(6, 30))).isFalse())
                .satisfies(h -> assertThat(h.contains(DayOfWeek.FRIDAY, LocalTime.of(7, 0))).isTrue());

        ChannelConfig mastodon = c.channel("sms-mastodon").orElseThrow();
        assertThat(mastodon.policyName()).isNull();
        Policy inline = mastodon.policy();
        assertThat(inline.approvalRequired()).isTrue();
        assertThat(inline.hours()).extracting(HoursRange::source)
                .containsExactly("Mon-Fri 07:00-19:00", "Sat 10:00-14:00");
        assertThat(inline.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(inline.status()).isEqualTo(ChannelStatus.ACTIVE);
        assertThat(inline.clients()).containsExactly("Hootsuite", "Wachposten Publisher");
        assertThat(inline.holidays()).isNull();
    }

    @Test
    void readsChannelsOfficesAndSinksOfTheProductExample() throws Exception {
        Config c = ConfigLoader.load(resource(ConfigFiles.PRODUCT_EXAMPLE), ENV);

        ChannelConfig twitter = c.channel("sms-twitter").orElseThrow();
        assertThat(twitter.name()).isEqualTo("sms-twitter");
        assertThat(twitter.baseUrl()).isEqualTo(URI.create("https://api.x.com"));
        assertThat(twitter.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(twitter.credential("bearer_token").reveal()).isEqualTo("x-bearer-0815");
        assertThat(twitter.checkHistory()).isFalse();
        assertThat(twitter.line()).isEqualTo(42);
        ChannelConfig mastodon = c.channel("sms-mastodon").orElseThrow();
        assertThat(mastodon.baseUrl()).isEqualTo(URI.create("https://social.example"));
        assertThat(mastodon.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mastodon.credentials()).isEmpty();

        Office office = c.office("sms-presse").orElseThrow();
        assertThat(office.name()).isEqualTo("Pressestelle SMS");
        assertThat(office.language()).isEqualTo("de");
        assertThat(office.sinks()).extracting(SinkConfig::key, SinkConfig::line)
                .containsExactly(Tuple.tuple("sms-presse#0:webhook", 26),
                        Tuple.tuple("sms-presse#1:email", 29));
        assertThat(office.sinks().get(0).url()).isEqualTo("https://alerts.example/hook");
        assertThat(office.sinks().get(0).secret().reveal()).isEqualTo(WEBHOOK_SECRET);
        assertThat(office.sinks().get(1).to()).containsExactly("presse@sms.example");
    }

    @Test
    void loadsTheAnnotatedAdministratorExample() throws Exception {
        ConfigLoader.Result r = ConfigLoader.read(Path.of("config/example.yaml"), ENV);

        assertThat(r.warnings()).isEmpty();
        assertThat(r.config().channels()).isNotEmpty();
    }

    @Test
    void loadsTheSharedStoreExampleWithThePasswordFromTheEnvironment() throws Exception {
        ConfigLoader.Result r = ConfigLoader.read(Path.of("config/shared-store.yaml"),
                Map.of("WACHPOSTEN_DB_PASSWORD", "pw"));

        assertThat(r.warnings()).isEmpty();
        assertThat(r.config().store().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/wachposten");
        assertThat(r.config().store().password().reveal()).isEqualTo("pw");
    }

    @Test
    void loadsThePublicChannelsConfigWithoutCredentials() throws Exception {
        ConfigLoader.Result r = ConfigLoader.read(Path.of("config/public.yaml"), Map.of("PUBLIC_WEBHOOK_SECRET",
                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])));

        assertThat(r.warnings()).isEmpty();
        assertThat(r.config().channels()).extracting(c -> c.platform()).containsExactly("mastodon", "rss", "rss", "bluesky");
        assertThat(r.config().channels()).allSatisfy(c -> assertThat(c.credentials()).isEmpty());
    }

    @Test
    void keepsTheAnnotatedExampleEqualToTheProductExampleApartFromComments() throws Exception {
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml();
        Object product = yaml.load(java.nio.file.Files.readString(resource(ConfigFiles.PRODUCT_EXAMPLE)));
        Object annotated = yaml.load(java.nio.file.Files.readString(Path.of("config/example.yaml")));

        assertThat(annotated).isEqualTo(product);
    }

    @Test
    void readsThePostgresStoreWithItsPasswordFromTheEnvironment() throws Exception {
        Config c = ConfigLoader.load(write(dir, """
                store:
                  jdbc_url: jdbc:postgresql://db.example:5432/wachposten
                  user: wachposten
                  password: ${WACHPOSTEN_DB_PASSWORD}
                  pool_size: 4
                  connect_timeout: 5s
                  statement_timeout: 1m
                channels: []
                """), Map.of("WACHPOSTEN_DB_PASSWORD", "pw-from-env"));

        Config.Store s = c.store();
        assertThat(s.isPostgres()).isTrue();
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/wachposten");
        assertThat(s.user()).isEqualTo("wachposten");
        assertThat(s.password().reveal()).isEqualTo("pw-from-env");
        assertThat(s.toString()).doesNotContain("pw-from-env");
        assertThat(s.poolSize()).isEqualTo(4);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.statementTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void appliesDefaultsWhenBlocksAreAbsent() throws Exception {
        Config c = ConfigLoader.load(write(dir, """
                channels:
                  - id: sn-bluesky
                    platform: bluesky
                    account: sachsen.bsky.social
                    office: sn-presse
                offices:
                  - id: sn-presse
                """), Map.of());

        assertThat(c.server()).isEqualTo(new Config.Server("0.0.0.0", 8080, URI.create("http://localhost:8080")));
        assertThat(c.store()).isEqualTo(new Config.Store(Path.of("data/wachposten.db"), null));
        assertThat(c.rulesDir()).isEqualTo(Path.of("rules"));
        assertThat(c.smtp()).isNull();
        ChannelConfig ch = c.channels().getFirst();
        assertThat(ch.baseUrl()).isEqualTo(URI.create("https://public.api.bsky.app"));
        assertThat(ch.policy()).isEqualTo(Policy.permissive());
        assertThat(ch.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.offices().getFirst().language()).isEqualTo("de");
    }

    @Test
    void derivesTheMastodonBaseUrlFromTheAccountAndReadsAccessAndAgencies() throws Exception {
        Config c = ConfigLoader.load(write(dir, """
                offices: [{id: presse}]
                users:
                  - id: carla
                    roles: [admin]
                    token_sha256: 2C26B46B68FFC68FF99B453C1D30413413422D706483BFA0F98A5E886266E7AE
                channels:
                  - id: sn-mastodon
                    platform: mastodon
                    account: "@sachsen@social.sachsen.de"
                    office: presse
                    history: check
                    poll_interval: 500ms
                    access: [carla]
                    agencies: ["Agentur Beispiel GmbH"]
                """), Map.of());

        ChannelConfig ch = c.channels().getFirst();
        assertThat(ch.baseUrl()).isEqualTo(URI.create("https://social.sachsen.de"));
        assertThat(ch.checkHistory()).isTrue();
        assertThat(ch.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(ch.access()).containsExactly("carla");
        assertThat(ch.agencies()).containsExactly("Agentur Beispiel GmbH");
        assertThat(c.users().getFirst().tokenSha256())
                .isEqualTo("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");
    }

    @Test
    void reportsEveryErrorOfAFileInLineOrder() {
        List<String> errors = errors(dir, """
                channels:
                  - id: sms-twitter
                    platform: myspace
                    account: SMS_Sachsen
                    office: nowhere
                server:
                  port: 99999
                offices:
                  - id: Presse
                    language: fr
                polices: {}
                """);

        Path f = dir.resolve("wachposten.yaml");
        assertThat(errors).containsExactly(
                f + ":3: unknown platform 'myspace' in channel 'sms-twitter' (expected one of: twitter, facebook, "
                        + "instagram, youtube, flickr, mastodon, bluesky, rss)",
                f + ":5: unknown office 'nowhere' in channel 'sms-twitter'",
                f + ":7: 'port' in server must be an integer from 0 to 65535, not '99999'",
                f + ":9: bad office id 'Presse' (expected lower-case letters, digits, '.', '_' and '-', starting "
                        + "with a letter or digit)",
                f + ":10: bad language 'fr' in office 'Presse' (expected de or en)",
                f + ":11: unknown key 'polices' in the top level (expected one of: server, store, rules, smtp, "
                        + "policies, offices, users, channels, archive, offboarding, auth, cluster)");
    }
}
