package de.wachposten.approval;

import static de.wachposten.testkit.TestChannels.approval;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.model.Approval;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ApprovalMatcherTest {
    private static final Instant AT = Instant.parse("2016-01-08T09:00:00Z");
    private final ApprovalMatcher matcher = new ApprovalMatcher();

    /** Realistic pairs of approved text, posted text and the links of the post's payload that must match. */
    static Stream<Arguments> mustMatch() {
        return Stream.of(
                Arguments.of("identical after whitespace and case", "Neue Förderrichtlinie veröffentlicht.",
                        "  neue  Förderrichtlinie\nveröffentlicht. ", List.of()),
                Arguments.of("t.co link expanded in the payload",
                        "Alle Infos zur Impfkampagne: https://www.sms.sachsen.de/impfen.html",
                        "Alle Infos zur Impfkampagne: https://t.co/AbC123xyz",
                        List.of("https://www.sms.sachsen.de/impfen.html")),
                Arguments.of("tracking parameters added by the publishing tool",
                        "Unsere Pressemitteilung: https://sms.sachsen.de/pm/4711",
                        "Unsere Pressemitteilung: https://sms.sachsen.de/pm/4711?utm_source=twitter&utm_medium=social&fbclid=x1",
                        List.of()),
                Arguments.of("emoji with and without variation selector",
                        "Frohe Weihnachten ❤️ und einen guten Rutsch 🎆", "Frohe Weihnachten❤ und einen guten Rutsch 🎆",
                        List.of()),
                Arguments.of("Mastodon HTML with entities and a split link",
                        "Tag der offenen Tür & Familienfest am Samstag: https://www.sms.sachsen.de/tdot",
                        "<p>Tag der offenen T&uuml;r &amp; Familienfest am Samstag: <a href=\"https://www.sms.sachsen.de/tdot\">"
                                + "<span class=\"invisible\">https://www.</span><span>sms.sachsen.de/tdot</span></a></p>",
                        List.of("https://www.sms.sachsen.de/tdot")),
                Arguments.of("X truncation with a link to the full post",
                        "Die Staatsministerin besucht heute das Pflegeheim in Pirna und spricht mit Beschäftigten über"
                                + " die Lage in der Altenpflege im Freistaat https://sms.sachsen.de/pm/4712",
                        "Die Staatsministerin besucht heute das Pflegeheim in Pirna und spricht mit Beschäftigten über"
                                + " die Lage in der Alten… https://t.co/q1w2e3",
                        List.of("https://twitter.com/i/web/status/685367146843262976")),
                Arguments.of("platform-added trailing hashtags and mention",
                        "Die Sprechstunde der Ministerin beginnt um 10 Uhr.",
                        "Die Sprechstunde der Ministerin beginnt um 10 Uhr. #Sachsen #Pflege @sms_sachsen", List.of()),
                Arguments.of("a typo fixed before posting (similarity)",
                        "Die Staatsregierung informiert über die neuen Regeln für Kindertagesstätten ab Montag in ganz Sachsen",
                        "Die Staatsregierung informiert über die neuen Regeln für Kindertagestätten ab Montag in ganz Sachsen",
                        List.of()));
    }

    /** Near misses that a 0.9 similarity must not hide. */
    static Stream<Arguments> mustNotMatch() {
        String base = "Ab Montag, 11. Januar, sind die Bürgerbüros des Ministeriums wieder von 8 bis 16 Uhr für Sie geöffnet";
        return Stream.of(
                Arguments.of("a changed number", base, base.replace("8 bis 16", "8 bis 18"), List.of(), "'16'"),
                Arguments.of("a changed date", base, base.replace("11. Januar", "12. Januar"), List.of(), "'11'"),
                Arguments.of("a negation added", base, base.replace("wieder", "nicht wieder"), List.of(), "'nicht'"),
                Arguments.of("an insult added", base, base.replace("für Sie", "für Schmarotzer"), List.of(), "replaced"),
                Arguments.of("an insult appended", base, base + " ihr Pack", List.of(), "added"),
                Arguments.of("a different link target", "Alle Infos: https://www.sms.sachsen.de/impfen.html",
                        "Alle Infos: https://t.co/zzz", List.of("https://evil.example/impfen.html"), "link targets"),
                Arguments.of("a shortened link whose target is unknown", "Alle Infos: https://www.sms.sachsen.de/impfen.html",
                        "Alle Infos: https://bit.ly/3xyz", List.of(), "shortened link"),
                Arguments.of("another text altogether", base,
                        "Sachsens Sozialministerium: Flüchtlinge sind eine Belastung", List.of(), "similarity below"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustMatch")
    void matches(String name, String approved, String posted, List<String> links) {
        Approval a = approval("ap-1", "sms-twitter", approved, null, null);
        ApprovalMatcher.Match m = matcher.match(posted, links, AT, List.of(a), 0.9);
        assertThat(m.inWindow()).as(m.why() + " / " + m.diff()).contains(a);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustNotMatch")
    void doesNotMatch(String name, String approved, String posted, List<String> links, String why) {
        Approval a = approval("ap-1", "sms-twitter", approved, null, null);
        ApprovalMatcher.Match m = matcher.match(posted, links, AT, List.of(a), 0.9);
        assertThat(m.inWindow()).isEmpty();
        assertThat(m.textOnly()).isEmpty();
        assertThat(m.why()).contains(why);
    }

    @Test
    void aNearMissReportsItsSimilarityAndAWordDiff() {
        Approval a = approval("ap-1", "sms-twitter", "Die Schulen bleiben am Montag geöffnet", null, null);
        ApprovalMatcher.Match m = matcher.match("Die Schulen bleiben am Montag nicht geöffnet", List.of(), AT, List.of(a), 0.8);
        assertThat(m.similarity()).isBetween(0.85, 0.86);
        assertThat(m.diff()).isEqualTo("die schulen bleiben am montag {+nicht+} geöffnet");
        assertThat(m.why()).isEqualTo("'nicht' added");
        assertThat(ApprovalDetector.unapproved(m, 1)).isEqualTo("no approval matches (best similarity 0.86; nearest"
                + " ap-1: 'nicht' added; diff: die schulen bleiben am montag {+nicht+} geöffnet)");
    }

    @Test
    void anUnrelatedTextReportsOnlyItsBestSimilarity() {
        Approval a = approval("ap-1", "sms-twitter", "Tag der offenen Tür am Samstag", null, null);
        ApprovalMatcher.Match m = matcher.match("Hallo Sachsen", List.of(), AT, List.of(a), 0.9);
        assertThat(ApprovalDetector.unapproved(m, 1)).isEqualTo("no approval matches (best similarity 0.00)");
    }

    @Test
    void theExactMatchWinsOverASimilarOneAndTheOldestOverAYoungerTwin() {
        Approval similar = approval("ap-0", "c", "Die Sprechstunde beginnt heute um 10 Uhr im Ministerium am Albertplatz", null, null);
        Approval older = new Approval("ap-1", "c", "Die Sprechstunde beginnt um 10 Uhr im Ministerium am Albertplatz", null,
                null, "anna", "bernd", AT.minusSeconds(7200), null, null, null);
        Approval younger = new Approval("ap-2", "c", older.text(), null, null, "anna", "bernd", AT.minusSeconds(3600),
                null, null, null);
        ApprovalMatcher.Match m = matcher.match(older.text(), List.of(), AT, List.of(younger, similar, older), 0.9);
        assertThat(m.inWindow()).contains(older);
        assertThat(m.similarity()).isEqualTo(1.0);
    }

    @Test
    void anApprovalInItsWindowWinsOverAMoreSimilarOneOutsideIt() {
        Approval exactButLater = approval("ap-1", "c", "Die Sprechstunde beginnt um 10 Uhr im Ministerium am Albertplatz",
                AT.plusSeconds(3600), null);
        Approval nearInWindow = approval("ap-2", "c", "Die Sprechstunde beginnt heute um 10 Uhr im Ministerium am Albertplatz",
                null, null);
        ApprovalMatcher.Match m = matcher.match(exactButLater.text(), List.of(), AT, List.of(exactButLater, nearInWindow), 0.9);
        assertThat(m.inWindow()).contains(nearInWindow);
    }

    @Test
    void consumedAndRevokedApprovalsDoNotMatch() {
        Approval consumed = new Approval("ap-1", "c", "Hallo Sachsen", null, null, "anna", "bernd", AT, null, "c/1", AT);
        Approval revoked = new Approval("ap-2", "c", "Hallo Sachsen", null, null, "anna", "bernd", AT, AT, null, null);
        ApprovalMatcher.Match m = matcher.match("Hallo Sachsen", List.of(), AT, List.of(consumed, revoked), 0.9);
        assertThat(m.textOnly()).isEmpty();
        assertThat(m.similarity()).isZero();
    }

    @Test
    void aLowerThresholdLetsMoreDroppedWordsThrough() {
        Approval a = approval("ap-1", "c", "Wir informieren heute ausführlich über die neue Richtlinie", null, null);
        String posted = "Wir informieren über die neue Richtlinie";
        assertThat(matcher.match(posted, List.of(), AT, List.of(a), 0.9).inWindow()).isEmpty();
        assertThat(matcher.match(posted, List.of(), AT, List.of(a), 0.6).inWindow()).contains(a);
    }

    @Test
    void theNearestApprovalIsReportedAmongManyEvenWhenItsLengthDiffers() {
        List<Approval> many = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(approval("ap-x" + i, "c", "Termin Nummer " + i + " der Woche im Landkreis mit Ministerin und Presse"
                    + " zu Pflege Kita Schule und Ehrenamt in Sachsen", null, null));
        }
        Approval near = approval("ap-near", "c", "Die Ministerin besucht am Montag gemeinsam mit dem Landrat die neue"
                + " Kita in Pirna und spricht dort mit Eltern und Erziehern", null, null);
        many.add(near);
        String posted = "Die Ministerin besucht am Montag die neue Kita in Pirna und spricht mit Eltern und Erziehern";

        ApprovalMatcher.Match m = matcher.match(posted, List.of(), AT, many, 0.9);

        assertThat(m.inWindow()).isEmpty();
        assertThat(m.nearest()).contains(near);
        assertThat(m.similarity()).isEqualTo(1.0 - 5.0 / 21);
    }
}
