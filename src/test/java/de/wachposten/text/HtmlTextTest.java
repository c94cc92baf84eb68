package de.wachposten.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plain text from HTML through jsoup; the entity table checked against the WHATWG list (test resources). */
class HtmlTextTest {

    private static Map<String, String> table(String file) throws Exception {
        try (InputStream in = HtmlTextTest.class.getResourceAsStream("/html5-entities/" + file)) {
            return new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {});
        }
    }

    @Test
    void everyNamedReferenceOfHtml5DecodesToItsCharacters() throws Exception {
        Map<String, String> all = table("entities.json");
        Map<String, String> legacy = table("legacy.json");
        List<String> wrong = new ArrayList<>();
        all.forEach((name, value) -> {
            if (!HtmlText.decodeEntities("x&" + name + ";y").equals("x" + value + "y")
                    || !HtmlText.toPlainText("x&" + name + ";y", HtmlText.Whitespace.PRESERVE).equals("x" + value + "y")) {
                wrong.add(name);
            }
        });
        legacy.forEach((name, value) -> {
            if (!HtmlText.toPlainText("<p>x &" + name + " y</p>", HtmlText.Whitespace.PRESERVE)
                    .equals("x " + value + " y")) {
                wrong.add(name + " (without ;)");
            }
        });

        assertThat(all.size() + legacy.size()).isEqualTo(2231);
        assertThat(wrong).isEmpty();
    }

    @Test
    void unknownNamesAndNumericReferencesAreHandledAsBrowsersDo() {
        assertThat(HtmlText.decodeEntities("&bogus; &#x1F600; &#128512; &#39; &#0; AT&T")).isEqualTo("&bogus; 😀 😀 ' \uFFFD AT&T");
        assertThat(HtmlText.decodeEntities("ohne")).isEqualTo("ohne");
        assertThat(HtmlText.decodeEntities(null)).isNull();
    }

    @Test
    void paragraphsAreSeparatedByABlankLineOtherBlocksByALineBreak() {
        assertThat(HtmlText.toPlainText("<h2>Titel</h2>\n  <p>Absatz 1</p>\n<p>Absatz 2<br>Zeile</p>"
                + "<ul>\n<li>eins</li>\n<li>zwei</li></ul><div>a</div>\n<div>b</div>"))
                .isEqualTo("Titel\n\nAbsatz 1\n\nAbsatz 2\nZeile\n\neins\nzwei\na\nb");
    }

    @Test
    void collapsingJoinsSpacesButKeepsRawLineBreaksOfPlainText() {
        assertThat(HtmlText.toPlainText("Zeile  1\u00A0 mit\tTab\nZeile 2\n\n\n\nZeile 3  "))
                .isEqualTo("Zeile 1 mit Tab\nZeile 2\n\nZeile 3");
        assertThat(HtmlText.toPlainText("<p>zwei  Leerzeichen&nbsp;hier</p>", HtmlText.Whitespace.PRESERVE))
                .isEqualTo("zwei  Leerzeichen\u00A0hier");
    }

    @Test
    void scriptsStylesAndCommentsAreDroppedCdataMarkersAreDropped() {
        assertThat(HtmlText.toPlainText("<style>p{color:red}</style><p>Text<script>alert(1)</script></p>"
                + "<!-- x --><![CDATA[roh & <b>fett</b>]]>")).isEqualTo("Text\n\nroh & fett");
    }

    @Test
    void linksAreHttpTargetsOfHrefsAndBareUrlsEachOnce() {
        assertThat(HtmlText.links("<a href=\" https://e.example/?a=1&amp;b=2 \">x</a> <a href=\"mailto:a@b\">m</a>"
                + " siehe https://e.example/?a=1&amp;b=2 und http://f.example/pfad.")).containsExactly(
                "https://e.example/?a=1&b=2", "http://f.example/pfad");
        assertThat(HtmlText.anchors("<a class=\"U-URL Mention\" href=\"https://s.example/@a\">@a</a>"))
                .containsExactly(new HtmlText.Anchor("a", "https://s.example/@a", "u-url mention"));
        assertThat(HtmlText.links(null)).isEmpty();
    }
}
