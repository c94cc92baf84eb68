package de.wachposten.timing;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays by region ({@code DE}, {@code DE-SN}, ...) from the Jollyday library. The holidays of one region
 * and year are computed once and cached; the instance is thread-safe.
 */
public final class Holidays {
    private record Key(String region, int year) {}

    private final Map<Key, Map<LocalDate, Holiday>> cache = new ConcurrentHashMap<>();

    /**
     * The name of the public holiday on {@code day} in {@code region}, in {@code locale}; empty on a working day.
     *
     * @throws IllegalArgumentException when the library does not know the region (config validation prevents it)
     */
    public Optional<String> on(String region, LocalDate day, Locale locale) {
        Holiday h = cache.computeIfAbsent(new Key(region, day.getYear()), Holidays::load).get(day);
        return h == null ? Optional.empty() : Optional.of(h.getDescription(locale));
    }

    private static Map<LocalDate, Holiday> load(Key key) {
        String[] parts = key.region().toLowerCase(Locale.ROOT).split("-", 2);
        HolidayManager manager;
        try {
            manager = HolidayManager.getInstance(ManagerParameters.create(parts[0]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown holiday region '" + key.region() + "': " + e.getMessage(), e);
        }
        String[] sub = parts.length > 1 ? new String[] {parts[1]} : new String[0];
        Map<LocalDate, Holiday> byDay = new HashMap<>();
        for (Holiday h : manager.getHolidays(Year.of(key.year()), HolidayType.PUBLIC_HOLIDAY, sub)) {
            byDay.putIfAbsent(h.getActualDate(), h);
        }
        return Map.copyOf(byDay);
    }
}
