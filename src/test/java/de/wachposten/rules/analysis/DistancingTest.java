package de.wachposten.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistancingTest {

    /** One text per alternative of the distancing pattern, in its order; each needs its word in the hint list. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Wir verurteilen das.", "Die Partei distanziert sich.", "Das ist widerlegt.",
        "Er wurde als Verbrecher bezeichnet.", "Sie wurden als Pack beschimpft.", "als Feinde darstellen",
        "als Bedrohung dargestellt", "als Lügner diffamiert", "als Volk verunglimpft", "als Tiere entwürdigt",
        "die sie als Ungeziefer bezeichnete", "Er wurde beschimpft.", "die entwürdigten Opfer", "die sie Ratten nannten",
        "eine Behauptung", "ein Vorurteil", "ein Klischee", "eine Legende", "die Parolen", "ein Zitat",
        "Schmierereien am Bahnhof", "eine Hetzschrift", "die NS-Propaganda", "die Rassenideologie", "Strafanzeige",
        "wurde angezeigt", "Volksverhetzung", "der Staatsschutz", "die Polizei ermittelt", "wurde gelöscht",
        "wurde gemeldet", "Die Polizei sucht Zeugen.", "in der NS-Zeit", "die Nationalsozialisten",
        "die Gedenkstätte", "Historiker sagen", "eine Unterrichtseinheit", "die Ausstellung",
        "Hass hat keinen Platz", "an ihrer Seite", "die Beratungsstelle", "die Fachstelle", "Drohungen gegen Juden",
        "Hetze gegen Muslime", "Angriffe auf Geflüchtete",
        "WIR VERURTEILEN DAS", "Ein ZITAT", "Die Polizei ermittelt wegen Volksverhetzung.", "ZEUGEN: die Polizei SUCHT ZEUGEN"
    })
    void findsEveryAlternative(String text) {
        assertThat(Markers.distancing(text)).as(text).isTrue();
        assertThat(Markers.find(text)).as(text).contains(Markers.DISTANCING);
    }

    @Test
    void ordinaryTextsDoNotDistanceThemselves() {
        assertThat(Markers.distancing("Das Bürgerbüro ist am Montag geschlossen.")).isFalse();
        assertThat(Markers.distancing("Du bist ein Idiot")).isFalse();
        assertThat(Markers.distancing("Zitadelle")).isFalse();
        assertThat(Markers.distancing("")).isFalse();
    }

    @Test
    void caseFoldingMatchesThePatternsCaseInsensitiveComparison() {
        // the long s and the Kelvin sign compare equal to s and k in the pattern, so the hint search must see them so
        assertThat(Markers.caseFolded("ZITAT ſ K Öl")).isEqualTo("zitat s k öl");
        assertThat(Markers.distancing("Ein Zitat")).isTrue();
        assertThat(Markers.distancing("ein ZItat")).isTrue();
        assertThat(Markers.distancing("Strafanzeige wegen Beleidigung")).isTrue();
        String longS = "der Staats\u017Fchutz";
        assertThat(Markers.patternFinds(longS)).isTrue();
        assertThat(Markers.distancing(longS)).isTrue();
    }

    /** The hint list only skips texts the pattern would not match: same answer on every text we have. */
    @Test
    void hintsNeverHideAMatchOnTheCorpus() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of("training/germeval2018/germeval2018.training.txt"),
                StandardCharsets.UTF_8)) {
            texts.add(l.split("\t")[0].replace("|LBR|", "\n"));
        }
        texts.addAll(Files.readAllLines(Path.of("src/test/resources/classifier/contrastive.tsv"), StandardCharsets.UTF_8));
        texts.addAll(Files.readAllLines(Path.of("rules/classifier/examples.tsv"), StandardCharsets.UTF_8));
        int matched = 0;
        for (String t : texts) {
            boolean full = Markers.patternFinds(t);
            assertThat(Markers.distancing(t)).as(t).isEqualTo(full);
            matched += full ? 1 : 0;
        }
        assertThat(matched).isGreaterThan(100);
    }
}
