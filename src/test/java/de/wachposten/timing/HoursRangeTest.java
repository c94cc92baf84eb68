package de.wachposten.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.config.HoursRange;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class HoursRangeTest {
    @Test
    void parsesRangesListsAndEndOfDay() {
        HoursRange r = HoursRange.parse("Mon-Wed,Fri 08:00-24:00");
        assertThat(r.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(r.contains(DayOfWeek.FRIDAY, LocalTime.of(23, 59))).isTrue();
        assertThat(r.contains(DayOfWeek.THURSDAY, LocalTime.NOON)).isFalse();
    }

    @Test
    void wrapsAroundTheWeek() {
        assertThat(HoursRange.parse("Sat-Mon 10:00-12:00").days())
                .containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    }

    @Test
    void rejectsBadInputWithAMessageThatSaysWhy() {
        assertThatThrownBy(() -> HoursRange.parse("Mo-Fr 7-19")).hasMessage("bad hours range 'Mo-Fr 7-19' (expected e.g. \"Mon-Fri 07:00-19:00\")");
        assertThatThrownBy(() -> HoursRange.parse("Mon-Fru 07:00-19:00")).hasMessageContaining("unknown weekday 'Fru'");
        assertThatThrownBy(() -> HoursRange.parse("Mon 19:00-07:00")).hasMessage("bad hours range 'Mon 19:00-07:00': end 07:00 is not after start 19:00");
        assertThatThrownBy(() -> HoursRange.parse("Mon 07:00-25:00")).hasMessage("bad hours range 'Mon 07:00-25:00': invalid time '25:00'");
    }
}
