package de.wachposten.approval;

import static de.wachposten.testkit.TestChannels.approval;
import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.detect.ChannelHistory;
import de.wachposten.detect.DetectionContext;
import de.wachposten.detect.Event;
import de.wachposten.detect.Findings;
import de.wachposten.detect.Messages;
import de.wachposten.model.Approval;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalDetectorTest {
    private static final Instant TEN = Instant.parse("2016-01-08T09:00:00Z");
    private final ChannelConfig channel = channel("sms-mastodon", policy(true, ChannelStatus.ACTIVE));
    private final ApprovalDetector detector = new ApprovalDetector();

    private Findings run(String text, Instant at, List<Approval> approvals, int version) {
        Findings out = new Findings();
        Post p = post(channel.id(), "1", text, at);
        Event e = version == 1 ? new Event.Published(p) : new Event.Edited(p, version);
        if (detector.handles(e.kind())) {
            detector.detect(e, new DetectionContext(channel, at, approvals, Messages.of("en"), ChannelHistory.EMPTY),
                    out);
        }
        return out;
    }

    @Test
    void aPostWithoutAnyApprovalIsUnapproved() {
        Findings out = run("Hallo Sachsen", TEN, List.of(), 1);
        assertThat(out.list()).extracting(Finding::code).containsExactly(ReasonCode.UNAPPROVED);
        assertThat(out.list().get(0).detail()).isEqualTo("no approval matches (best similarity 0.00; 0 open approvals for this channel)");
        assertThat(out.consumedApprovalId()).isNull();
    }

    @Test
    void anApprovedTextInsideItsWindowConsumesTheApprovalAndRaisesNothing() {
        Approval a = approval("ap-1", channel.id(), "Neue Förderrichtlinie veröffentlicht", TEN.minusSeconds(3600), TEN.plusSeconds(3600));
        Findings out = run("<p>Neue  Förderrichtlinie\nveröffentlicht</p>", TEN, List.of(a), 1);
        assertThat(out.list()).isEmpty();
        assertThat(out.consumedApprovalId()).isEqualTo("ap-1");
    }

    @Test
    void matchingIgnoresCaseWhitespaceAndHtmlEntities() {
        Approval a = approval("ap-1", channel.id(), "Tag der offenen Tür & Familienfest", null, null);
        Findings out = run("TAG der offenen T&uuml;r &amp; Familienfest ", TEN, List.of(a), 1);
        assertThat(out.list()).isEmpty();
        assertThat(out.consumedApprovalId()).isEqualTo("ap-1");
    }

    @Test
    void anApprovedTextOutsideItsWindowRaisesOutsideApprovalWindow() {
        Approval a = approval("ap-1", channel.id(), "Pressemitteilung", TEN, TEN.plusSeconds(3600));
        Findings out = run("Pressemitteilung", TEN.minusSeconds(12600), List.of(a), 1);
        assertThat(out.list()).extracting(Finding::code).containsExactly(ReasonCode.OUTSIDE_APPROVAL_WINDOW);
        assertThat(out.list().get(0).detail())
                .isEqualTo("text approved as ap-1 for Fri 08.01.2016 10:00 – Fri 08.01.2016 11:00, published Fri 08.01.2016 06:30");
        assertThat(out.consumedApprovalId()).isNull();
    }

    @Test
    void aChangedTextIsUnapprovedEvenWhenSimilar() {
        Approval a = approval("ap-1", channel.id(), "Die Sprechstunde beginnt um 10 Uhr", null, null);
        Findings out = run("Die Sprechstunde beginnt um 11 Uhr", TEN, List.of(a), 1);
        assertThat(out.list()).extracting(Finding::code).containsExactly(ReasonCode.UNAPPROVED);
    }

    @Test
    void revokedAndConsumedApprovalsDoNotCount() {
        Approval revoked = new Approval("ap-1", channel.id(), "Text", null, null, "anna", "bernd", TEN, TEN, null, null);
        Approval used = new Approval("ap-2", channel.id(), "Text", null, null, "anna", "bernd", TEN, null, "sms/9", TEN);
        Findings out = run("Text", TEN, List.of(revoked, used), 1);
        assertThat(out.list()).extracting(Finding::code).containsExactly(ReasonCode.UNAPPROVED);
    }

    @Test
    void anApprovalAllowingRepeatsStaysOpenUntilItsLastUse() {
        Approval usedOnce = new Approval("ap-r", channel.id(), "Text", null, null, "anna", "bernd", TEN, null, "sms/1", TEN,
                2, 1);
        assertThat(run("Text", TEN, List.of(usedOnce), 1).consumedApprovalId()).isEqualTo("ap-r");
        Approval usedUp = new Approval("ap-r", channel.id(), "Text", null, null, "anna", "bernd", TEN, null, "sms/2", TEN,
                2, 2);
        assertThat(run("Text", TEN, List.of(usedUp), 1).list()).extracting(Finding::code)
                .containsExactly(ReasonCode.UNAPPROVED);
    }

    @Test
    void aGermanOfficeReadsTheExplanationInGerman() {
        Findings out = new Findings();
        detector.detect(new Event.Published(post(channel.id(), "1", "Hallo Sachsen", TEN)),
                new DetectionContext(channel, TEN, List.of(), Messages.of("de"), ChannelHistory.EMPTY), out);
        assertThat(out.list().get(0).detail())
                .isEqualTo("keine Freigabe passt (größte Ähnlichkeit 0,00; keine offene Freigabe für diesen Kanal)");
    }

    @Test
    void theOldestOfSeveralMatchingApprovalsIsConsumedFirst() {
        Approval newer = new Approval("ap-b", channel.id(), "Text", null, null, "anna", "bernd", TEN, null, null, null);
        Approval older = new Approval("ap-a", channel.id(), "Text", null, null, "anna", "bernd", TEN.minusSeconds(60), null, null, null);
        assertThat(run("Text", TEN, List.of(newer, older), 1).consumedApprovalId()).isEqualTo("ap-a");
    }

    @Test
    void channelsWithoutApprovalRequirementAndLaterVersionsAreNotChecked() {
        ChannelConfig free = channel("free", policy(false, ChannelStatus.ACTIVE));
        Findings out = new Findings();
        detector.detect(new Event.Published(post("free", "1", "x", TEN)), new DetectionContext(free, TEN, List.of()), out);
        assertThat(out.list()).isEmpty();
        assertThat(run("x", TEN, List.of(), 2).list()).isEmpty();
    }
}
