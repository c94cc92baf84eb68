package de.wachposten.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At which polls a connector reads the profile. */
class ProfilePollsTest {

    private static List<Boolean> run(ProfilePolls polls, int n, boolean deliver) {
        List<Boolean> due = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean d = polls.due();
            due.add(d);
            if (d && deliver) {
                polls.delivered();
            }
        }
        return due;
    }

    @Test
    void theFirstPollAndEveryNthReadTheProfile() {
        assertThat(run(new ProfilePolls(3), 7, true)).containsExactly(true, false, false, true, false, false, true);
    }

    @Test
    void aPollWhoseProfileWasNotDeliveredIsFollowedByAnotherRead() {
        ProfilePolls polls = new ProfilePolls(5);
        assertThat(polls.due()).isTrue();
        assertThat(polls.due()).isTrue();
        polls.delivered();
        assertThat(polls.due()).isFalse();
    }

    @Test
    void anIntervalBelowOneIsRejected() {
        assertThatThrownBy(() -> new ProfilePolls(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile read interval must be at least 1 poll, not 0");
    }

    @Test
    void aProfileRefusedOrGarbledAloneCountsAsNotSeen() {
        for (PlatformException.Reason r : List.of(PlatformException.Reason.CLIENT_ERROR,
                PlatformException.Reason.MALFORMED, PlatformException.Reason.TOO_LARGE)) {
            Future<Profile> read = ProfilePolls.tolerant(Future.failedFuture(new PlatformException(r, "profile " + r)));
            assertThat(read.succeeded()).as(r.tag()).isTrue();
            assertThat(read.result()).isNull();
        }
    }

    @Test
    void failuresOfTheWholeChannelOrCredentialStillFailThePoll() {
        for (PlatformException.Reason r : List.of(PlatformException.Reason.RATE_LIMITED, PlatformException.Reason.AUTH,
                PlatformException.Reason.NOT_FOUND, PlatformException.Reason.SERVER_ERROR,
                PlatformException.Reason.TIMEOUT, PlatformException.Reason.NETWORK)) {
            PlatformException e = new PlatformException(r, "profile " + r);
            assertThat(ProfilePolls.tolerant(Future.failedFuture(e)).cause()).as(r.tag()).isSameAs(e);
        }
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(ProfilePolls.tolerant(Future.failedFuture(bug)).cause()).isSameAs(bug);
    }

    @Test
    void aProfileReadThatWorksIsPassedOn() {
        Profile p = new Profile(java.util.Map.of("display_name", "Pressestelle"));
        assertThat(ProfilePolls.tolerant(Future.succeededFuture(p)).result()).isSameAs(p);
    }
}
