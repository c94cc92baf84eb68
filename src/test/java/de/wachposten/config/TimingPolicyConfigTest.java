package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holiday regions, closed days, behaviour thresholds and content settings in policies. */
class TimingPolicyConfigTest {
    @TempDir
    Path dir;
    Path f;

    @BeforeEach
    void setUp() {
        f = dir.resolve("wachposten.yaml");
    }

    private static String policy(String body) {
        return "policies:\n  office-hours:\n" + body.indent(4);
    }

    private Policy read(String body) throws ConfigException {
        Config c = ConfigLoader.load(ConfigFiles.write(dir, policy(body)), Map.of());
        return c.policies().get("office-hours");
    }

    @Test
    void acceptsEveryGermanState() throws ConfigException {
        for (String state : List.of("BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN",
                "ST", "TH")) {
            assertThat(read("holidays: DE-" + state).holidays()).isEqualTo("DE-" + state);
        }
        assertThat(read("holidays: DE").holidays()).isEqualTo("DE");
        assertThat(read("holidays: AT-9").holidays()).isEqualTo("AT-9");
    }

    @Test
    void reportsAnUnknownStateWithTheKnownOnes() {
        assertThat(errors(dir, policy("holidays: DE-XX"))).containsExactly(f + ":3: unknown holiday region 'DE-XX' "
                + "(known for DE: DE-BB, DE-BE, DE-BW, DE-BY, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, DE-RP, DE-SH, "
                + "DE-SL, DE-SN, DE-ST, DE-TH) in policy 'office-hours'");
    }

    @Test
    void reportsAnUnknownCountry() {
        assertThat(errors(dir, policy("holidays: QQ-SN"))).containsExactly(
                f + ":3: unknown holiday country 'QQ' in policy 'office-hours'");
    }

    @Test
    void readsClosedDaysAsYearlyDaysOrDates() throws ConfigException {
        Policy p = read("closed_days: [\"12-24\", \"12-31\", \"2026-12-28\"]");
        assertThat(p.closedDays()).extracting(ClosedDay::source).containsExactly("12-24", "12-31", "2026-12-28");
        assertThat(p.closedDays().get(0).matches(LocalDate.of(2031, 12, 24))).isTrue();
        assertThat(p.closedDays().get(2).matches(LocalDate.of(2027, 12, 28))).isFalse();
    }

    @Test
    void reportsABadClosedDayOnItsLine() {
        assertThat(errors(dir, policy("closed_days:\n  - 12-24\n  - 24.12."))).containsExactly(f + ":5: bad closed "
                + "day '24.12.' (expected MM-DD such as 12-24, or a date such as 2026-12-28) in policy 'office-hours'");
        assertThat(errors(dir, policy("closed_days: [\"13-01\"]"))).containsExactly(f + ":3: bad closed "
                + "day '13-01' (expected MM-DD such as 12-24, or a date such as 2026-12-28) in policy 'office-hours'");
    }

    @Test
    void behaviourDefaultsWhenAbsentAndReadsEveryKey() throws ConfigException {
        assertThat(read("approval: none").behaviour()).isEqualTo(BehaviourSettings.DEFAULTS);
        BehaviourSettings b = read("behaviour: {min_posts: 20, threshold: 0.7, min_features: 3, "
                + "burst: {posts: 4, within: 5m}}").behaviour();
        assertThat(b).isEqualTo(new BehaviourSettings(20, 0.7, 3, 4, Duration.ofMinutes(5)));
        assertThat(read("behaviour: {burst: {posts: 8}}").behaviour())
                .isEqualTo(new BehaviourSettings(50, 0.5, 2, 8, Duration.ofMinutes(10)));
    }

    @Test
    void reportsBadBehaviourSettingsNamingTheKey() {
        assertThat(errors(dir, policy("behaviour:\n  threshold: 1.5\n  burst: {posts: 1, within: soon}\n  limit: 3")))
                .containsExactly(
                        f + ":4: 'threshold' in 'behaviour' in policy 'office-hours' must be a number above 0 and at "
                                + "most 1, not '1.5'",
                        f + ":5: 'posts' in 'burst' in 'behaviour' in policy 'office-hours' must be an integer from 2 "
                                + "to 10000, not '1'",
                        f + ":5: bad burst window 'soon' in 'burst' in 'behaviour' in policy 'office-hours' (expected "
                                + "a whole number followed by ms, s, m, h or d, e.g. 60s, above zero)",
                        f + ":6: unknown key 'limit' in 'behaviour' in policy 'office-hours' (expected one of: "
                                + "min_posts, threshold, min_features, burst)");
    }

    @Test
    void theClassifierIsOnAtTheDefaultThresholdUnlessThePolicySaysOtherwise() throws ConfigException {
        assertThat(read("approval: none").content()).isEqualTo(ContentSettings.DEFAULTS);
        assertThat(ContentSettings.DEFAULTS.classifier()).isTrue();
        assertThat(read("content: {classifier: off}").content()).isEqualTo(
                new ContentSettings(false, ContentSettings.DEFAULT_THRESHOLD));
        assertThat(read("content: {classifier: on, threshold: 0.9}").content()).isEqualTo(new ContentSettings(true, 0.9));
        assertThat(read("content:\n  threshold: 0\n").content().threshold()).isZero();
        assertThat(read("content:\n  threshold: 1.0\n").content().threshold()).isEqualTo(1.0);
    }

    @Test
    void reportsBadValuesAndUnknownKeysWithFileAndLine() {
        assertThat(errors(dir, policy("content:\n  classifier: maybe\n"))).containsExactly(
                f + ":4: bad classifier 'maybe' in 'content' in policy 'office-hours' (expected on, off, true or false)");
        assertThat(errors(dir, policy("content:\n  threshold: 1.5\n"))).containsExactly(
                f + ":4: 'threshold' in 'content' in policy 'office-hours' must be a number from 0.0 to 1.0, not '1.5'");
        assertThat(errors(dir, policy("content:\n  threshold: high\n"))).containsExactly(
                f + ":4: 'threshold' in 'content' in policy 'office-hours' must be a number from 0.0 to 1.0, not 'high'");
        assertThat(errors(dir, policy("content:\n  classifer: on\n"))).singleElement().asString()
                .startsWith(f + ":4: unknown key 'classifer' in 'content' in policy 'office-hours'");
        assertThat(errors(dir, policy("content: on\n"))).singleElement().asString().startsWith(f + ":3: ");
    }
}
