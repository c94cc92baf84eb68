package de.wachposten.detect;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The texts findings explain themselves with, in German and English. One catalogue per language; a detector asks
 * the context's catalogue for a message by key and fills in the arguments ({@link String#format} placeholders, all {@code %s}).
 * German is the default: an unknown language falls back to it.
 */
public final class Messages {
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("hours.outside", "%1$s %2$s; allowed %3$s"),
            Map.entry("hours.holiday", "%1$s %2$s on a public holiday (%4$s); allowed %3$s"),
            Map.entry("hours.closed", "%1$s %2$s on a closed day (%4$s); allowed %3$s"),
            Map.entry("status.dormant", "the channel is dormant: no post is expected"),
            Map.entry("status.ended", "the channel ran until %1$s; post published %2$s"),
            Map.entry("client.not_allowed", "client '%1$s' is not in the channel's allowed list (%2$s)"),
            Map.entry("client.never_seen", "client '%1$s' never used on this channel in %2$s posts"),
            Map.entry("behaviour.unusual", "departs from the channel's profile learned from %3$s posts: %1$s (score %2$s)"),
            Map.entry("behaviour.burst", "burst: %1$s posts within %2$s (usually at most %3$s)"),
            Map.entry("feature.hour", "hour of week"),
            Map.entry("feature.client", "client"),
            Map.entry("feature.language", "language"),
            Map.entry("feature.link_domain", "link domain"),
            Map.entry("feature.mention", "mention"),
            Map.entry("minutes", "%s min"),
            Map.entry("approval.none", "no approval matches (best similarity %1$.2f"),
            Map.entry("approval.no_open", "; 0 open approvals for this channel)"),
            Map.entry("approval.nearest", "; nearest %1$s: %2$s; diff: %3$s)"),
            Map.entry("approval.window", "text approved as %1$s for %2$s, published %3$s"),
            Map.entry("approval.any_time", "any time"),
            Map.entry("approval.open_end", "open end"),
            Map.entry("post.deleted", "the post disappeared from the platform (found gone at %1$s); the archive keeps %2$s"),
            Map.entry("post.versions.one", "1 version"),
            Map.entry("post.versions", "%s versions"),
            Map.entry("post.edited", "the post was edited at %1$s after it was seen; version %2$s, earlier versions kept in the archive"),
            Map.entry("post.changed", "the post was changed after it was seen; version %1$s, earlier versions kept in the archive"),
            Map.entry("content.rule", "matches rule %1$s (%2$s)"),
            Map.entry("content.classifier", "classifier: offensive language, probability %1$s (threshold %2$s)"),
            Map.entry("content.driven", "driven by: %1$s"));
    private static final Map<String, String> DE = Map.ofEntries(
            Map.entry("hours.outside", "Veröffentlicht %1$s (%2$s), erlaubt %3$s"),
            Map.entry("hours.holiday", "Veröffentlicht %1$s (%2$s) an einem Feiertag (%4$s), erlaubt %3$s"),
            Map.entry("hours.closed", "Veröffentlicht %1$s (%2$s) an einem Schließtag (%4$s), erlaubt %3$s"),
            Map.entry("status.dormant", "Der Kanal ruht: hier wird kein Beitrag erwartet"),
            Map.entry("status.ended", "Der Kanal lief bis %1$s; Beitrag veröffentlicht am %2$s"),
            Map.entry("client.not_allowed", "Client '%1$s' steht nicht in der Liste erlaubter Clients des Kanals (%2$s)"),
            Map.entry("client.never_seen", "Client '%1$s' in %2$s Beiträgen auf diesem Kanal nie benutzt"),
            Map.entry("behaviour.unusual", "Weicht vom aus %3$s Beiträgen gelernten Profil des Kanals ab: %1$s (Wert %2$s)"),
            Map.entry("behaviour.burst", "Häufung: %1$s Beiträge innerhalb von %2$s (sonst höchstens %3$s)"),
            Map.entry("feature.hour", "Wochenstunde"),
            Map.entry("feature.client", "Client"),
            Map.entry("feature.language", "Sprache"),
            Map.entry("feature.link_domain", "Link-Domain"),
            Map.entry("feature.mention", "Erwähnung"),
            Map.entry("minutes", "%s Min."),
            Map.entry("approval.none", "keine Freigabe passt (größte Ähnlichkeit %1$.2f"),
            Map.entry("approval.no_open", "; keine offene Freigabe für diesen Kanal)"),
            Map.entry("approval.nearest", "; nächste Freigabe %1$s: %2$s; Unterschied: %3$s)"),
            Map.entry("approval.window", "Text freigegeben als %1$s für %2$s, veröffentlicht %3$s"),
            Map.entry("approval.any_time", "jederzeit"),
            Map.entry("approval.open_end", "offenes Ende"),
            Map.entry("post.deleted", "Der Beitrag ist von der Plattform verschwunden (festgestellt %1$s); das Archiv behält %2$s"),
            Map.entry("post.versions.one", "1 Version"),
            Map.entry("post.versions", "%s Versionen"),
            Map.entry("post.edited", "Der Beitrag wurde nach dem Abruf bearbeitet (%1$s); Version %2$s, frühere Versionen bleiben im Archiv"),
            Map.entry("post.changed", "Der Beitrag wurde nach dem Abruf geändert; Version %1$s, frühere Versionen bleiben im Archiv"),
            Map.entry("content.rule", "trifft Regel %1$s (%2$s)"),
            Map.entry("content.classifier", "Klassifikator: beleidigende Sprache, Wahrscheinlichkeit %1$s (Schwelle %2$s)"),
            Map.entry("content.driven", "ausschlaggebend: %1$s"));
    private static final String[] DE_DAYS = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"};
    private static final String[] EN_DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private static final Messages GERMAN = new Messages("de", DE, Locale.GERMAN);
    private static final Messages ENGLISH = new Messages("en", EN, Locale.ENGLISH);

    private final String language;
    private final Map<String, String> texts;
    private final Locale locale;

    private Messages(String language, Map<String, String> texts, Locale locale) {
        this.language = language;
        this.texts = texts;
        this.locale = locale;
    }

    /** The catalogue for {@code de} or {@code en}; German for anything else (the offices' default). */
    public static Messages of(String language) {
        return "en".equals(language) ? ENGLISH : GERMAN;
    }

    /** {@code de} or {@code en}. */
    public String language() {
        return language;
    }

    /** The locale of this catalogue, for names that come from libraries (holidays, weekdays). */
    public Locale locale() {
        return locale;
    }

    /**
     * The message under {@code key} with the arguments filled in.
     *
     * @throws IllegalArgumentException for an unknown key (a programming error)
     */
    public String text(String key, Object... args) {
        String t = texts.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no message '" + key + "' in the " + language + " catalogue");
        }
        return String.format(locale, t, args);
    }

    /** Full weekday name: {@code Freitag} / {@code Friday}. */
    public String dayName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, locale);
    }

    /**
     * A posting-hours range as written in the config ({@code Mon-Fri 07:00-19:00}) in this language: English keeps
     * it, German writes {@code Mo–Fr 07:00–19:00}.
     */
    public String hours(String source) {
        if (language.equals("en")) {
            return source;
        }
        String out = source.replace('-', '–');
        for (int i = 0; i < EN_DAYS.length; i++) {
            out = out.replaceAll("(?i)\\b" + EN_DAYS[i] + "\\b", DE_DAYS[i]);
        }
        return out;
    }
}
