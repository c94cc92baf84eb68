package de.wachposten.config;

import static de.wachposten.config.ConfigFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors in channels. */
class ChannelErrorsTest {
    @TempDir
    Path dir;
    Path f;

    @BeforeEach
    void setUp() {
        f = dir.resolve("wachposten.yaml");
    }

    /** Office {@code presse} on line 1; channel {@code sms-twitter} on line 3 with {@code extra} from line 7. */
    private String twitter(String extra) {
        return """
                offices: [{id: presse}]
                channels:
                  - id: sms-twitter
                    platform: twitter
                    account: SMS_Sachsen
                    office: presse
                """ + extra.indent(4);
    }

    @Test
    void reportsUnknownKeyWithFileAndLine() {
        assertThat(errors(dir, twitter("pol_interval: 60s"))).containsExactly(f + ":7: unknown key 'pol_interval' in "
                + "channel 'sms-twitter' (expected one of: id, name, platform, account, office, base_url, credentials, "
                + "poll_interval, history, policy, access, agencies, jetstream_url)");
    }

    @Test
    void reportsAnUnknownPlatform() {
        assertThat(errors(dir, twitter("").replace("platform: twitter", "platform: myspace"))).containsExactly(
                f + ":4: unknown platform 'myspace' in channel 'sms-twitter' (expected one of: twitter, facebook, "
                        + "instagram, youtube, flickr, mastodon, bluesky, rss)");
    }

    @Test
    void reportsMissingRequiredKeysNamingTheChannelByPositionWithoutId() {
        assertThat(errors(dir, twitter("") + "  - platform: rss\n")).containsExactly(
                f + ":7: missing key 'id' in channels[1]",
                f + ":7: missing key 'account' in channels[1]",
                f + ":7: missing key 'office' in channels[1]");
    }

    @Test
    void reportsADuplicateChannelIdAtTheSecondOccurrence() {
        String second = "  - id: sms-twitter\n    platform: bluesky\n    account: sms.bsky.social\n"
                + "    office: presse\n";
        assertThat(errors(dir, twitter("") + second))
                .containsExactly(f + ":7: duplicate channel id 'sms-twitter' (first at line 3)");
    }

    @Test
    void reportsAnUnknownOffice() {
        assertThat(errors(dir, twitter("").replace("office: presse", "office: smk")))
                .containsExactly(f + ":6: unknown office 'smk' in channel 'sms-twitter'");
    }

    @Test
    void reportsACredentialThePlatformDoesNotTake() {
        assertThat(errors(dir, twitter("credentials:\n  api_key: abc"))).containsExactly(f + ":8: unknown key "
                + "'api_key' in credentials of channel 'sms-twitter' (expected one of: bearer_token)");
    }

    @Test
    void reportsCredentialsOnAPlatformThatTakesNone() {
        assertThat(errors(dir, "offices: [{id: presse}]\nchannels:\n  - id: sn-bsky\n    platform: bluesky\n"
                + "    account: sachsen.bsky.social\n    office: presse\n    credentials: {password: x}\n"))
                .containsExactly(f + ":7: bluesky channel 'sn-bsky' takes no credentials");
    }

    @Test
    void reportsABadPollInterval() {
        assertThat(errors(dir, twitter("poll_interval: 1 minute"))).containsExactly(f + ":7: bad poll interval "
                + "'1 minute' in channel 'sms-twitter' (expected a whole number followed by ms, s, m, h or d, "
                + "e.g. 60s)");
    }

    @Test
    void reportsAPollIntervalBelowTheMinimum() {
        assertThat(errors(dir, twitter("poll_interval: 50ms"))).containsExactly(
                f + ":7: 'poll_interval' in channel 'sms-twitter' must be at least 100ms, not '50ms'");
    }

    @Test
    void reportsABadHistoryMode() {
        assertThat(errors(dir, twitter("history: all"))).containsExactly(
                f + ":7: bad history 'all' in channel 'sms-twitter' (expected ignore or check)");
    }

    @Test
    void reportsAnUnknownPolicyName() {
        assertThat(errors(dir, "policies:\n  office-hours: {approval: required}\n" + twitter("policy: ofice-hours")))
                .containsExactly(f + ":9: unknown policy 'ofice-hours' in channel 'sms-twitter' (expected one of: "
                        + "office-hours)");
    }

    @Test
    void reportsAPolicyThatIsAList() {
        assertThat(errors(dir, twitter("policy: [office-hours]"))).containsExactly(
                f + ":7: 'policy' in channel 'sms-twitter' must be a policy name or a mapping, not a list");
    }

    @Test
    void reportsAnUnknownUserInAccess() {
        assertThat(errors(dir, twitter("access: [anna]"))).containsExactly(
                f + ":7: unknown user 'anna' in 'access' of channel 'sms-twitter'");
    }

    @Test
    void reportsABadBaseUrl() {
        assertThat(errors(dir, twitter("base_url: api.x.com"))).containsExactly(f + ":7: 'base_url' in channel "
                + "'sms-twitter' must be an absolute http or https URL, not 'api.x.com'");
    }

    @Test
    void reportsAMastodonChannelWithoutInstance() {
        assertThat(errors(dir, twitter("").replace("platform: twitter", "platform: mastodon"))).containsExactly(
                f + ":3: missing key 'base_url' in channel 'sms-twitter' (needed for a mastodon account without "
                        + "@instance)");
    }

    @Test
    void reportsAnRssChannelWhoseAccountIsNotAFeedUrl() {
        assertThat(errors(dir, twitter("").replace("platform: twitter", "platform: rss"))).containsExactly(
                f + ":5: 'account' in channel 'sms-twitter' must be an absolute http or https URL, not 'SMS_Sachsen'");
    }
}
