package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.wachposten.testkit.TestAlerts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostSearchApiTest {
    private static final Instant T0 = Instant.parse("2016-01-08T05:00:00Z");
    private final ApiFixture api = new ApiFixture();

    @BeforeEach
    void archive() {
        api.putPost(ApiFixture.tweet("1", "Besuch im Pflegeheim Dresden-Nord", T0), null);
        api.putPost(ApiFixture.tweet("2", "Sperrung der Hauptstraße wegen Bauarbeiten", T0.plusSeconds(600)), null);
        api.putPost(ApiFixture.tweet("3", "Herzliche Grüße aus Görlitz", T0.plusSeconds(1200)),
                T0.plusSeconds(1500));
        api.putPost(ApiFixture.tweet("4", "Neue Pflegeheime in Leipzig eröffnet", T0.plusSeconds(3600)), null);
    }

    @AfterEach
    void close() {
        api.close();
    }

    private JsonArray ids(String query) {
        HttpResponse<Buffer> r = api.get("/api/v1/posts?" + query, "anna");
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonArray();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aPluralFindsTheSingularThroughGermanStemming() {
        assertThat(ids(q("Pflegeheime"))).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("4", "1");
        assertThat(ids(q("pflegeheim dresden"))).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("1");
    }

    @Test
    void foldsUmlautsAndSharpS() {
        assertThat(ids(q("HAUPTSTRASSE"))).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("2");
        assertThat(ids(q("gruesse goerlitz"))).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("3");
        assertThat(ids(q("eroffnet"))).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("4");
    }

    @Test
    void supportsLuceneOperatorsAndPhrases() {
        assertThat(ids(q("pflegeheim -leipzig"))).extracting(o -> ((JsonObject) o).getString("id")).containsExactly("1");
        assertThat(ids(q("görlitz OR bauarbeiten"))).extracting(o -> ((JsonObject) o).getString("id"))
                .containsExactly("3", "2");
        assertThat(ids(q("\"pflegeheime in leipzig\""))).extracting(o -> ((JsonObject) o).getString("id"))
                .containsExactly("4");
    }

    @Test
    void findsADeletedPostWithItsDeletionTime() {
        JsonArray found = ids(q("Grüße"));

        assertThat(found).hasSize(1);
        assertThat(found.getJsonObject(0).getString("deleted_at")).isEqualTo("2016-01-08T05:25:00Z");
    }

    @Test
    void keepsTheChannelTimeSpanLimitAndReasonFilters() {
        assertThat(ids(q("pflegeheim") + "&from=2016-01-08T05:30:00Z")).extracting(o -> ((JsonObject) o).getString("id"))
                .containsExactly("4");
        assertThat(ids(q("pflegeheim") + "&to=2016-01-08T05:30:00Z")).extracting(o -> ((JsonObject) o).getString("id"))
                .containsExactly("1");
        assertThat(ids(q("pflegeheim") + "&limit=1")).extracting(o -> ((JsonObject) o).getString("id"))
                .containsExactly("4");
        assertThat(ids(q("pflegeheim") + "&channel=sms-twitter")).hasSize(2);
        assertThat(api.get("/api/v1/posts?channel=smk-twitter&" + q("pflegeheim"), "anna").statusCode()).isEqualTo(403);
        api.putPost(ApiFixture.tweet("100", "Pflegeheime ohne Freigabe", TestAlerts.PUBLISHED), null);
        api.putAlert(TestAlerts.alert("100"));
        assertThat(ids(q("pflegeheim") + "&reason=unapproved")).extracting(o -> ((JsonObject) o).getString("id"))
                .containsExactly("100");
        assertThat(ids(q("leipzig") + "&reason=unapproved")).isEmpty();
    }

    @Test
    void rejectsAQueryWithASyntaxErrorNamingTheProblem() {
        HttpResponse<Buffer> r = api.get("/api/v1/posts?" + q("pflegeheim AND (dresden"), "anna");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.getHeader("content-type")).startsWith("application/problem+json");
        assertThat(r.bodyAsJsonObject().getString("detail")).startsWith("field 'q': Cannot parse 'pflegeheim AND (dresden'");
        assertThat(api.get("/api/v1/posts?" + q("*heim"), "anna").bodyAsJsonObject().getString("detail"))
                .startsWith("field 'q': Cannot parse '*heim'");
        assertThat(api.get("/api/v1/posts?" + q("!!!"), "anna").statusCode()).isEqualTo(400);
    }
}
