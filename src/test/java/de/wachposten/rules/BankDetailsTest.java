package de.wachposten.rules;

import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelStatus;
import de.wachposten.config.ConfigError;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Event;
import de.wachposten.detect.Findings;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Personal bank details in a post, through the detector with the shipped rules: the IBAN as people print it. */
class BankDetailsTest {
    private static final Instant AT = Instant.parse("2016-01-08T05:30:00Z");
    private static Ruleset rules;

    @BeforeAll
    static void load() {
        List<ConfigError> errors = new ArrayList<>();
        rules = LiveRules.load(Path.of("rules"), errors);
        assertThat(errors).isEmpty();
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    private static List<Finding> detect(String text) {
        Findings out = new Findings();
        new FlaggedContentDetector(() -> rules).detect(new Event.Published(post("sms", "1", text, AT)),
                new DetectionContext(channel("sms", policy(false, ChannelStatus.ACTIVE)), AT, List.of()), out);
        return out.list();
    }

    @Test
    void anIbanPrintedWithSpacesRaisesFlaggedContentWithoutCarryingTheNumber() {
        for (String text : List.of("Überweist mir privat was: DE89 3704 0044 0532 0130 00, danke!",
                "Meine Bankverbindung: DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000",
                "Kontonummer AT61 1904 3002 3457 3201 BITTE NICHT WEITERSAGEN")) {
            assertThat(detect(text)).as(text).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(ReasonCode.FLAGGED_CONTENT);
                assertThat(f.rule()).isEqualTo("pii-iban");
                assertThat(f.category()).isEqualTo("personal_data");
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.matches()).containsExactly("marker:iban");
                assertThat(f.detail()).doesNotContain("3704").doesNotContain("1904");
            });
        }
    }

    @Test
    void aWrongChecksumOrTheOfficialDonationAccountStaysSilent() {
        assertThat(detect("Meine Bankverbindung: DE89 3704 0044 0532 0130 01")).isEmpty();
        assertThat(detect("Unser Spendenkonto für die Flutopfer: DE89 3704 0044 0532 0130 00")).isEmpty();
    }
}
