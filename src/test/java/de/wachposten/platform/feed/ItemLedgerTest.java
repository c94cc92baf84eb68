package de.wachposten.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The item ledger: new, edited and deleted items of a window, and a cursor that only moves when something does. */
class ItemLedgerTest {
    private static final Instant T0 = Instant.parse("2016-01-08T05:00:00Z");

    private static FeedItem item(String id, String text, Instant published) {
        return new FeedItem(id, null, null, text, List.of(), published, null, "{}");
    }

    @Test
    void undatedItemsKeepTheTimeTheyWereFirstSeenSoLaterPollsSeeNoChange() throws Exception {
        ItemLedger.Outcome first = ItemLedger.apply(null, List.of(item("a", "ohne Datum", null)), T0);
        ItemLedger.Outcome later = ItemLedger.apply(first.cursor(), List.of(item("a", "ohne Datum", null)),
                T0.plusSeconds(3600));

        assertThat(first.changes()).singleElement().satisfies(c -> assertThat(c.publishedAt()).isEqualTo(T0));
        assertThat(later.changes()).isEmpty();
        assertThat(later.cursor()).isEqualTo(first.cursor());
    }

    @Test
    void aBackdatedItemThatWasNeverSeenIsNewAndChangesComeOldestFirst() throws Exception {
        String cursor = ItemLedger.apply(null, List.of(item("b", "B", T0.plusSeconds(60))), T0).cursor();

        ItemLedger.Outcome o = ItemLedger.apply(cursor, List.of(item("c", "C", T0.plusSeconds(120)),
                item("b", "B", T0.plusSeconds(60)), item("old", "zurückdatiert", T0.minusSeconds(86_400))), T0);

        assertThat(o.changes()).extracting(c -> c.item().id()).containsExactly("old", "c");
        assertThat(o.changes()).allSatisfy(c -> assertThat(c.isNew()).isTrue());
    }

    @Test
    void anEditKeepsItsEditTimeInTheCursorSoItIsReportedOnce() throws Exception {
        String cursor = ItemLedger.apply(null, List.of(item("a", "alt", T0)), T0).cursor();
        ItemLedger.Outcome edited = ItemLedger.apply(cursor, List.of(item("a", "neu", T0)), T0.plusSeconds(60));
        ItemLedger.Outcome again = ItemLedger.apply(edited.cursor(), List.of(item("a", "neu", T0)), T0.plusSeconds(120));

        assertThat(edited.changes()).singleElement().satisfies(c -> {
            assertThat(c.isNew()).isFalse();
            assertThat(c.editedAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(again.changes()).isEmpty();
    }

    @Test
    void anEmptyWindowReportsNoDeletionAndKeepsTheCursor() throws Exception {
        String cursor = ItemLedger.apply(null, List.of(item("a", "A", T0), item("b", "B", T0.plusSeconds(1))), T0)
                .cursor();

        ItemLedger.Outcome o = ItemLedger.apply(cursor, List.of(), T0);

        assertThat(o.deletedIds()).isEmpty();
        assertThat(o.cursor()).isEqualTo(cursor);
    }

    @Test
    void aForeignCursorIsRejected() {
        assertThatThrownBy(() -> ItemLedger.apply("115100000000000003", List.of(), T0))
                .isInstanceOf(ItemLedger.CursorException.class).hasMessageContaining("stored cursor");
    }

    @Test
    void undatedItemsKeepTheFeedsOrderSoADeletionIsToldFromAnItemRollingOut() throws Exception {
        ItemLedger.Outcome first = ItemLedger.apply(null,
                List.of(item("c", "drei", null), item("b", "zwei", null), item("a", "eins", null)), T0);
        assertThat(first.changes()).extracting(c -> c.item().id()).containsExactly("a", "b", "c");

        ItemLedger.Outcome second = ItemLedger.apply(first.cursor(),
                List.of(item("c", "drei", null), item("a", "eins", null)), T0.plusSeconds(60));
        assertThat(second.deletedIds()).containsExactly("b");

        ItemLedger.Outcome third = ItemLedger.apply(second.cursor(),
                List.of(item("d", "vier", null), item("c", "drei", null)), T0.plusSeconds(120));
        assertThat(third.changes()).extracting(c -> c.item().id()).containsExactly("d");
        assertThat(third.deletedIds()).isEmpty();
    }
}
