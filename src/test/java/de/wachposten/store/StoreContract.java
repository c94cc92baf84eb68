package de.wachposten.store;

import static de.wachposten.store.StoreFixtures.CHANNEL;
import static de.wachposten.store.StoreFixtures.T0;
import static de.wachposten.store.StoreFixtures.approval;
import static de.wachposten.store.StoreFixtures.edited;
import static de.wachposten.store.StoreFixtures.finding;
import static de.wachposten.store.StoreFixtures.flagged;
import static de.wachposten.store.StoreFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wachposten.model.Alert;
import de.wachposten.model.AlertStatus;
import de.wachposten.model.Approval;
import de.wachposten.model.Draft;
import de.wachposten.model.Finding;
import de.wachposten.model.Media;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import de.wachposten.model.Resolution;
import de.wachposten.model.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour every {@link Store} shows. An implementation's test extends this class and says how to open a store kept
 * in a directory.
 */
public abstract class StoreContract {

    protected static final List<String> SINK_KEYS = List.of("sms-presse/webhook/0", "sms-presse/email/1");
    protected static final Recipients SINKS = Recipients.fixed(SINK_KEYS);

    @TempDir
    protected Path dir;
    protected final StoreFixtures.MutableClock clock = new StoreFixtures.MutableClock(T0);
    protected Store store;

    /** A new, empty store kept in {@code dir}. */
    protected abstract Store newStore(Path dir, Clock clock);

    /** The store in {@code dir} opened again, as after a restart. */
    protected abstract Store reopen(Path dir, Clock clock);

