package de.wachposten.platform;

import java.util.Map;

/**
 * The account's public profile as the platform shows it; compared between polls for {@code profile_changed}.
 *
 * @param fields profile fields by name ({@code display_name}, {@code avatar}, {@code header}, {@code note}, {@code fields}…)
 */
public record Profile(Map<String, String> fields) {
    public Profile {
        fields = Map.copyOf(fields);
    }
}
