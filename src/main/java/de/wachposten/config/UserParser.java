package de.wachposten.config;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code users} list: people who use the API, their roles and the hash of their token. */
final class UserParser {
    static final List<String> KEYS = List.of("id", "name", "roles", "offices", "token_sha256");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private UserParser() {
    }

    /** Reads every user; users with errors are left out of the result but their ids still go into {@code ids}. */
    static List<User> parseAll(YamlMap top, IdRegistry ids, IdRegistry offices) {
        List<Node> items = top.items("users");
        List<User> out = new java.util.ArrayList<>();
        Map<String, String> tokenOwners = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String label = "users[" + i + "]";
            YamlMap m = YamlMap.of(items.get(i), label, label, top.problems(), top.env());
            User u = m == null ? null : parse(m, ids, offices, tokenOwners);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    private static User parse(YamlMap m, IdRegistry ids, IdRegistry offices, Map<String, String> tokenOwners) {
        int before = m.problems().count();
        String id = ids.read(m);
        m.checkKeys(KEYS);
        String name = m.string("name");
        Set<Role> roles = roles(m);
        Set<String> officeIds = new LinkedHashSet<>();
        for (Scalar s : m.scalars("offices")) {
            if (offices.contains(s.value())) {
                officeIds.add(s.value());
            } else {
                m.problems().error(s.line(), "unknown office '" + s.raw() + "' in " + m.label());
            }
        }
        String token = token(m, tokenOwners);
        return m.problems().count() == before ? new User(id, name, roles, officeIds, token) : null;
    }

    private static Set<Role> roles(YamlMap m) {
        Set<Role> roles = new LinkedHashSet<>();
        if (!m.has("roles")) {
            m.problems().error(m.line(), "missing key 'roles' in " + m.label());
            return roles;
        }
        if (m.node("roles") instanceof SequenceNode list && list.getValue().isEmpty()) {
            m.problems().error(m.line("roles"), "'roles' in " + m.label()
                    + " must list at least one role (drafter, approver, viewer or admin)");
        }
        for (Scalar s : m.scalars("roles")) {
            try {
                roles.add(Role.parse(s.value()));
            } catch (IllegalArgumentException e) {
                m.problems().error(s.line(), "unknown role '" + s.raw() + "' in " + m.label()
                        + " (expected drafter, approver, viewer or admin)");
            }
        }
        return roles;
    }

    /** The lower-case token hash; two users with one token could not be told apart, so that is an error too. */
    private static String token(YamlMap m, Map<String, String> tokenOwners) {
        String token = m.required("token_sha256");
        if (token == null) {
            return null;
        }
        if (!SHA256_HEX.matcher(token.trim()).matches()) {
            m.problems().error(m.line("token_sha256"), "token_sha256 in " + m.label()
                    + " must be 64 hexadecimal characters (use 'wachposten token' to make one)");
            return null;
        }
        String lower = token.trim().toLowerCase(Locale.ROOT);
        String owner = tokenOwners.putIfAbsent(lower, m.label());
        if (owner != null) {
            m.problems().error(m.line("token_sha256"), m.label() + " has the same token_sha256 as " + owner
                    + "; every user needs a token of their own");
        }
        return lower;
    }
}
