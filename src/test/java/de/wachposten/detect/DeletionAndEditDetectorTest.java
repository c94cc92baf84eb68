package de.wachposten.detect;

import static de.wachposten.testkit.TestChannels.channel;
import static de.wachposten.testkit.TestChannels.policy;
import static de.wachposten.testkit.TestChannels.post;
import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.config.ChannelConfig;
import de.wachposten.config.ChannelStatus;
import de.wachposten.model.Finding;
import de.wachposten.model.Post;
import de.wachposten.model.ReasonCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code deleted} and {@code edited}: what happened to a post after it was seen, in German and English. */
class DeletionAndEditDetectorTest {
    private static final Instant T = Instant.parse("2016-01-08T09:00:00Z");
    private static final ChannelConfig CHANNEL = channel("sms", policy(false, ChannelStatus.ACTIVE));
    private static final Post POST = post("sms", "1", "Guten Morgen", T);

    private static List<Finding> run(Detector d, Event e, String language) {
        Findings out = new Findings();
        if (d.handles(e.kind())) {
            d.detect(e, new DetectionContext(CHANNEL, T.plusSeconds(3600), List.of(), Messages.of(language),
                    ChannelHistory.EMPTY), out);
        }
        return out.list();
    }

    @Test
    void aDeletionNamesWhenItWasFoundGoneAndHowManyVersionsTheArchiveKeeps() {
        Event.Deleted twoKept = new Event.Deleted(POST, Instant.parse("2016-01-08T10:15:30.123Z"), 2);
        Event.Deleted oneKept = new Event.Deleted(POST, Instant.parse("2016-01-08T10:15:30Z"), 1);

        assertThat(run(new DeletionDetector(), twoKept, "en")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ReasonCode.DELETED);
            assertThat(f.severity()).isEqualTo(ReasonCode.DELETED.defaultSeverity());
            assertThat(f.detail()).isEqualTo("the post disappeared from the platform (found gone at "
                    + "2016-01-08T10:15:30Z); the archive keeps 2 versions");
        });
        assertThat(run(new DeletionDetector(), oneKept, "en")).extracting(Finding::detail).containsExactly(
                "the post disappeared from the platform (found gone at 2016-01-08T10:15:30Z); the archive keeps"
                        + " 1 version");
        assertThat(run(new DeletionDetector(), twoKept, "de")).extracting(Finding::detail).containsExactly(
                "Der Beitrag ist von der Plattform verschwunden (festgestellt 2016-01-08T10:15:30Z); das Archiv"
                        + " behält 2 Versionen");
        assertThat(run(new DeletionDetector(), oneKept, "de")).extracting(Finding::detail).containsExactly(
                "Der Beitrag ist von der Plattform verschwunden (festgestellt 2016-01-08T10:15:30Z); das Archiv"
                        + " behält 1 Version");
    }

    @Test
    void anEditNamesTheVersionAndThePlatformsEditTimeWhenItGivesOne() {
        Instant edited = Instant.parse("2016-01-08T09:30:00Z");

        assertThat(run(new EditDetector(), new Event.Edited(POST, 2, edited), "en")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ReasonCode.EDITED);
            assertThat(f.severity()).isEqualTo(ReasonCode.EDITED.defaultSeverity());
            assertThat(f.detail()).isEqualTo("the post was edited at 2016-01-08T09:30:00Z after it was seen; version 2,"
                    + " earlier versions kept in the archive");
        });
        assertThat(run(new EditDetector(), new Event.Edited(POST, 3, null), "en")).extracting(Finding::detail)
                .containsExactly("the post was changed after it was seen; version 3, earlier versions kept in the archive");
        assertThat(run(new EditDetector(), new Event.Edited(POST, 2, edited), "de")).extracting(Finding::detail)
                .containsExactly("Der Beitrag wurde nach dem Abruf bearbeitet (2016-01-08T09:30:00Z); Version 2,"
                        + " frühere Versionen bleiben im Archiv");
        assertThat(run(new EditDetector(), new Event.Edited(POST, 3, null), "de")).extracting(Finding::detail)
                .containsExactly("Der Beitrag wurde nach dem Abruf geändert; Version 3, frühere Versionen bleiben im"
                        + " Archiv");
    }

    @Test
    void eachHandlesItsOwnKindOnly() {
        assertThat(Event.Kind.values()).filteredOn(k -> new DeletionDetector().handles(k))
                .containsExactly(Event.Kind.DELETED);
        assertThat(Event.Kind.values()).filteredOn(k -> new EditDetector().handles(k))
                .containsExactly(Event.Kind.EDITED);
        assertThat(run(new DeletionDetector(), new Event.Published(POST), "en")).isEmpty();
        assertThat(run(new EditDetector(), new Event.Published(POST), "en")).isEmpty();
    }
}
