package de.wachposten.alert;

import de.wachposten.model.Alert;
import de.wachposten.model.Finding;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Resolution;
import de.wachposten.model.Severity;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of an alert in the office's language ({@code de} or {@code en}; anything else falls back to German):
 * severity labels, reason phrases, the one-line headline every sink uses and labels of links. Plain text, not yet
 * escaped: each sink escapes for its own markup.
 */
public final class AlertText {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Map<ReasonCode, String> DE = new EnumMap<>(ReasonCode.class);
    private static final Map<ReasonCode, String> EN = new EnumMap<>(ReasonCode.class);

    static {
        phrase(ReasonCode.UNAPPROVED, "nicht freigegeben", "not approved");
        phrase(ReasonCode.OUTSIDE_APPROVAL_WINDOW, "außerhalb des Freigabefensters", "outside the approval window");
        phrase(ReasonCode.OUTSIDE_HOURS, "außerhalb der Zeiten", "outside posting hours");
        phrase(ReasonCode.DORMANT_CHANNEL, "ruhender Kanal", "dormant channel");
        phrase(ReasonCode.UNEXPECTED_CLIENT, "unerwarteter Client", "unexpected client");
        phrase(ReasonCode.FLAGGED_CONTENT, "auffälliger Inhalt", "flagged content");
        phrase(ReasonCode.UNUSUAL_BEHAVIOUR, "ungewöhnliches Verhalten", "unusual behaviour");
        phrase(ReasonCode.EDITED, "bearbeitet", "edited");
        phrase(ReasonCode.DELETED, "gelöscht", "deleted");
        phrase(ReasonCode.PROFILE_CHANGED, "Profil geändert", "profile changed");
        phrase(ReasonCode.CREDENTIALS_OVERDUE, "Zugangsdaten überfällig", "credentials overdue");
    }

    private final boolean english;

    private AlertText(boolean english) {
        this.english = english;
    }

    /** The texts for {@code language} ({@code en} gives English, everything else German). */
    public static AlertText of(String language) {
        return new AlertText("en".equalsIgnoreCase(language));
    }

    private static void phrase(ReasonCode code, String de, String en) {
        DE.put(code, de);
        EN.put(code, en);
    }

    /** {@code de} or {@code en}. */
    public String language() {
        return english ? "en" : "de";
    }

    /** Upper-case severity label, e.g. {@code KRITISCH} or {@code CRITICAL}. */
    public String severity(Severity s) {
        if (english) {
            return s.name();
        }
        return switch (s) {
            case CRITICAL -> "KRITISCH";
            case HIGH -> "HOCH";
            case MEDIUM -> "MITTEL";
            case LOW -> "NIEDRIG";
            case INFO -> "INFO";
        };
    }

    /** The phrase of one reason, e.g. {@code außerhalb der Zeiten}. */
    public String reason(ReasonCode code) {
        return (english ? EN : DE).get(code);
    }

    /** Every reason's phrase, comma-separated, in the alert's order. */
    public String reasons(List<Finding> findings) {
        return String.join(", ", findings.stream().map(f -> reason(f.code())).toList());
    }

    /** {@code KRITISCH: sms-twitter – nicht freigegeben, außerhalb der Zeiten}. */
    public String headline(Alert a) {
        return severity(a.severity()) + ": " + a.channelId() + " – " + reasons(a.reasons());
    }

    /** The e-mail subject: {@code [Wachposten] } and the headline, with an update marker from revision 2 on. */
    public String subject(Alert a) {
        String update = a.revision() > 1 ? (english ? " (update)" : " (Aktualisierung)") : "";
        return "[Wachposten] " + headline(a) + update;
    }

    /** Publication time in Berlin time, e.g. {@code Fr 08.01.2016 06:30}. */
    public String published(Alert a) {
        Locale locale = english ? Locale.ENGLISH : Locale.GERMAN;
        String pattern = english ? "EEE yyyy-MM-dd HH:mm z" : "EE dd.MM.yyyy HH:mm z";
        return DateTimeFormatter.ofPattern(pattern, locale).format(a.post().publishedAt().atZone(BERLIN));
    }

    /** Label of the link to the post. */
    public String openPost() {
        return english ? "Open post" : "Post öffnen";
    }

    /** Label of the one-click acknowledgement link. */
    public String acknowledge() {
        return english ? "Acknowledge" : "Bestätigen";
    }

    /** The label of a resolution as a link or button text, e.g. {@code Fehlalarm}. */
    public String resolution(Resolution r) {
        return switch (r) {
            case APPROVED_LATE -> english ? "approved late" : "nachträglich freigegeben";
            case FALSE_POSITIVE -> english ? "false positive" : "Fehlalarm";
            case INCIDENT -> english ? "incident" : "Vorfall";
        };
    }

    /** Text of one acknowledgement link: {@code Bestätigen: Fehlalarm}. */
    public String acknowledgeAs(Resolution r) {
        return acknowledge() + ": " + resolution(r);
    }

    /** Label of the reasons list. */
    public String reasonsLabel() {
        return english ? "Reasons" : "Gründe";
    }

    /** Label of the publication time. */
    public String timeLabel() {
        return english ? "Published" : "Veröffentlicht";
    }

    /** Label of the post's author. */
    public String authorLabel() {
        return english ? "Author" : "Autor";
    }

    /** Label of the posting client. */
    public String clientLabel() {
        return english ? "Client" : "Client";
    }

    /** The sentence that introduces the quoted post text. */
    public String postIntro() {
        return english ? "The post as published:" : "Der Post im Wortlaut:";
    }

    /** Footer stating why the recipient gets the message. */
    public String footer(String officeName) {
        return english
                ? "Sent by Wachposten to the press office " + officeName + "."
                : "Gesendet von Wachposten an die Pressestelle " + officeName + ".";
    }
}
