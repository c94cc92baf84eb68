package de.wachposten.api;

import static de.wachposten.api.AckLinkHandler.h;

import de.wachposten.alert.AlertText;
import de.wachposten.model.Alert;
import de.wachposten.model.Resolution;

/** The small HTML pages of {@link AckLinkHandler}; every value from an alert or post is HTML-escaped. */
final class AckPages {
    private AckPages() {}

    static String confirm(AlertText t, Alert a, Resolution r) {
        boolean en = t.language().equals("en");
        String body = "<h1>" + h(t.headline(a)) + "</h1>"
                + "<p>" + h(t.timeLabel()) + ": " + h(t.published(a)) + " · " + h(a.post().author()) + "</p>"
                + "<blockquote style=\"white-space:pre-wrap\">" + h(a.post().text()) + "</blockquote>"
                + "<form method=\"post\"><button type=\"submit\">" + h(t.acknowledgeAs(r)) + "</button></form>"
                + "<p>" + (en ? "The acknowledgement is recorded in the audit log." : "Die Bestätigung wird im "
                + "Prüfprotokoll festgehalten.") + "</p>";
        return page(t, t.acknowledge(), body);
    }

    static String done(AlertText t, Alert a) {
        boolean en = t.language().equals("en");
        String what = en ? "Acknowledged as " : "Bestätigt als ";
        return page(t, t.acknowledge(), "<h1>" + h(what + t.resolution(a.resolution())) + "</h1><p>"
                + h(t.headline(a)) + "</p>");
    }

    static String used(AlertText t, Alert a) {
        boolean en = t.language().equals("en");
        String head = en ? "This link was used already" : "Dieser Link wurde bereits verwendet";
        String state = (en ? "The alert is " : "Der Alert ist ") + a.status().wire()
                + (a.resolution() == null ? "" : " (" + t.resolution(a.resolution()) + ")") + ".";
        return page(t, head, "<h1>" + h(head) + "</h1><p>" + h(state) + "</p><p>" + h(t.headline(a)) + "</p>");
    }

    static String refused(boolean expired) {
        String head = expired ? "Dieser Link ist abgelaufen / this link has expired"
                : "Dieser Link ist ungültig / this link is not valid";
        return page(AlertText.of("de"), head, "<h1>" + h(head) + "</h1>");
    }

    static String unknown() {
        return page(AlertText.of("de"), "Alert", "<h1>" + h("Alert nicht gefunden / alert not found") + "</h1>");
    }

    private static String page(AlertText t, String title, String body) {
        return "<!DOCTYPE html><html lang=\"" + t.language() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>Wachposten – " + h(title)
                + "</title></head><body style=\"font-family:sans-serif;max-width:40em;margin:2em auto\">" + body
                + "</body></html>";
    }
}