    @BeforeEach
    void openStore() {
        store = newStore(dir, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected void restart() {
        store.close();
        store = reopen(dir, clock);
    }

    protected Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    protected List<StoredPost> ingest(Post... posts) {
        return store.ingest(CHANNEL, List.of(posts), List.of(), "c-1", false, at(60));
    }

    protected StoredPost ingestOne(Post p) {
        return ingest(p).getFirst();
    }

    // ---- account profiles ----

    @Test
    public void aSavedProfileIsReadBackAfterARestartAndReplacedByTheNextRevision() {
        assertThat(store.profile(CHANNEL)).isEmpty();
        store.saveProfile(CHANNEL, new ProfileSnapshot(1, Map.of("display_name", "Presse", "avatar", "a.png"), T0));
        store.saveProfile(CHANNEL, new ProfileSnapshot(2, Map.of("display_name", "Gekapert", "avatar", "a.png"),
                T0.plusSeconds(60)));
        store.close();
        store = reopen(dir, clock);

        assertThat(store.profile(CHANNEL)).contains(new ProfileSnapshot(2,
                Map.of("display_name", "Gekapert", "avatar", "a.png"), T0.plusSeconds(60)));
        assertThat(store.profile("other-channel")).isEmpty();
        assertThat(store.auditEvents("channel/" + CHANNEL, null, null)).extracting(e -> e.get("type"))
                .containsExactly("profile.saved", "profile.saved");
    }

    // ---- posts and channels ----

    @Test
    public void aNewPostIsStoredAsVersionOneAndNeedsDetection() {
        Post p = post("1", "Guten Morgen", 0);
        List<StoredPost> written = ingest(p);

        assertThat(written).hasSize(1);
        StoredPost v = written.getFirst();
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.post()).isEqualTo(p);
        assertThat(v.detected()).isFalse();
        assertThat(store.versions(CHANNEL, "1")).containsExactly(v);
        assertThat(store.pendingDetection(10)).containsExactly(v);
    }

    @Test
    public void aPostRoundTripsEveryFieldToTheNanosecond() {
        Post p = new Post(CHANNEL, "mastodon", "9", "https://social.example/@sms/9", "sms", "Text mit Ümlaut",
                Instant.parse("2016-01-08T05:30:00.123456789Z"), Instant.parse("2016-01-08T05:31:00.5Z"), "Elk",
                "de", List.of("https://a.example/", "https://b.example/x?y=1"), Instant.parse("2016-01-08T05:32:00Z"),
                "{\"content\":\"<p>Text mit &Uuml;mlaut</p>\"}");
        store.ingest(CHANNEL, List.of(p), List.of(), "c", false, at(3));
        restart();

        assertThat(store.versions(CHANNEL, "9")).singleElement().satisfies(v -> assertThat(v.post()).isEqualTo(p));
    }

    @Test
    public void replyRepostQuoteFlagsAndMediaRoundTrip() {
        Post p = post("10", "Antwort mit Bild", 0).withShape(true, false, true, List.of(
                new Media("image", "https://files.example/a.jpg", "Plakat"), new Media("video", null, null)));
        store.ingest(CHANNEL, List.of(p), List.of(), "c", false, at(3));
        restart();

        assertThat(store.versions(CHANNEL, "10")).singleElement().satisfies(v -> {
            assertThat(v.post()).isEqualTo(p);
            assertThat(v.post().media()).hasSize(2);
        });
    }

    @Test
    public void ingestingTheSamePostTwiceStoresItOnce() {
        Post p = post("1", "Guten Morgen", 0);
        ingest(p);
        List<StoredPost> second = ingest(p, p);

        assertThat(second).isEmpty();
        assertThat(store.versions(CHANNEL, "1")).hasSize(1);
        assertThat(store.channelState(CHANNEL).postsSeen()).isEqualTo(1);
    }

    @Test
    public void changedTextEditTimeOrLinksBecomeNewVersionsButPayloadCountersDoNot() {
        Post p = post("1", "Guten Morgen", 0);
        ingest(p);
        Post edit = edited(p, "Guten Morgen, Sachsen", at(5));
        Post payloadOnly = new Post(CHANNEL, "twitter", "1", edit.url(), edit.author(), edit.text(),
                edit.publishedAt(), edit.editedAt(), edit.client(), edit.language(), edit.links(), at(9), "{\"likes\":3}");
        Post newLink = new Post(CHANNEL, "twitter", "1", edit.url(), edit.author(), edit.text(),
                edit.publishedAt(), edit.editedAt(), edit.client(), edit.language(), List.of("https://evil.example/"),
                at(10), "{}");

        assertThat(ingest(edit)).singleElement().satisfies(v -> assertThat(v.version()).isEqualTo(2));
        assertThat(ingest(payloadOnly)).isEmpty();
        assertThat(ingest(newLink)).singleElement().satisfies(v -> assertThat(v.version()).isEqualTo(3));
        assertThat(store.versions(CHANNEL, "1")).extracting(v -> v.post().text())
                .containsExactly("Guten Morgen", "Guten Morgen, Sachsen", "Guten Morgen, Sachsen");
        assertThat(store.recentPosts(CHANNEL, 10)).singleElement()
                .satisfies(v -> assertThat(v.version()).isEqualTo(3));
    }

    @Test
    public void aDeletedPostGetsATombstoneVersionAfterThePostsOfThePoll() {
        Post gone = post("1", "Bald weg", 0);
        ingest(gone);
        List<StoredPost> written = store.ingest(CHANNEL, List.of(post("2", "Neu", 10)), List.of("1", "404"), "c-2",
                false, at(61));

        assertThat(written).extracting(StoredPost::key).containsExactly(CHANNEL + "/2", CHANNEL + "/1");
        StoredPost tomb = written.get(1);
        assertThat(tomb.version()).isEqualTo(2);
        assertThat(tomb.deletedAt()).isEqualTo(at(61));
        assertThat(tomb.post()).isEqualTo(gone);
        assertThat(store.recentPosts(CHANNEL, 10)).extracting(StoredPost::key).containsExactly(CHANNEL + "/2");
        assertThat(store.ingest(CHANNEL, List.of(), List.of("1"), null, false, at(62))).isEmpty();
        assertThat(store.versions(CHANNEL, "1")).hasSize(2);
    }

    @Test
    public void archiveOnlyStoresVersionsAsDetectedAndReturnsNone() {
        List<StoredPost> written = store.ingest(CHANNEL, List.of(post("1", "alt", 0)), List.of(), "c-1", true, at(1));

        assertThat(written).isEmpty();
        assertThat(store.versions(CHANNEL, "1")).singleElement().satisfies(v -> assertThat(v.detected()).isTrue());
        assertThat(store.pendingDetection(10)).isEmpty();
    }

    @Test
    public void theCursorIsNullUntilTheFirstIngestAndSurvivesARestart() {
        assertThat(store.channelState(CHANNEL).firstPoll()).isTrue();
        store.ingest(CHANNEL, List.of(post("1", "a", 0)), List.of(), "cursor-7", false, at(1));
        restart();

        ChannelState s = store.channelState(CHANNEL);
        assertThat(s.cursor()).isEqualTo("cursor-7");
        assertThat(s.lastSuccessAt()).isEqualTo(at(1));
        assertThat(s.lastPollAt()).isEqualTo(at(1));
        assertThat(s.postsSeen()).isEqualTo(1);
    }

    @Test
    public void aPollWithoutCursorKeepsTheStoredOneAndStillEndsTheFirstPoll() {
        store.ingest("other", List.of(), List.of(), null, false, at(1));
        assertThat(store.channelState("other").firstPoll()).isFalse();

        store.ingest(CHANNEL, List.of(), List.of(), "c-1", false, at(1));
        store.ingest(CHANNEL, List.of(), List.of(), null, false, at(2));
        assertThat(store.channelState(CHANNEL).cursor()).isEqualTo("c-1");
    }

    @Test
    public void aFailedPollKeepsTheCursorAndTheNextSuccessClearsTheError() {
        store.ingest(CHANNEL, List.of(), List.of(), "c-1", false, at(1));
        store.recordPollFailure(CHANNEL, at(2), "HTTP 429");

        ChannelState failed = store.channelState(CHANNEL);
        assertThat(failed.cursor()).isEqualTo("c-1");
        assertThat(failed.lastError()).isEqualTo("HTTP 429");
        assertThat(failed.lastPollAt()).isEqualTo(at(2));
        assertThat(failed.lastSuccessAt()).isEqualTo(at(1));

        store.ingest(CHANNEL, List.of(), List.of(), "c-2", false, at(3));
        assertThat(store.channelState(CHANNEL).lastError()).isNull();
        assertThat(store.channelStates()).extracting(ChannelState::channelId).containsExactly(CHANNEL);
    }

    @Test
    public void versionsPendingDetectionSurviveARestartOldestFirst() {
        ingest(post("1", "a", 0), post("2", "b", 1));
        StoredPost first = store.pendingDetection(10).getFirst();
        store.commitDetection(first, List.of(), null, "sms-presse", SINKS, at(61));
        restart();

        assertThat(store.pendingDetection(10)).extracting(v -> v.post().platformId()).containsExactly("2");
    }

    @Test
    public void recentPostsAreNewestPublishedFirst() {
        ingest(post("1", "a", 0), post("3", "c", 20), post("2", "b", 10));

        assertThat(store.recentPosts(CHANNEL, 2)).extracting(v -> v.post().platformId()).containsExactly("3", "2");
    }

    @Test
    public void searchFindsLatestVersionsCaseInsensitivelyWithinTheRange() {
        Post p = post("1", "Grüße aus DRESDEN", 0);
        ingest(p, post("2", "Leipzig", 10), post("3", "dresden am Abend", 30));
        store.ingest(CHANNEL, List.of(), List.of("1"), null, false, at(70));
        store.ingest("other", List.of(new Post("other", "twitter", "4", null, null, "Dresden", at(5), null, null,
                null, null, at(6), null)), List.of(), "x", false, at(70));

        assertThat(store.searchPosts(CHANNEL, "grÜSSe", null, null, 10)).isEmpty();
        assertThat(store.searchPosts(CHANNEL, "grüße aus dresden", null, null, 10)).singleElement()
                .satisfies(v -> assertThat(v.deletedAt()).isEqualTo(at(70)));
        assertThat(store.searchPosts(CHANNEL, "Dresden", null, null, 10)).extracting(v -> v.post().platformId())
                .containsExactly("3", "1");
        assertThat(store.searchPosts(null, "dresden", at(0), at(30), 10)).extracting(v -> v.post().platformId())
                .containsExactly("4", "1");
    }

    // ---- approvals ----

    @Test
    public void approvalsRoundTripAndListNewestFirst() {
        Approval a = store.addApproval(approval("ap-1", "Guten Morgen", at(-60)));
        store.addApproval(approval("ap-2", "Guten Abend", at(-30)));

        assertThat(a).isEqualTo(approval("ap-1", "Guten Morgen", at(-60)));
        assertThat(store.approval("ap-1")).contains(a);
        assertThat(store.approval("ap-x")).isEmpty();
        assertThat(store.approvals(null)).extracting(Approval::id).containsExactly("ap-2", "ap-1");
        assertThat(store.approvals("other")).isEmpty();
        assertThat(store.openApprovals(CHANNEL)).extracting(Approval::id).containsExactly("ap-2", "ap-1");
    }

    @Test
    public void aSettingKeepsItsFirstValueAcrossRestarts() {
        assertThat(store.setting("ack_link_key", "first")).isEqualTo("first");
        assertThat(store.setting("ack_link_key", "second")).isEqualTo("first");
        restart();
        assertThat(store.setting("ack_link_key", "third")).isEqualTo("first");
        assertThat(store.setting("other", "x")).isEqualTo("x");
    }

    @Test
    public void aRevokedApprovalIsNoLongerOpenAndCannotBeRevokedAgain() {
        store.addApproval(approval("ap-1", "Guten Morgen", at(-60)));
        Approval revoked = store.revokeApproval("ap-1", "bernd", at(-10));

        assertThat(revoked.revokedAt()).isEqualTo(at(-10));
        assertThat(store.openApprovals(CHANNEL)).isEmpty();
        assertThatThrownBy(() -> store.revokeApproval("ap-1", "bernd", at(-5)))
                .isInstanceOf(IllegalStateException.class).hasMessage("approval ap-1 was already revoked");
        assertThatThrownBy(() -> store.revokeApproval("ap-x", "bernd", at(-5)))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown approval 'ap-x'");
        assertThat(store.auditEvents(CHANNEL + "/approvals/ap-1", null, null)).extracting(e -> e.get("type"))
                .containsExactly("approval.created", "approval.revoked");
    }

    @Test
    public void aDraftCollectsApproversAndBecomesTheApprovalInOneStep() {
        Draft d = store.addDraft(Draft.submitted("dr-1", CHANNEL, "Guten Morgen", null, at(3600), "anna", at(-60)));
        assertThat(d.status()).isEqualTo(Draft.Status.PENDING);

        Draft once = store.approveDraft("dr-1", "dora", null, at(-50));
        assertThat(once.approvers()).containsExactly("dora");
        assertThat(once.status()).isEqualTo(Draft.Status.PENDING);
        assertThatThrownBy(() -> store.approveDraft("dr-1", "dora", null, at(-45)))
                .isInstanceOf(IllegalStateException.class).hasMessage("draft dr-1 is already approved by dora");

        Draft done = store.approveDraft("dr-1", "bernd", approval("ap-9", "Guten Morgen", at(-40)), at(-40));
        assertThat(done.status()).isEqualTo(Draft.Status.APPROVED);
        assertThat(done.approvers()).containsExactly("dora", "bernd");
        assertThat(done.approvalId()).isEqualTo("ap-9");
        assertThat(done.decidedAt()).isEqualTo(at(-40));
        assertThat(store.approval("ap-9")).isPresent();
        assertThat(store.drafts(CHANNEL, Draft.Status.APPROVED)).extracting(Draft::id).containsExactly("dr-1");
        assertThat(store.drafts(null, Draft.Status.PENDING)).isEmpty();
        assertThat(store.auditEvents(null, null, null)).extracting(e -> e.get("type"))
                .contains("draft.submitted", "draft.approved", "approval.created");
    }

    @Test
    public void aLateApprovalIsRecordedOnceAndListedByChannel() {
        store.addApproval(approval("ap-1", "Guten Morgen", at(-60)));

        store.markApprovalLate("ap-1", CHANNEL + "/123", "a-1", at(-50));

        assertThat(store.lateApprovals(CHANNEL)).containsExactly(Map.entry("ap-1", CHANNEL + "/123"));
        assertThat(store.lateApprovals("other")).isEmpty();
        assertThatThrownBy(() -> store.markApprovalLate("ap-1", CHANNEL + "/124", "a-2", at(-40)))
                .isInstanceOf(IllegalStateException.class).hasMessage("approval ap-1 is already recorded as late");
    }

    @Test
    public void anEntryOfTheDaemonIsStoredOnceWithItsKindForDetectionWithoutRecordingAPoll() {
        Post p = post("credentials:1", "credentials of the channel not rotated", 0);

        assertThat(store.addEntry(StoredPost.Kind.CREDENTIALS, p, false, at(10))).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.post()).isEqualTo(p);
            assertThat(v.kind()).isEqualTo(StoredPost.Kind.CREDENTIALS);
        });
        Post changed = post("credentials:1", "other text, same id", 0);
        restart();
        assertThat(store.addEntry(StoredPost.Kind.CREDENTIALS, changed, false, at(20))).isEmpty();

        assertThat(store.versions(CHANNEL, "credentials:1")).singleElement().satisfies(v -> {
            assertThat(v.post().text()).isEqualTo("credentials of the channel not rotated");
            assertThat(v.kind()).isEqualTo(StoredPost.Kind.CREDENTIALS);
        });
        assertThat(store.pendingDetection(10)).extracting(v -> v.post().platformId()).containsExactly("credentials:1");
        assertThat(store.channelState(CHANNEL).lastSuccessAt()).isNull();
    }

    @Test
    public void postsAreOfKindPostAndRecentPostsLeaveTheEntriesOfTheDaemonOut() {
        store.ingest(CHANNEL, List.of(post("1", "Guten Morgen", 0)), List.of(), "c1", false, at(0));
        store.addEntry(StoredPost.Kind.PROFILE, post("profile:2", "profile changed: bio", 5), false, at(5));
        store.addEntry(StoredPost.Kind.CREDENTIALS, post("credentials:3", "credentials not rotated", 6), true, at(6));

        assertThat(store.recentPosts(CHANNEL, 10)).extracting(v -> v.post().platformId()).containsExactly("1");
        assertThat(store.searchPosts(CHANNEL, null, null, null, 10)).extracting(StoredPost::kind)
                .containsExactly(StoredPost.Kind.CREDENTIALS, StoredPost.Kind.PROFILE, StoredPost.Kind.POST);
        assertThat(store.pendingDetection(10)).extracting(v -> v.post().platformId())
                .containsExactly("1", "profile:2");
        assertThatThrownBy(() -> store.addEntry(StoredPost.Kind.POST, post("4", "x", 7), false, at(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void aRotationClosesTheOpenTasksOfItsChannelOnly() {
        store.openRotationTasks("anna", at(-3600), List.of(CHANNEL, "other"), "root", at(-60));

        store.recordCredentialRotation(CHANNEL, "bernd", at(-30));

        assertThat(store.rotationTasks(CHANNEL)).singleElement().satisfies(t -> {
            assertThat(t.userId()).isEqualTo("anna");
            assertThat(t.leftAt()).isEqualTo(at(-3600));
            assertThat(t.closedAt()).isEqualTo(at(-30));
        });
        assertThat(store.rotationTasks("other")).singleElement().satisfies(t -> assertThat(t.open()).isTrue());
        assertThat(store.lastCredentialRotations()).containsExactly(Map.entry(CHANNEL, at(-30)));
    }

    @Test
    public void aRejectedDraftKeepsItsReasonAndCannotBeDecidedAgain() {
        store.addDraft(Draft.submitted("dr-1", CHANNEL, "Guten Morgen", null, null, "anna", at(-60)));

        Draft rejected = store.rejectDraft("dr-1", "bernd", "zu lang", at(-30));

        assertThat(rejected.status()).isEqualTo(Draft.Status.REJECTED);
        assertThat(rejected.reason()).isEqualTo("zu lang");
        assertThat(store.draft("dr-1")).contains(rejected);
        assertThatThrownBy(() -> store.approveDraft("dr-1", "dora", null, at(-20)))
                .isInstanceOf(IllegalStateException.class).hasMessage("draft dr-1 is already rejected");
        assertThatThrownBy(() -> store.rejectDraft("dr-x", "dora", "nein", at(-20)))
                .isInstanceOf(StoreException.class).hasMessageContaining("dr-x");
    }

    @Test
    public void aConsumedApprovalCannotBeRevoked() {
        store.addApproval(approval("ap-1", "Guten Morgen", at(-60)));
        StoredPost v = ingestOne(post("123", "Guten Morgen", 0));
        store.commitDetection(v, List.of(), "ap-1", "sms-presse", SINKS, at(61));

        Approval consumed = store.approval("ap-1").orElseThrow();
        assertThat(consumed.consumedBy()).isEqualTo(CHANNEL + "/123");
        assertThat(consumed.consumedAt()).isEqualTo(at(61));
        assertThatThrownBy(() -> store.revokeApproval("ap-1", "bernd", at(62)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("approval ap-1 was already consumed by " + CHANNEL + "/123");
    }

    @Test
    public void aSecondConsumptionFailsAndRollsBackTheWholeCommit() {
        store.addApproval(approval("ap-1", "Guten Morgen", at(-60)));
        List<StoredPost> vs = ingest(post("1", "Guten Morgen", 0), post("2", "Guten Morgen", 1));
        store.commitDetection(vs.get(0), List.of(), "ap-1", "sms-presse", SINKS, at(61));
        int auditBefore = store.auditEvents(null, null, null).size();

        assertThatThrownBy(() -> store.commitDetection(vs.get(1), List.of(finding(ReasonCode.OUTSIDE_HOURS)), "ap-1",
                "sms-presse", SINKS, at(62))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already consumed by " + CHANNEL + "/1");

        String alertId = Alert.idFor(CHANNEL, "2");
        assertThat(store.alert(alertId)).isEmpty();
        assertThat(store.deliveries(alertId)).isEmpty();
        assertThat(store.pendingDetection(10)).extracting(StoredPost::versionId).containsExactly(vs.get(1).versionId());
        assertThat(store.auditEvents(null, null, null)).hasSize(auditBefore);
        assertThat(store.approval("ap-1").orElseThrow().consumedBy()).isEqualTo(CHANNEL + "/1");
    }

    @Test
    public void anApprovalAllowingRepeatsIsUsedUpAfterItsMaxUses() {
        store.addApproval(approval("ap-r", "Guten Morgen", at(-60)).withMaxUses(2));
        List<StoredPost> vs = ingest(post("1", "Guten Morgen", 0), post("2", "Guten Morgen", 1), post("3", "Guten Morgen", 2));
        store.commitDetection(vs.get(0), List.of(), "ap-r", "sms-presse", SINKS, at(61));
        Approval once = store.approval("ap-r").orElseThrow();
        assertThat(once.uses()).isEqualTo(1);
        assertThat(once.open()).isTrue();
        assertThat(store.openApprovals(CHANNEL)).extracting(Approval::id).containsExactly("ap-r");

        store.commitDetection(vs.get(1), List.of(), "ap-r", "sms-presse", SINKS, at(62));
        Approval twice = store.approval("ap-r").orElseThrow();
        assertThat(twice.uses()).isEqualTo(2);
        assertThat(twice.maxUses()).isEqualTo(2);
        assertThat(twice.consumedBy()).isEqualTo(CHANNEL + "/2");
        assertThat(twice.open()).isFalse();
        assertThat(store.openApprovals(CHANNEL)).isEmpty();
        assertThatThrownBy(() -> store.commitDetection(vs.get(2), List.of(), "ap-r", "sms-presse", SINKS, at(63)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already consumed by " + CHANNEL + "/2");
    }

    @Test
    public void aPartlyUsedApprovalCanStillBeRevoked() {
        store.addApproval(approval("ap-p", "Guten Morgen", at(-60)).withMaxUses(3));
        List<StoredPost> vs = ingest(post("1", "Guten Morgen", 0));
        store.commitDetection(vs.get(0), List.of(), "ap-p", "sms-presse", SINKS, at(61));
        Approval revoked = store.revokeApproval("ap-p", "bernd", at(62));
        assertThat(revoked.revokedAt()).isEqualTo(at(62));
        assertThat(revoked.uses()).isEqualTo(1);
        assertThat(revoked.open()).isFalse();
    }

    // ---- detection and alerts ----

    @Test
    public void findingsCreateAnOpenAlertWithOneDeliveryPerSink() {
        StoredPost v = ingestOne(post("1", "Flüchtlinge sind …", 0));
        List<Finding> findings = List.of(finding(ReasonCode.UNAPPROVED), flagged("de-dehumanizing", Severity.CRITICAL));
        Alert a = store.commitDetection(v, findings, null, "sms-presse", SINKS, at(61)).orElseThrow();

        assertThat(a.id()).isEqualTo(Alert.idFor(CHANNEL, "1"));
        assertThat(a.revision()).isEqualTo(1);
        assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.reasons()).isEqualTo(findings);
        assertThat(a.post()).isEqualTo(v.post());
        assertThat(a.officeId()).isEqualTo("sms-presse");
        assertThat(a.platform()).isEqualTo("twitter");
        assertThat(a.createdAt()).isEqualTo(at(61));
        assertThat(store.deliveries(a.id())).extracting(d -> d.get("sink"), d -> d.get("revision"), d -> d.get("state"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SINK_KEYS.get(0), 1, "pending"),
                        org.assertj.core.groups.Tuple.tuple(SINK_KEYS.get(1), 1, "pending"));
        assertThat(store.pendingDetection(10)).isEmpty();
        assertThat(store.alerts(AlertStatus.OPEN, CHANNEL)).containsExactly(a);
    }

    @Test
    public void alertPagesFilterByOfficeStatusChannelAndReasonNewestFirstWithALimit() {
        List<Alert> made = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StoredPost v = ingestOne(post("p" + i, "Beitrag " + i, i));
            ReasonCode reason = i % 2 == 0 ? ReasonCode.UNAPPROVED : ReasonCode.OUTSIDE_HOURS;
            String office = i == 4 ? "smk-presse" : "sms-presse";
            made.add(store.commitDetection(v, List.of(finding(reason)), null, office, SINKS, at(61 + i)).orElseThrow());
        }
        store.closeAlert(made.get(0).id(), AlertStatus.ACKNOWLEDGED, Resolution.FALSE_POSITIVE, "bernd", null,
                Recipients.NONE, at(70));

        assertThat(store.alertPage(AlertQuery.first(null, null, null, null, 10))).extracting(Alert::id)
                .containsExactly(made.get(4).id(), made.get(3).id(), made.get(2).id(), made.get(1).id(),
                        made.get(0).id());
        assertThat(store.alertPage(AlertQuery.first(java.util.Set.of("sms-presse"), AlertStatus.OPEN, CHANNEL, null,
                10))).extracting(Alert::id).containsExactly(made.get(3).id(), made.get(2).id(), made.get(1).id());
        assertThat(store.alertPage(AlertQuery.first(java.util.Set.of("sms-presse"), null, null,
                ReasonCode.UNAPPROVED, 10))).extracting(Alert::id).containsExactly(made.get(2).id(),
                made.get(0).id());
        assertThat(store.alertPage(AlertQuery.first(null, null, null, null, 2))).extracting(Alert::id)
                .containsExactly(made.get(4).id(), made.get(3).id());
        assertThat(store.alertPage(AlertQuery.first(java.util.Set.of(), null, null, null, 10))).isEmpty();
        assertThat(store.alertPage(AlertQuery.first(null, null, "other-channel", null, 10))).isEmpty();
    }

    @Test
    public void alertPagesAreKeysetPagesBeforeOrAfterACursorWithTiesInCreationTimeOrderedById() {
        List<Alert> made = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            StoredPost v = ingestOne(post("k" + i, "Beitrag " + i, i));
            // pairs created in the same instant: the id decides their order
            made.add(store.commitDetection(v, List.of(finding(ReasonCode.UNAPPROVED)), null, "sms-presse", SINKS,
                    at(61 + i / 2)).orElseThrow());
        }
        List<String> newestFirst = made.stream().sorted(java.util.Comparator.comparing(Alert::createdAt)
                .thenComparing(Alert::id).reversed()).map(Alert::id).toList();

        List<String> walked = new java.util.ArrayList<>();
        List<Alert> page = store.alertPage(AlertQuery.first(null, AlertStatus.OPEN, null, null, 3));
        while (!page.isEmpty()) {
            page.forEach(a -> walked.add(a.id()));
            page = store.alertPage(new AlertQuery(null, AlertStatus.OPEN, null, null,
                    AlertQuery.Key.of(page.getLast()), null, 3));
        }
        assertThat(walked).isEqualTo(newestFirst);

        Alert oldest = store.alert(newestFirst.getLast()).orElseThrow();
        assertThat(store.alertPage(new AlertQuery(null, AlertStatus.OPEN, null, null, null,
                AlertQuery.Key.of(oldest), 3))).extracting(Alert::id).as("the 3 right after, newest first")
                .containsExactlyElementsOf(newestFirst.subList(3, 6));
        Alert middle = store.alert(newestFirst.get(3)).orElseThrow();
        assertThat(store.alertPage(new AlertQuery(null, null, null, ReasonCode.UNAPPROVED, null,
                AlertQuery.Key.of(middle), 10))).extracting(Alert::id).containsExactlyElementsOf(
                newestFirst.subList(0, 3));
        assertThat(store.alertPage(new AlertQuery(null, null, null, ReasonCode.OUTSIDE_HOURS, null, null, 10)))
                .isEmpty();
    }

    @Test
    public void theReasonFilterFindsAReasonAddedByALaterRevision() {
        StoredPost v1 = ingestOne(post("r1", "Beitrag", 0));
        Alert a = store.commitDetection(v1, List.of(finding(ReasonCode.UNAPPROVED)), null, "sms-presse", SINKS,
                at(61)).orElseThrow();
        assertThat(store.alertPage(AlertQuery.first(null, null, null, ReasonCode.DELETED, 10))).isEmpty();
        store.ingest(CHANNEL, List.of(), List.of("r1"), null, false, at(120));
        StoredPost tomb = store.versions(CHANNEL, "r1").getLast();
        store.commitDetection(tomb, List.of(finding(ReasonCode.DELETED), finding(ReasonCode.UNAPPROVED)), null,
                "sms-presse", SINKS, at(121));

        assertThat(store.alertPage(AlertQuery.first(null, null, null, ReasonCode.DELETED, 10))).extracting(Alert::id)
                .containsExactly(a.id());
        assertThat(store.alertPage(AlertQuery.first(null, null, null, ReasonCode.UNAPPROVED, 10)))
                .extracting(Alert::id).containsExactly(a.id());
    }

    @Test
    public void noFindingsAndNoAlertGiveNothingButMarkTheVersionDetected() {
        StoredPost v = ingestOne(post("1", "Guten Morgen", 0));

        assertThat(store.commitDetection(v, List.of(), null, "sms-presse", SINKS, at(61))).isEmpty();
        assertThat(store.pendingDetection(10)).isEmpty();
        assertThat(store.alerts(null, null)).isEmpty();
        assertThat(store.outboxBacklog()).isZero();
    }

    @Test
    public void aNewReasonUpdatesTheAlertAndAKnownOneChangesNothing() {
        Post p = post("1", "Guten Morgen", 0);
        StoredPost v1 = ingestOne(p);
        store.commitDetection(v1, List.of(finding(ReasonCode.OUTSIDE_HOURS)), null, "sms-presse", SINKS, at(61));
        StoredPost v2 = ingestOne(edited(p, "Guten Morgen!", at(70)));
        Alert updated = store.commitDetection(v2, List.of(finding(ReasonCode.OUTSIDE_HOURS),
                finding(ReasonCode.EDITED), flagged("r-1", Severity.LOW)), null, "sms-presse", SINKS, at(71)).orElseThrow();

        assertThat(updated.revision()).isEqualTo(2);
        assertThat(updated.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(updated.reasons()).extracting(Finding::code).containsExactly(ReasonCode.OUTSIDE_HOURS,
                ReasonCode.EDITED, ReasonCode.FLAGGED_CONTENT);
        assertThat(updated.post()).isEqualTo(v2.post());
        assertThat(updated.updatedAt()).isEqualTo(at(71));
        assertThat(store.deliveries(updated.id())).hasSize(4);

        StoredPost v3 = ingestOne(edited(p, "Guten Morgen!!", at(80)));
        Optional<Alert> same = store.commitDetection(v3, List.of(finding(ReasonCode.EDITED)), null, "sms-presse",
                SINKS, at(81));
        assertThat(same).contains(updated);
        assertThat(store.deliveries(updated.id())).hasSize(4);
    }

    @Test
    public void anotherFlaggedRuleIsANewReason() {
        Post p = post("1", "x", 0);
        StoredPost v1 = ingestOne(p);
        store.commitDetection(v1, List.of(flagged("r-1", Severity.LOW)), null, "sms-presse", SINKS, at(61));
        StoredPost v2 = ingestOne(edited(p, "y", at(70)));
        Alert a = store.commitDetection(v2, List.of(flagged("r-2", Severity.CRITICAL)), null, "sms-presse", SINKS,
                at(71)).orElseThrow();

        assertThat(a.reasons()).extracting(Finding::rule).containsExactly("r-1", "r-2");
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.revision()).isEqualTo(2);
    }

    @Test
    public void aNewReasonReopensAnAcknowledgedAlert() {
        Post p = post("1", "x", 0);
        StoredPost v1 = ingestOne(p);
        Alert a = store.commitDetection(v1, List.of(finding(ReasonCode.UNAPPROVED)), null, "sms-presse", SINKS,
                at(61)).orElseThrow();
        store.closeAlert(a.id(), AlertStatus.ACKNOWLEDGED, Resolution.FALSE_POSITIVE, "bernd", null, SINKS, at(62));
        StoredPost tomb = store.ingest(CHANNEL, List.of(), List.of("1"), null, false, at(70)).getFirst();
        Alert reopened = store.commitDetection(tomb, List.of(finding(ReasonCode.DELETED)), null, "sms-presse", SINKS,
                at(71)).orElseThrow();

        assertThat(reopened.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(reopened.resolution()).isNull();
        assertThat(reopened.revision()).isEqualTo(3);
        assertThat(store.auditEvents(CHANNEL + "/1", null, null)).extracting(e -> e.get("type")).containsExactly(
                "post.seen", "finding.recorded", "alert.created", "alert.acknowledged", "post.deleted",
                "finding.recorded", "alert.updated");
    }

    @Test
    public void closingAnAlertBumpsTheRevisionConsumesTheApprovalAndNotifiesEverySink() {
        StoredPost v = ingestOne(post("1", "Guten Morgen", 0));
        Alert a = store.commitDetection(v, List.of(finding(ReasonCode.UNAPPROVED)), null, "sms-presse", SINKS,
                at(61)).orElseThrow();
        store.addApproval(approval("ap-late", "Guten Morgen", at(90)));
        Alert closed = store.closeAlert(a.id(), AlertStatus.RESOLVED, Resolution.APPROVED_LATE, "bernd", "ap-late",
                SINKS, at(91));

        assertThat(closed.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(closed.resolution()).isEqualTo(Resolution.APPROVED_LATE);
        assertThat(closed.revision()).isEqualTo(2);
        assertThat(store.approval("ap-late").orElseThrow().consumedBy()).isEqualTo(CHANNEL + "/1");
        assertThat(store.deliveries(a.id())).filteredOn(d -> d.get("revision").equals(2)).hasSize(2);
        assertThat(store.alerts(AlertStatus.OPEN, null)).isEmpty();
        assertThat(store.alerts(AlertStatus.RESOLVED, null)).containsExactly(closed);
        Map<String, Object> event = store.auditEvents(CHANNEL + "/1", null, null).getLast();
        assertThat(event.get("type")).isEqualTo("alert.resolved");
        assertThat(event.get("data")).isEqualTo(Map.of("alert_id", a.id(), "revision", 2, "by", "bernd",
                "resolution", "approved_late"));
    }

    @Test
    public void anOpenAlertEscalatesWhenDueThenOnlyAfterRepeatAndNeverOnceClosed() {
        StoredPost v = ingestOne(post("1", "Guten Morgen", 0));
        Alert a = store.commitDetection(v, List.of(finding(ReasonCode.UNAPPROVED)), null, "sms-presse", SINKS,
                at(61)).orElseThrow();
        Recipients esc = Recipients.fixed(List.of("sms-presse/escalation#0:email"));
        java.time.Duration after = java.time.Duration.ofMinutes(30);
        java.time.Duration repeat = java.time.Duration.ofMinutes(120);

        assertThat(store.escalate(a.id(), after, repeat, esc, at(90))).isEmpty();
        Alert first = store.escalate(a.id(), after, repeat, esc, at(91)).orElseThrow();
        assertThat(first.revision()).isEqualTo(2);
        assertThat(first.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(store.escalate(a.id(), after, repeat, esc, at(200))).isEmpty();
        restart();
        assertThat(store.escalate(a.id(), after, repeat, esc, at(211)).orElseThrow().revision()).isEqualTo(3);
        assertThat(store.deliveries(a.id())).filteredOn(d -> d.get("sink").equals("sms-presse/escalation#0:email"))
                .extracting(d -> d.get("revision")).containsExactly(2, 3);
        assertThat(store.auditEvents(CHANNEL + "/1", null, null).getLast().get("type")).isEqualTo("alert.escalated");

        store.closeAlert(a.id(), AlertStatus.ACKNOWLEDGED, Resolution.INCIDENT, "bernd", null, SINKS, at(400));
        assertThat(store.escalate(a.id(), after, repeat, esc, at(500))).isEmpty();
        assertThat(store.escalate("a-0000", after, repeat, esc, at(500))).isEmpty();
    }

    @Test
    public void withoutRepeatAnAlertEscalatesOnce() {
        StoredPost v = ingestOne(post("1", "Guten Morgen", 0));
        Alert a = store.commitDetection(v, List.of(finding(ReasonCode.UNAPPROVED)), null, "sms-presse", SINKS,
                at(61)).orElseThrow();
        Recipients esc = Recipients.fixed(List.of("sms-presse/escalation#0:webhook"));
        assertThat(store.escalate(a.id(), java.time.Duration.ofMinutes(5), null, esc, at(70))).isPresent();
        assertThat(store.escalate(a.id(), java.time.Duration.ofMinutes(5), null, esc, at(9000))).isEmpty();
    }

    @Test
    public void closingAnUnknownAlertFails() {
        assertThatThrownBy(() -> store.closeAlert("a-0000", AlertStatus.ACKNOWLEDGED, Resolution.INCIDENT, "bernd",
                null, SINKS, at(1))).isInstanceOf(StoreException.class).hasMessageContaining("unknown alert 'a-0000'");
    }

    // ---- outbox ----

    @Test
    public void theOutboxHandsOutDueEntriesAndRecordsTheirOutcome() {
        StoredPost v = ingestOne(post("1", "x", 0));
        Alert a = store.commitDetection(v, List.of(finding(ReasonCode.UNAPPROVED)), null, "sms-presse", SINKS,
                at(61)).orElseThrow();
        List<Delivery> due = store.dueDeliveries(at(61), 10);
        assertThat(due).extracting(Delivery::sinkKey).containsExactlyElementsOf(SINK_KEYS);
        assertThat(store.dueDeliveries(at(60), 10)).isEmpty();
        assertThat(store.outboxBacklog()).isEqualTo(2);

        store.deliverySucceeded(due.get(0).id(), at(62));
        store.deliveryRetry(due.get(1).id(), at(70), "HTTP 503");
        assertThat(store.dueDeliveries(at(69), 10)).isEmpty();
        Delivery retried = store.dueDeliveries(at(70), 10).getFirst();
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.lastError()).isEqualTo("HTTP 503");
        store.deliveryDead(retried.id(), at(71), "HTTP 400");

        assertThat(store.outboxBacklog()).isZero();
        assertThat(store.deliveries(a.id())).extracting(d -> d.get("state"), d -> d.get("attempts"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("delivered", 1),
                        org.assertj.core.groups.Tuple.tuple("dead", 2));
        assertThat(store.deliveries(a.id()).getFirst().get("delivered_at")).isEqualTo(at(62));
        assertThatThrownBy(() -> store.deliveryRetry(retried.id(), at(80), "again"))
                .isInstanceOf(IllegalStateException.class).hasMessage("delivery " + retried.id() + " is already dead");
        assertThat(store.auditEvents(CHANNEL + "/1", null, null)).extracting(e -> e.get("type"))
                .endsWith("alert.delivered", "alert.dead_letter");
    }

    // ---- concurrency ----

    @Test
    public void concurrentWritersKeepTheAuditChainIntact() throws Exception {
        int threads = 4;
        int perThread = 25;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String id = thread + "-" + i;
                        store.ingest(CHANNEL, List.of(post(id, "text " + id, i)), List.of(), "c-" + id, false, at(i));
                        store.audit("test.event", "t/" + id, Map.of(), at(i));
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        }

        assertThat(store.channelState(CHANNEL).postsSeen()).isEqualTo(threads * perThread);
        assertThat(store.verifyAudit()).isEqualTo(new AuditCheck(2L * threads * perThread, true, -1, null));
    }

    // ---- audit ----

    @Test
    public void theAuditChainVerifiesAndFiltersBySubjectAndTime() {
        store.audit("channel.offboarding", "people/carl", Map.of("channels", List.of("a", "b")), at(1));
        ingest(post("1", "x", 0));
        store.audit("channel.note", CHANNEL, Map.of("n", 1), at(100));

        assertThat(store.verifyAudit()).isEqualTo(new AuditCheck(3, true, -1, null));
        assertThat(store.auditEvents("people/", null, null)).singleElement().satisfies(e -> {
            assertThat(e.get("seq")).isEqualTo(1L);
            assertThat(e.get("at")).isEqualTo(at(1));
            assertThat(e.get("data")).isEqualTo(Map.of("channels", List.of("a", "b")));
            assertThat((String) e.get("hash")).hasSize(64);
        });
        assertThat(store.auditEvents(CHANNEL, at(60), at(100))).extracting(e -> e.get("type"))
                .containsExactly("post.seen");
    }

    @Test
    public void retentionRemovesOldPostsWithoutAlertButKeepsAlertedOnesAndTheNewest() {
        StoredPost old = ingestOne(post("1", "Guten Morgen", 0));
        StoredPost alerted = ingestOne(post("2", "ohne Freigabe", 1));
        StoredPost recent = ingestOne(post("3", "Neu", 2));
        store.commitDetection(old, List.of(), null, "sms-presse", SINKS, at(61));
        store.commitDetection(alerted, List.of(finding(ReasonCode.UNAPPROVED)), null, "sms-presse", SINKS, at(61));
        store.commitDetection(recent, List.of(), null, "sms-presse", SINKS, at(61));
        store.ingest(CHANNEL, List.of(), List.of("2"), "c-2", false, at(62));

        assertThat(store.purgeArchive(at(10), 1, at(70))).isEqualTo(1);

        assertThat(store.versions(CHANNEL, "1")).isEmpty();
        assertThat(store.versions(CHANNEL, "2")).hasSize(2).last().satisfies(v -> assertThat(v.deletedAt()).isEqualTo(at(62)));
        assertThat(store.versions(CHANNEL, "3")).hasSize(1);
        assertThat(store.auditEvents("archive", null, null)).extracting(e -> e.get("type")).containsExactly("archive.purged");
        assertThat(store.verifyAudit().ok()).isTrue();
        assertThat(store.purgeArchive(at(10), 1, at(71))).isZero();
    }

    @Test
    public void retentionKeepsTheNewestPostsOfKindPostWhateverTheDaemonAddedAfterThem() {
        StoredPost newest = ingestOne(post("1", "Guten Morgen", 0));
        store.commitDetection(newest, List.of(), null, "sms-presse", SINKS, at(61));
        StoredPost profile = store.addEntry(StoredPost.Kind.PROFILE, post("profile:2", "profile changed", 1), false,
                at(61)).orElseThrow();
        store.commitDetection(profile, List.of(finding(ReasonCode.PROFILE_CHANGED)), null, "sms-presse", SINKS, at(62));

        assertThat(store.purgeArchive(at(10), 1, at(70))).isZero();

        assertThat(store.versions(CHANNEL, "1")).hasSize(1);
        assertThat(store.versions(CHANNEL, "profile:2")).hasSize(1);
    }

    @Test
    public void aLeaseIsHeldByOneInstanceUntilItLapsesAndPassesOnWithTheNextToken() {
        String name = Lease.channel(CHANNEL);
        Lease a = store.acquireLease(name, "a", at(0), at(1)).orElseThrow();
        assertThat(a.token()).isEqualTo(1);
        assertThat(store.acquireLease(name, "b", at(0), at(1))).as("live lease of a").isEmpty();
        assertThat(store.acquireLease(name, "a", at(0), at(2))).as("renewed by its holder").get()
                .extracting(Lease::token).isEqualTo(1L);

        Lease b = store.acquireLease(name, "b", at(2), at(3)).orElseThrow();
        assertThat(b.token()).as("taken over after lapsing").isEqualTo(2);
        assertThat(store.renewLeases("a", at(5))).isEmpty();
        assertThat(store.renewLeases("b", at(5))).singleElement().satisfies(l -> {
            assertThat(l.expiresAt()).isEqualTo(at(5));
            assertThat(l.token()).isEqualTo(2);
        });

        store.releaseLease(a, at(3));
        assertThat(store.leases()).singleElement().extracting(Lease::holder).isEqualTo("b");
        store.releaseLease(b, at(3));
        Lease again = store.acquireLease(name, "a", at(3), at(4)).orElseThrow();
        assertThat(again.token()).as("a released lease passes on at once, with a new token").isEqualTo(3);
    }

    @Test
    public void aPollStoresTheArchivedIdsAsDetectedAndReturnsTheRestAndWatchingBeginsOnce() {
        assertThat(store.channelState(CHANNEL).watchedSince()).isNull();
        store.startWatching(CHANNEL, at(5), null);
        store.startWatching(CHANNEL, at(9), null);
        assertThat(store.channelState(CHANNEL).watchedSince()).as("the earliest beginning is kept").isEqualTo(at(5));
        assertThat(store.channelState(CHANNEL).firstPoll()).isTrue();

        List<StoredPost> fresh = store.ingest(CHANNEL, List.of(post("1", "Vorher", 4), post("2", "Nachher", 6)),
                List.of(), "c-2", Set.of("1"), at(10), null);

        assertThat(fresh).extracting(v -> v.post().platformId()).containsExactly("2");
        assertThat(store.versions(CHANNEL, "1")).singleElement().satisfies(v -> assertThat(v.detected()).isTrue());
        assertThat(store.pendingDetection(10)).extracting(v -> v.post().platformId()).containsExactly("2");
        assertThat(store.channelState(CHANNEL).watchedSince()).isEqualTo(at(5));
        assertThat(store.channelState(CHANNEL).cursor()).isEqualTo("c-2");
    }

    @Test
    public void aPollFencedWithALeaseThatPassedOnIsRefusedAndWritesNothing() {
        String name = Lease.channel(CHANNEL);
        Lease old = store.acquireLease(name, "a", at(0), at(1)).orElseThrow();
        assertThat(store.ingest(CHANNEL, List.of(post("1", "Guten Morgen", 0)), List.of(), "c-1", Set.of(), at(0), old))
                .hasSize(1);
        store.acquireLease(name, "b", at(2), at(3)).orElseThrow();

        assertThatThrownBy(() -> store.ingest(CHANNEL, List.of(post("2", "Späte Antwort", 1)), List.of(), "c-2",
                Set.of(), at(2), old)).isInstanceOf(LeaseLostException.class)
                .hasMessageContaining("lease " + name + " of a (token 1) was taken over by b (token 2)");
        assertThatThrownBy(() -> store.recordPollFailure(CHANNEL, at(2), "timeout", old))
                .isInstanceOf(LeaseLostException.class);
        assertThatThrownBy(() -> store.startWatching("other", at(2), old)).isInstanceOf(LeaseLostException.class);

        assertThat(store.versions(CHANNEL, "2")).isEmpty();
        assertThat(store.channelState(CHANNEL).cursor()).isEqualTo("c-1");
        assertThat(store.channelState(CHANNEL).lastError()).isNull();
    }

    @Test
    public void instancesAreAliveWhileTheirHeartbeatReachesAhead() {
        store.heartbeat("b", at(0), at(1));
        store.heartbeat("a", at(0), at(2));
        assertThat(store.liveInstances(at(0))).containsExactly("a", "b");
        assertThat(store.liveInstances(at(1))).containsExactly("a");
        store.heartbeat("b", at(1), at(3));
        assertThat(store.liveInstances(at(2))).containsExactly("b");
    }

    @Test
    public void theArchiveChangeFeedNamesWrittenEntriesInAuditOrderAndStopsAtItsLimit() {
        assertThat(store.auditHead()).isZero();
        ingest(post("1", "Guten Morgen", 0), post("2", "Hallo", 1));
        long afterFirst = store.auditHead();
        store.ingest(CHANNEL, List.of(edited(post("1", "Guten Morgen", 0), "Guten Abend", at(5))), List.of("2"),
                "c-2", false, at(62));
        store.audit("daemon.started", "daemon", Map.of(), at(63));

        ArchiveChanges all = store.archiveChanges(0, 100);
        assertThat(all.keys()).containsExactly(CHANNEL + "/1", CHANNEL + "/2");
        assertThat(all.lastSeq()).isEqualTo(store.auditHead());
        assertThat(all.more()).isFalse();
        assertThat(all.purgedBefore()).isNull();

        ArchiveChanges first = store.archiveChanges(0, 1);
        assertThat(first.keys()).containsExactly(CHANNEL + "/1");
        assertThat(first.more()).isTrue();
        ArchiveChanges rest = store.archiveChanges(first.lastSeq(), 100);
        assertThat(rest.keys()).containsExactly(CHANNEL + "/2", CHANNEL + "/1");

        ArchiveChanges later = store.archiveChanges(afterFirst, 100);
        assertThat(later.keys()).containsExactly(CHANNEL + "/1", CHANNEL + "/2");
        assertThat(store.archiveChanges(store.auditHead(), 100).keys()).isEmpty();
    }

    @Test
    public void latestVersionsAreReadByKeyAndPagedByVersionId() {
        ingest(post("1", "Guten Morgen", 0), post("2", "Hallo", 1), post("3", "Tschüss", 2));
        store.ingest(CHANNEL, List.of(edited(post("1", "Guten Morgen", 0), "Guten Abend", at(5))), List.of(),
                "c-2", false, at(62));

        assertThat(store.latestVersions(List.of(CHANNEL + "/1", CHANNEL + "/3", CHANNEL + "/nope", "other/1")))
                .extracting(v -> v.post().platformId() + ":" + v.post().text())
                .containsExactlyInAnyOrder("1:Guten Abend", "3:Tschüss");

        List<StoredPost> first = store.latestVersionsAfter(0, 2);
        assertThat(first).extracting(v -> v.post().platformId()).containsExactly("2", "3");
        List<StoredPost> second = store.latestVersionsAfter(first.getLast().versionId(), 2);
        assertThat(second).extracting(v -> v.post().text()).containsExactly("Guten Abend");
        assertThat(store.latestVersionsAfter(second.getLast().versionId(), 2)).isEmpty();
    }

    @Test
    public void aRetentionPurgeShowsInTheChangeFeedWithItsCutOff() {
        StoredPost old = ingestOne(post("1", "Guten Morgen", 0));
        store.commitDetection(old, List.of(), null, "sms-presse", SINKS, at(61));
        ingestOne(post("2", "Neu", 2));
        long before = store.auditHead();

        assertThat(store.purgeArchive(at(1), 1, at(70))).isEqualTo(1);

        ArchiveChanges changes = store.archiveChanges(before, 100);
        assertThat(changes.purgedBefore()).isEqualTo(at(1));
        assertThat(changes.keys()).isEmpty();
    }
}
