package de.wachposten.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void germanIsTheDefaultForAnyOtherLanguage() {
        assertThat(Messages.of(null).language()).isEqualTo("de");
        assertThat(Messages.of("fr").language()).isEqualTo("de");
        assertThat(Messages.of("en").language()).isEqualTo("en");
    }

    @Test
    void writesHoursRangesTheGermanWayAndKeepsThemInEnglish() {
        assertThat(Messages.of("de").hours("Mon-Fri 07:00-19:00")).isEqualTo("Mo–Fr 07:00–19:00");
        assertThat(Messages.of("de").hours("Sat,Sun 10:00-14:00")).isEqualTo("Sa,So 10:00–14:00");
        assertThat(Messages.of("en").hours("Mon-Fri 07:00-19:00")).isEqualTo("Mon-Fri 07:00-19:00");
    }

    @Test
    void namesWeekdaysInTheLanguage() {
        assertThat(Messages.of("de").dayName(DayOfWeek.FRIDAY)).isEqualTo("Freitag");
        assertThat(Messages.of("en").dayName(DayOfWeek.FRIDAY)).isEqualTo("Friday");
    }

    @Test
    void everyKeyExistsInBothCataloguesAndAnUnknownKeyIsAnError() {
        for (String key : new String[] {"hours.outside", "hours.holiday", "hours.closed", "status.dormant",
                "status.ended", "client.not_allowed", "client.never_seen", "behaviour.unusual", "behaviour.burst",
                "feature.hour", "feature.client", "feature.language", "feature.link_domain", "feature.mention",
                "minutes"}) {
            for (String lang : new String[] {"de", "en"}) {
                assertThat(Messages.of(lang).text(key, "a", "b", 3, "d")).as(lang + " " + key).isNotBlank();
            }
        }
        assertThatThrownBy(() -> Messages.of("en").text("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no message 'nope' in the en catalogue");
    }
}
