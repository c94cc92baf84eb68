package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors in named and inline policies. */
class PolicyErrorsTest {
    @TempDir
    Path dir;
    Path f;

    @BeforeEach
    void setUp() {
        f = dir.resolve("wachposten.yaml");
    }

    private String policy(String body) {
        return "policies:\n  office-hours:\n" + body.indent(4);
    }

    @Test
    void reportsABadLinkDomain() {
        assertThat(ConfigFiles.errors(dir, "policies:\n  p:\n    link_domains: [sachsen.de, \"https://x\"]\n"))
                .containsExactly(dir.resolve("wachposten.yaml") + ":3: bad link domain 'https://x' in policy 'p' "
                        + "(expected a host name such as sachsen.de)");
    }

    @Test
    void reportsAnUnknownPolicyKeyAndListsTheAllowedOnes() {
        assertThat(errors(dir, policy("approval: required\nhour: [\"Mon-Fri 07:00-19:00\"]"))).containsExactly(
                f + ":4: unknown key 'hour' in policy 'office-hours' (expected one of: approval, hours, timezone, "
                        + "holidays, status, clients, closed_days, behaviour, similarity, min_approvers, link_domains, content)");
    }

    @Test
    void reportsABadApprovalValue() {
        assertThat(errors(dir, policy("approval: always"))).containsExactly(
                f + ":3: bad approval 'always' in policy 'office-hours' (expected required or none)");
    }

    @Test
    void reportsABadHoursRangeWithTheMessageOfTheParser() {
        assertThat(errors(dir, policy("hours:\n  - Mon-Fri 07:00-19:00\n  - Mon-Fry 07:00-19:00"))).containsExactly(
                f + ":5: bad hours range 'Mon-Fry 07:00-19:00': unknown weekday 'Fry' (expected Mon, Tue, Wed, Thu, "
                        + "Fri, Sat or Sun)");
    }

    @Test
    void reportsHoursThatAreNotAList() {
        assertThat(errors(dir, policy("hours: Mon-Fri 07:00-19:00"))).containsExactly(
                f + ":3: 'hours' in policy 'office-hours' must be a list, not a string");
    }

    @Test
    void reportsAnUnknownTimeZone() {
        assertThat(errors(dir, policy("timezone: Europe/Berln"))).containsExactly(
                f + ":3: unknown time zone 'Europe/Berln' in policy 'office-hours'");
    }

    @Test
    void reportsABadHolidayRegion() {
        assertThat(errors(dir, policy("holidays: de-sn"))).containsExactly(f + ":3: bad holiday region 'de-sn' in "
                + "policy 'office-hours' (expected a country code with an optional region, e.g. DE or DE-SN)");
    }

    @Test
    void reportsABadStatusWithTheMessageOfTheParser() {
        assertThat(errors(dir, policy("status: until 31.12.2016"))).containsExactly(
                f + ":3: bad status 'until 31.12.2016': date must be YYYY-MM-DD");
    }

    @Test
    void reportsAClientListEntryThatIsNotAString() {
        assertThat(errors(dir, policy("clients:\n  - Hootsuite\n  - {name: TweetDeck}"))).containsExactly(
                f + ":5: each entry of 'clients' in policy 'office-hours' must be a string, not a mapping");
    }

    @Test
    void reportsAPolicyThatIsNotAMapping() {
        assertThat(errors(dir, "policies:\n  office-hours: required\n")).containsExactly(
                f + ":2: policy 'office-hours' must be a mapping, not a string");
    }

    @Test
    void reportsDuplicatePolicyNames() {
        assertThat(errors(dir, """
                policies:
                  office-hours:
                    approval: required
                  office-hours:
                    approval: none
                """)).containsExactly(f + ":4: duplicate key 'office-hours' in policies (first at line 2)");
    }

    @Test
    void namesTheChannelInErrorsOfAnInlinePolicy() {
        assertThat(errors(dir, """
                offices: [{id: presse}]
                channels:
                  - id: sn-bluesky
                    platform: bluesky
                    account: sachsen.bsky.social
                    office: presse
                    policy:
                      approval: required
                      timezone: Europe/Dresden
                      max_posts: 2
                """)).containsExactly(
                f + ":9: unknown time zone 'Europe/Dresden' in the policy of channel 'sn-bluesky'",
                f + ":10: unknown key 'max_posts' in the policy of channel 'sn-bluesky' (expected one of: "
                        + "approval, hours, timezone, holidays, status, clients, closed_days, behaviour, similarity, "
                        + "min_approvers, link_domains, content)");
    }
}
