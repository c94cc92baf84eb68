package de.wachposten.console;

import de.wachposten.alert.AlertText;
import de.wachposten.config.Config;
import de.wachposten.config.Office;
import de.wachposten.config.User;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The console's words in German or English. The language is the office's ({@code language} of the user's first
 * office by id), else the browser's {@code Accept-Language} (for an admin without offices, and before sign-in), else
 * German. Alert vocabulary (severities, reasons, resolutions) comes from {@link AlertText}, so the console says what
 * the alert messages say.
 */
public final class ConsoleText {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            w("app", "Wachposten", "Wachposten"),
            w("nav.alerts", "Alerts", "Alerts"),
            w("nav.drafts", "Entwürfe", "Drafts"),
            w("nav.logout", "Abmelden", "Sign out"),
            w("nav.main", "Hauptnavigation", "Main navigation"),
            w("signed_in_as", "Angemeldet als", "Signed in as"),
            w("login.title", "Anmelden", "Sign in"),
            w("login.token", "API-Token", "API token"),
            w("login.hint", "Melden Sie sich mit Ihrem persönlichen API-Token an.",
                    "Sign in with your personal API token."),
            w("login.submit", "Anmelden", "Sign in"),
            w("login.failed", "Dieses Token ist nicht gültig.", "This token is not valid."),
            w("logged_out", "Sie sind abgemeldet.", "You are signed out."),
            w("alerts.title", "Offene Alerts", "Open alerts"),
            w("alerts.title.all", "Alerts", "Alerts"),
            w("alerts.none", "Keine Alerts für diese Auswahl.", "No alerts for this selection."),
            w("alerts.filters", "Filter", "Filters"),
            w("alerts.apply", "Anwenden", "Apply"),
            w("alerts.any", "alle", "any"),
            w("alerts.channel", "Kanal", "Channel"),
            w("alerts.reason", "Grund", "Reason"),
            w("alerts.status", "Status", "Status"),
            w("alerts.newer", "Neuere", "Newer"),
            w("alerts.older", "Ältere", "Older"),
            w("alerts.page", "Seite", "Page"),
            w("alerts.details", "Details", "Details"),
            w("alerts.live", "Neuer oder geänderter Alert:", "New or changed alert:"),
            w("alerts.reload", "Liste neu laden", "Reload the list"),
            w("alerts.acknowledged", "Alert bestätigt.", "Alert acknowledged."),
            w("status.open", "offen", "open"),
            w("status.acknowledged", "bestätigt", "acknowledged"),
            w("status.resolved", "erledigt", "resolved"),
            w("ack.resolution", "Bewertung", "Resolution"),
            w("ack.submit", "Bestätigen", "Acknowledge"),
            w("ack.note", "Notiz (optional)", "Note (optional)"),
            w("detail.post", "Der Post im Wortlaut", "The post as published"),
            w("detail.open_post", "Post auf der Plattform öffnen", "Open the post on the platform"),
            w("detail.versions", "Archivierte Fassungen", "Archived versions"),
            w("detail.version", "Fassung", "Version"),
            w("detail.seen", "gesehen", "seen"),
            w("detail.edited", "bearbeitet", "edited"),
            w("detail.changes", "Änderungen zur vorigen Fassung", "Changes from the previous version"),
            w("detail.removed", "entfernt", "removed"),
            w("detail.added", "hinzugefügt", "added"),
            w("detail.deleted", "Gelöscht", "Deleted"),
            w("detail.evidence", "Beweissicherung: der zuletzt gesehene Text des gelöschten Posts",
                    "Evidence: the last text seen of the deleted post"),
            w("detail.reasons", "Warum dieser Alert?", "Why this alert?"),
            w("detail.timeline", "Verlauf", "Timeline"),
            w("detail.author", "Autor", "Author"),
            w("detail.client", "Client", "Client"),
            w("detail.published", "Veröffentlicht", "Published"),
            w("detail.acknowledge", "Alert bestätigen", "Acknowledge the alert"),
            w("detail.no_ack_role", "Bestätigen dürfen Entwerfende und Freigebende der Pressestelle.",
                    "Drafters and approvers of the office may acknowledge."),
            w("timeline.created", "Alert erstellt", "Alert created"),
            w("timeline.updated", "Alert aktualisiert (neue Gründe)", "Alert updated (new reasons)"),
            w("timeline.acknowledged", "Bestätigt von", "Acknowledged by"),
            w("timeline.resolved", "Erledigt durch", "Resolved by"),
            w("timeline.escalated", "Eskaliert", "Escalated"),
            w("timeline.note", "Notiz von", "Note by"),
            w("timeline.delivery", "Zustellung an", "Delivery to"),
            w("delivery.pending", "ausstehend", "pending"),
            w("delivery.delivered", "zugestellt", "delivered"),
            w("delivery.dead", "aufgegeben", "given up"),
            w("drafts.title", "Entwürfe und Freigaben", "Drafts and approvals"),
            w("drafts.new", "Neuer Entwurf", "New draft"),
            w("drafts.channel", "Kanal", "Channel"),
            w("drafts.text", "Text", "Text"),
            w("drafts.not_before", "Frühestens (Berliner Zeit, optional)", "Not before (Berlin time, optional)"),
            w("drafts.not_after", "Spätestens (Berliner Zeit, optional)", "Not after (Berlin time, optional)"),
            w("drafts.submit", "Zur Freigabe einreichen", "Submit for approval"),
            w("drafts.queue", "Warteschlange", "Queue"),
            w("drafts.none", "Keine Entwürfe.", "No drafts."),
            w("drafts.by", "Entwurf von", "Drafted by"),
            w("drafts.window", "Zeitfenster", "Window"),
            w("drafts.window.open", "ab sofort, unbefristet", "from now on, open-ended"),
            w("drafts.approve", "Freigeben", "Approve"),
            w("drafts.reject", "Ablehnen", "Reject"),
            w("drafts.reason", "Begründung der Ablehnung", "Reason for rejecting"),
            w("drafts.approved_by", "Freigegeben von", "Approved by"),
            w("drafts.rejected_by", "Abgelehnt von", "Rejected by"),
            w("drafts.status.pending", "wartet auf Freigabe", "awaiting approval"),
            w("drafts.status.approved", "freigegeben", "approved"),
            w("drafts.status.rejected", "abgelehnt", "rejected"),
            w("drafts.submitted", "Entwurf eingereicht.", "Draft submitted."),
            w("drafts.done.approved", "Entwurf freigegeben.", "Draft approved."),
            w("drafts.done.pending", "Zustimmung vermerkt; weitere Freigaben sind nötig.",
                    "Approval noted; more approvers are needed."),
            w("drafts.done.rejected", "Entwurf abgelehnt.", "Draft rejected."),
            w("drafts.late", "Die Freigabe hat den offenen Alert nachträglich erledigt:",
                    "The approval resolved the open alert after the fact:"),
            w("drafts.no_channel", "Sie dürfen für keinen Kanal Entwürfe einreichen.",
                    "You may not submit drafts for any channel."),
            w("refused", "Abgelehnt", "Refused"),
            w("error.title", "Fehler", "Error"),
            w("error.not_found", "Nicht gefunden.", "Not found."),
            w("error.csrf", "Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte laden Sie die "
                    + "Seite neu und versuchen Sie es noch einmal.",
                    "The form has expired or did not come from this page. Please reload the page and try again."),
            w("error.internal", "Interner Fehler; Details stehen im Log des Dienstes.",
                    "Internal error; the service's log has the details."),
            w("error.back", "Zurück zu den Alerts", "Back to the alerts"),
            w("skip", "Zum Inhalt springen", "Skip to content"));

    private final boolean english;
    private final AlertText alertText;

    private ConsoleText(boolean english) {
        this.english = english;
        this.alertText = AlertText.of(english ? "en" : "de");
    }

    private static Map.Entry<String, String[]> w(String key, String de, String en) {
        return Map.entry(key, new String[] {de, en});
    }

    /** German or English. */
    public static ConsoleText of(String language) {
        return new ConsoleText("en".equalsIgnoreCase(language));
    }

    /** The language for {@code user} (null before sign-in): the office's, else {@code acceptLanguage}'s, else de. */
    static ConsoleText choose(User user, Config config, String acceptLanguage) {
        Optional<String> office = user == null ? Optional.empty() : user.offices().stream().sorted().findFirst()
                .flatMap(id -> config.offices().stream().filter(o -> o.id().equals(id)).findFirst())
                .map(Office::language);
        return of(office.orElseGet(() -> fromAcceptLanguage(acceptLanguage)));
    }

    /** The first of {@code de} and {@code en} in an {@code Accept-Language} header by quality; {@code de} if none. */
    static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return "de";
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                String lang = r.getRange().split("-")[0];
                if (lang.equals("de") || lang.equals("en")) {
                    return lang;
                }
            }
        } catch (IllegalArgumentException e) {
            return "de";
        }
        return "de";
    }

    /** {@code de} or {@code en}. */
    public String lang() {
        return english ? "en" : "de";
    }

    /** The word for {@code key}; the key itself when unknown (so a missing text shows, never breaks a page). */
    public String t(String key) {
        String[] both = WORDS.get(key);
        return both == null ? key : both[english ? 1 : 0];
    }

    /** The keys of every text, for the test that each has both languages. */
    static java.util.Set<String> keys() {
        return WORDS.keySet();
    }

    /** Alert vocabulary in the same language. */
    public AlertText alerts() {
        return alertText;
    }

    /** A time in Berlin, e.g. {@code Fr 08.01.2016 06:30} or {@code Fri 2016-01-08 06:30}; empty for null. */
    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        String pattern = english ? "EEE yyyy-MM-dd HH:mm" : "EE dd.MM.yyyy HH:mm";
        return DateTimeFormatter.ofPattern(pattern, english ? Locale.ENGLISH : Locale.GERMAN)
                .format(at.atZone(BERLIN));
    }

    /** The value of a {@code datetime-local} field for {@code at} in Berlin time; empty for null. */
    static String localInput(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(at.atZone(BERLIN));
    }
}
