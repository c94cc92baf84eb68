package de.wachposten.api;

import de.wachposten.approval.FourEyes;
import de.wachposten.config.ChannelConfig;
import de.wachposten.config.Config;
import de.wachposten.config.Role;
import de.wachposten.config.User;
import java.util.List;
import java.util.Optional;

/**
 * Who may see and do what: a user sees the data of the offices they belong to (any role), an admin sees everything.
 * Role checks go through {@link User#may(Role, String)}. Every refusal names the user, the role and the office.
 */
public final class Access {
    private final Config config;

    public Access(Config config) {
        this.config = config;
    }

    /** True when {@code user} may read data of {@code officeId}. */
    public static boolean sees(User user, String officeId) {
        return user.has(Role.ADMIN) || user.offices().contains(officeId);
    }

    /** The channel named by request field {@code field}; 400 naming the field when unknown. */
    public ChannelConfig channel(String field, String channelId) {
        return config.channel(channelId)
                .orElseThrow(() -> ApiException.badField(field, "unknown channel '" + channelId + "'"));
    }

    /** The channel, if configured (records may outlive a channel's removal from the config). */
    public Optional<ChannelConfig> channelIfKnown(String channelId) {
        return config.channel(channelId);
    }

    /** The channel named by {@code field} that {@code user} may read; 400 when unknown, 403 naming the office. */
    public ChannelConfig visibleChannel(User user, String field, String channelId) {
        ChannelConfig ch = channel(field, channelId);
        requireSees(user, ch.officeId());
        return ch;
    }

    /** Channels {@code user} may read, in config order. */
    public List<ChannelConfig> visibleChannels(User user) {
        return config.channels().stream().filter(c -> sees(user, c.officeId())).toList();
    }

    /** True when {@code user} may read the records of channel {@code channelId} (unknown channels: admins only). */
    public boolean seesChannel(User user, String channelId) {
        return config.channel(channelId).map(c -> sees(user, c.officeId())).orElse(user.has(Role.ADMIN));
    }

    /** 403 unless {@code user} belongs to {@code officeId}. */
    public static void requireSees(User user, String officeId) {
        if (!sees(user, officeId)) {
            throw ApiException.forbidden("user " + user.id() + " has no access to office " + officeId);
        }
    }

    /** 403 unless {@code user} holds {@code role} for {@code officeId}. */
    public static void requireRole(User user, Role role, String officeId) {
        if (!user.may(role, officeId)) {
            throw ApiException.forbidden("user " + user.id() + " lacks the " + role.wire() + " role for office "
                    + officeId);
        }
    }

    /**
     * Turns the four-eyes rule's refusals into the API's answer: the approver's (the caller's) first, as 403 saying
     * which rule; else the drafter's, as 400 naming the field. Returns when there is none.
     */
    public static void require(List<FourEyes.Violation> violations) {
        violations.stream().filter(FourEyes.Violation::byApprover).findFirst().ifPresent(v -> {
            throw ApiException.forbidden(v.problem());
        });
        violations.stream().findFirst().ifPresent(v -> {
            throw ApiException.badField(v.field(), v.problem());
        });
    }

    /** The configured user {@code id}, or empty. */
    public Optional<User> user(String id) {
        return config.user(id);
    }
}
