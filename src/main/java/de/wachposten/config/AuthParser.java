package de.wachposten.config;

import java.net.URI;
import java.util.List;

/**
 * Reads the top-level {@code auth} block: {@code oidc: {issuer, client_id, client_secret, user_claim}} for single
 * sign-on with the organisation's OpenID Connect provider.
 */
final class AuthParser {
    static final List<String> AUTH_KEYS = List.of("oidc");
    static final List<String> OIDC_KEYS = List.of("issuer", "client_id", "client_secret", "user_claim");
    static final String DEFAULT_USER_CLAIM = "preferred_username";

    private AuthParser() {}

    /** The OpenID Connect settings; null when {@code m} is null or has no {@code oidc} block. */
    static Config.Oidc oidc(YamlMap m) {
        if (m == null) {
            return null;
        }
        m.checkKeys(AUTH_KEYS);
        YamlMap o = m.map("oidc", "auth, oidc");
        if (o == null) {
            return null;
        }
        o.checkKeys(OIDC_KEYS);
        URI issuer = o.has("issuer") ? o.url("issuer") : null;
        if (!o.has("issuer")) {
            o.required("issuer");
        }
        String clientId = o.required("client_id");
        if (!o.has("client_secret")) {
            o.problems().error(o.line(), "missing key 'client_secret' in auth, oidc");
        }
        Secret clientSecret = o.secret("client_secret", "auth, oidc, client_secret");
        String claim = o.has("user_claim") ? o.string("user_claim") : DEFAULT_USER_CLAIM;
        if (claim != null && claim.isBlank()) {
            o.problems().error(o.line("user_claim"), "'user_claim' in auth, oidc must not be empty");
        }
        if (issuer == null || clientId == null || clientSecret == null || claim == null || claim.isBlank()) {
            return null;
        }
        return new Config.Oidc(issuer, clientId, clientSecret, claim.strip());
    }
}
