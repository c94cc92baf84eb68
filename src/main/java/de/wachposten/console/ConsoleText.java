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
            w("login.limited", "Zu viele fehlgeschlagene Anmeldungen von Ihrer Adresse. Bitte versuchen Sie es in "
                    + "{0} min erneut.", "Too many failed sign-ins from your address. Please try again in {0} min."),
            w("login.sso", "Anmelden mit", "Sign in with"),
            w("login.or", "oder", "or"),
            w("sso.unavailable", "Die Anmeldung über den Identitätsanbieter ist gerade nicht verfügbar. Bitte "
                    + "melden Sie sich mit Ihrem API-Token an.", "Single sign-on is unavailable at the moment. "
                    + "Please sign in with your API token."),
            w("sso.unknown_user", "Benutzer {0} ist in Wachposten nicht eingerichtet.",
                    "User {0} is not configured in Wachposten."),
            w("sso.refused.no_pending", "Keine Anmeldung im Gange oder sie ist abgelaufen. Bitte beginnen Sie "
                    + "erneut.", "No sign-in in progress, or it expired. Please start again."),
            w("sso.refused.state", "Die Antwort des Identitätsanbieters gehört nicht zu dieser Anmeldung.",
                    "The identity provider's answer does not belong to this sign-in."),
            w("sso.refused.provider", "Der Identitätsanbieter hat die Anmeldung abgelehnt.",
                    "The identity provider refused the sign-in."),
            w("sso.refused.token", "Das ID-Token des Identitätsanbieters ist nicht gültig.",
                    "The identity provider's ID token is not valid."),
            w("sso.refused.claim", "Das ID-Token nennt keinen Benutzer.", "The ID token names no user."),
            w("sso.signed_in", "Angemeldet. Weiter zu den Alerts …", "Signed in. On to the alerts …"),
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
            w("alerts.page", "Seiten", "Pages"),
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
            w("nav.check", "Vorab-Prüfung", "Pre-flight check"),
            w("nav.channels", "Kanäle", "Channels"),
            w("nav.search", "Archiv", "Archive"),
            w("nav.report", "Vorfallbericht", "Incident review"),
            w("channels.title", "Kanäle", "Channels"),
            w("channels.none", "Keine Kanäle.", "No channels."),
            w("channels.problem", "Problem", "Problem"),
            w("channels.platform", "Plattform", "Platform"),
            w("channels.office", "Pressestelle", "Press office"),
            w("channels.state", "Zustand", "State"),
            w("channels.active", "aktiv", "active"),
            w("channels.dormant", "stillgelegt", "dormant"),
            w("channels.until", "befristet bis", "until"),
            w("channels.last_success", "Letzter erfolgreicher Abruf", "Last successful poll"),
            w("channels.last_poll", "Letzter Abrufversuch", "Last poll attempt"),
            w("channels.never", "noch nie", "never"),
            w("channels.error", "Letzter Fehler", "Last error"),
            w("channels.backoff", "Wartezeit nach Fehlern", "Backoff"),
            w("channels.failures", "Fehlschläge in Folge:", "Consecutive failures:"),
            w("channels.next_poll", "nächster Abruf", "next poll"),
            w("channels.no_backoff", "keine", "none"),
            w("channels.instance", "Abgerufen von Instanz", "Polled by instance"),
            w("channels.no_instance", "keiner – niemand ruft den Kanal gerade ab", "none – nobody polls the channel now"),
            w("channels.not_polled", "wird nicht abgerufen", "not polled"),
            w("channels.access", "Zugang", "Access"),
            w("channels.rotated", "Zugangsdaten zuletzt erneuert", "Credentials last rotated"),
            w("channels.tasks", "Erneuerung der Zugangsdaten", "Credential rotation"),
            w("channels.no_tasks", "keine offene Aufgabe", "no open task"),
            w("channels.open", "offen", "open"),
            w("channels.overdue", "überfällig", "overdue"),
            w("channels.opened", "seit", "since"),
            w("search.title", "Archivsuche", "Archive search"),
            w("search.form", "Suche", "Search"),
            w("search.q", "Suchbegriffe", "Search terms"),
            w("search.q_hint", "Alle Wörter müssen vorkommen; Wortformen werden gefunden (Pflegeheime findet "
                    + "Pflegeheim). OR, NOT und \"Phrasen\" sind möglich.",
                    "Every word must occur; word forms are found (Pflegeheime finds Pflegeheim). OR, NOT and "
                    + "\"phrases\" work."),
            w("search.from", "Veröffentlicht ab (Tag)", "Published from (day)"),
            w("search.to", "Veröffentlicht bis (Tag, einschließlich)", "Published until (day, inclusive)"),
            w("search.submit", "Suchen", "Search"),
            w("search.bad", "Die Suche ist ungültig", "The search is not valid"),
            w("search.results", "Treffer", "Results"),
            w("search.none", "Keine Posts gefunden.", "No posts found."),
            w("report.title", "Vorfallbericht", "Incident review"),
            w("report.form", "Kanal und Zeitraum", "Channel and span"),
            w("report.from", "Von", "From"),
            w("report.to", "Bis (ausschließlich)", "To (exclusive)"),
            w("report.hint", "Ein Tag (2016-01-08) oder Tag und Uhrzeit (2016-01-08T06:00) in der Zeitzone des "
                    + "Kanals, oder ein UTC-Zeitpunkt (2016-01-08T05:30:00Z) – wie beim Befehl report.",
                    "A day (2016-01-08) or a day and time (2016-01-08T06:00) in the channel's time zone, or a UTC "
                    + "instant (2016-01-08T05:30:00Z) – as for the report command."),
            w("report.submit", "Bericht zeigen", "Show the report"),
            w("report.span_missing", "Bitte Beginn und Ende des Zeitraums angeben.",
                    "Please give the start and the end of the span."),
            w("report.policy", "Schutzmaßnahmen", "Safeguards"),
            w("report.span", "Zeitraum", "Span"),
            w("report.counts", "Umfang", "Contents"),
            w("report.downloads", "Herunterladen", "Download"),
            w("report.md", "Markdown", "Markdown"),
            w("report.html", "HTML", "HTML"),
            w("report.json", "JSON", "JSON"),
            w("report.timeline", "Zeitleiste", "Timeline"),
            w("report.time", "Zeit", "Time"),
            w("report.event", "Ereignis", "Event"),
            w("report.post", "Post", "Post"),
            w("report.details", "Einzelheiten", "Details"),
            w("check.title", "Vorab-Prüfung eines Textes", "Pre-flight check of a text"),
            w("check.hint", "Prüft einen Text, bevor er veröffentlicht wird. Es wird nichts gespeichert und kein "
                    + "Alert ausgelöst.", "Checks a text before it is published. Nothing is stored, no alert is raised."),
            w("check.text", "Text", "Text"),
            w("check.at", "Veröffentlichung um (Zeitzone des Kanals; leer: jetzt)",
                    "Publication at (channel's time zone; empty: now)"),
            w("check.submit", "Prüfen", "Check"),
            w("check.bad_time", "Der Zeitpunkt ist ungültig (Beispiel: 2016-01-08T06:30).",
                    "The time is not valid (example: 2016-01-08T06:30)."),
            w("check.bad_text", "Bitte einen Text von höchstens 10.000 Zeichen eingeben.",
                    "Please enter a text of at most 10,000 characters."),
            w("check.result", "Ergebnis", "Result"),
            w("check.approval", "Freigabe", "Approval"),
            w("check.approved", "Freigegeben durch", "Approved by"),
            w("check.outside_window", "Der Text ist freigegeben, aber nicht für diesen Zeitpunkt:",
                    "The text is approved, but not for this time:"),
            w("check.unapproved", "Keine offene Freigabe passt zu diesem Text.",
                    "No open approval matches this text."),
            w("check.not_required", "(Für diesen Kanal ist keine Freigabe vorgeschrieben.)",
                    "(This channel does not require approval.)"),
            w("check.rules", "Inhaltsregeln", "Content rules"),
            w("check.no_rules", "Keine Regel schlägt an.", "No rule fires."),
            w("check.classifier", "Klassifikator für beleidigende Sprache", "Offensive-language classifier"),
            w("check.no_model", "Kein Klassifikator-Modell geladen.", "No classifier model is loaded."),
            w("check.probability", "Wahrscheinlichkeit", "Probability"),
            w("check.threshold", "Schwelle", "threshold"),
            w("check.inline_policy", "Richtlinie des Kanals", "the channel's policy"),
            w("check.classifier.flags", "löst flagged_content aus (beleidigende Sprache)",
                    "raises flagged_content (offensive language)"),
            w("check.classifier.below", "schlägt nicht an: unter der Schwelle", "silent: below the threshold"),
            w("check.classifier.off", "schlägt nicht an: für diese Richtlinie ausgeschaltet",
                    "silent: switched off for this policy"),
            w("check.classifier.distancing", "schlägt nicht an: der Text berichtet, zitiert oder verurteilt",
                    "silent: the text reports, quotes or condemns"),
            w("check.driven", "Ausschlaggebende Wörter", "Words that drove the score"),
            w("check.timing", "Zeitregeln", "Timing rules"),
            w("check.no_timing", "Keine Zeitregel schlägt an.", "No timing rule fires."),
            w("check.nothing_stored", "Nichts wurde gespeichert.", "Nothing was stored."),
            w("closest.title", "Nächste Freigabe", "Closest approval"),
            w("closest.id", "Freigabe", "Approval"),
            w("closest.by", "Freigegeben von", "Approved by"),
            w("closest.window", "Zeitfenster", "Window"),
            w("closest.similarity", "Ähnlichkeit", "Similarity"),
            w("closest.verdict", "Ergebnis", "Verdict"),
            w("closest.matches", "passt", "matches"),
            w("closest.no_match", "passt nicht", "does not match"),
            w("closest.diff", "Unterschiede (freigegeben → Text)", "Differences (approved → text)"),
            w("plan.title", "Redaktionsplan hochladen", "Upload an editorial plan"),
            w("plan.hint", "CSV oder iCalendar; jede Zeile wird als Ihre Freigabe gespeichert – alle oder keine.",
                    "CSV or iCalendar; every row is stored as your approval – all or none."),
            w("plan.file", "Datei (CSV oder iCalendar)", "File (CSV or iCalendar)"),
            w("plan.text", "oder den Plan hier einfügen", "or paste the plan here"),
            w("plan.format", "Format des eingefügten Plans", "Format of the pasted plan"),
            w("plan.submit", "Plan importieren", "Import the plan"),
            w("plan.refused", "Der Plan wurde nicht importiert; nichts wurde gespeichert:",
                    "The plan was not imported; nothing was stored:"),
            w("plan.imported", "Plan importiert, Freigaben:", "Plan imported, approvals:"),
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
