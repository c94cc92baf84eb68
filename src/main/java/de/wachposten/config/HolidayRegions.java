package de.wachposten.config;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which holiday regions exist: a country code the holiday library knows ({@code DE}), optionally followed by one of
 * its subdivisions ({@code DE-SN}). Backed by Jollyday's calendar hierarchy, so every German state is known.
 */
public final class HolidayRegions {
    private HolidayRegions() {
    }

    /**
     * Checks a region code.
     *
     * @return null when the region is known, else a message saying what is wrong (unknown country, or the known
     *         subdivisions of the country)
     */
    public static String problem(String region) {
        String[] parts = region.toLowerCase(Locale.ROOT).split("-", 2);
        boolean country = HolidayManager.getSupportedCalendarCodes().stream().anyMatch(c -> c.equalsIgnoreCase(parts[0]));
        if (!country) {
            return "unknown holiday country '" + parts[0].toUpperCase(Locale.ROOT) + "'";
        }
        if (parts.length == 1) {
            return null;
        }
        CalendarHierarchy h = HolidayManager.getInstance(ManagerParameters.create(parts[0])).getCalendarHierarchy();
        if (h.getChildren().containsKey(parts[1])) {
            return null;
        }
        Set<String> known = new TreeSet<>();
        h.getChildren().keySet().forEach(k -> known.add(parts[0].toUpperCase(Locale.ROOT) + "-" + k.toUpperCase(Locale.ROOT)));
        return "unknown holiday region '" + region + "' (known for " + parts[0].toUpperCase(Locale.ROOT) + ": "
                + String.join(", ", known) + ")";
    }
}
