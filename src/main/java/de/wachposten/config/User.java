package de.wachposten.config;

import java.util.Objects;
import java.util.Set;

/**
 * A person who uses the API.
 *
 * @param id          stable id (e.g. {@code anna})
 * @param name        display name
 * @param roles       roles
 * @param offices     office ids the roles apply to
 * @param tokenSha256 lower-case hex SHA-256 of the user's API token (the config never holds the token)
 */
public record User(String id, String name, Set<Role> roles, Set<String> offices, String tokenSha256) {
    public User {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        roles = Set.copyOf(roles);
        offices = Set.copyOf(offices);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when the user holds {@code role} for {@code officeId}; admins hold every role everywhere. */
    public boolean may(Role role, String officeId) {
        return roles.contains(Role.ADMIN) || (roles.contains(role) && offices.contains(officeId));
    }
}
