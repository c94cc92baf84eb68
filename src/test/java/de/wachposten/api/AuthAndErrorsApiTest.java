package de.wachposten.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthAndErrorsApiTest {
    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    private static JsonObject problem(int status, String title, String detail) {
        return new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
    }

    @Test
    void answers401WithABearerChallengeWithoutAToken() {
        HttpResponse<Buffer> r = api.get("/api/v1/alerts", null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.bodyAsJsonObject()).isEqualTo(problem(401, "Unauthorized",
                "missing bearer token (Authorization: Bearer <token>)"));
    }

    @Test
    void answers401WithoutEchoingAWrongToken() {
        HttpResponse<Buffer> r = api.get("/api/v1/alerts", "mallory");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(r.bodyAsJsonObject()).isEqualTo(problem(401, "Unauthorized", "invalid bearer token"));
        assertThat(r.bodyAsString()).doesNotContain("mallory");
    }

    @Test
    void answers401ForAnotherAuthorizationScheme() {
        HttpResponse<Buffer> r = ApiFixture.await(api.client.get("/api/v1/alerts")
                .putHeader("Authorization", "Basic YW5uYTphbm5hLXRva2Vu").send());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsJsonObject()).isEqualTo(problem(401, "Unauthorized",
                "the Authorization header must use the Bearer scheme"));
    }

    @Test
    void authenticatesEveryConfiguredUserByTheHashOfTheirToken() {
        Auth auth = new Auth(ApiFixture.config().users());

        assertThat(auth.authenticate("anna-token").id()).isEqualTo("anna");
        assertThat(auth.authenticate("root-token").id()).isEqualTo("root");
        assertThat(auth.authenticate("anna-token ")).isNull();
        assertThat(auth.authenticate("")).isNull();
    }

    @Test
    void answers413ForABodyOverSixtyFourKibibytes() {
        String big = new JsonObject().put("channel", "sms-twitter").put("text", "x".repeat(70_000))
                .put("drafted_by", "anna").encode();

        HttpResponse<Buffer> r = api.post("/api/v1/approvals", "bernd", big);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.bodyAsJsonObject()).isEqualTo(problem(413, "Request Entity Too Large",
                "request body larger than 65536 bytes"));
        assertThat(api.store.approvals(null)).isEmpty();
    }

    @Test
    void answers404AsProblemForAnUnknownPath() {
        HttpResponse<Buffer> r = api.get("/api/v1/nothing", "anna");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.bodyAsJsonObject()).isEqualTo(problem(404, "Not Found", "no resource at /api/v1/nothing"));
    }

    @Test
    void answers500WithoutInternalsWhenTheStoreFails() {
        api.failStoreWith(new IllegalStateException("jdbc:postgresql://db/wachposten?password=hunter2 is down"));

        HttpResponse<Buffer> r = api.get("/api/v1/alerts", "anna");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.bodyAsJsonObject()).isEqualTo(problem(500, "Internal Server Error",
                "internal error; see the server log"));
    }
}
