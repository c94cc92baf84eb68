package de.wachposten.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One watched channel.
 *
 * @param id           stable id (e.g. {@code sms-twitter})
 * @param name         display name, or the id
 * @param platform     platform name (twitter, facebook, instagram, youtube, flickr, mastodon, bluesky, rss)
 * @param account      the account as the platform names it
 * @param officeId     owning office
 * @param baseUrl      API base URL, or null for the platform default
 * @param credentials  credentials by key (e.g. {@code bearer_token})
 * @param pollInterval time between polls
 * @param checkHistory true for {@code history: check}: posts found at the first poll are evaluated too
 * @param policyName   name of the policy under {@code policies}, or null when inline
 * @param policy       the resolved policy
 * @param access       user ids with access to the channel's credentials
 * @param agencies     external agencies with access, by name
 * @param line         line of the channel in the config file
 * @param jetstreamUrl Bluesky Jetstream base URL ({@code ws://} or {@code wss://}) for push, or null: polled only
 */
public record ChannelConfig(String id, String name, String platform, String account, String officeId, URI baseUrl,
                            Map<String, Secret> credentials, Duration pollInterval, boolean checkHistory,
                            String policyName, Policy policy, List<String> access, List<String> agencies, int line,
                            URI jetstreamUrl) {
    public ChannelConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(officeId, "officeId");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(policy, "policy");
        name = name == null ? id : name;
        credentials = Map.copyOf(credentials);
        access = List.copyOf(access);
        agencies = List.copyOf(agencies);
    }

    /** A channel without push settings ({@code jetstreamUrl} null). */
    public ChannelConfig(String id, String name, String platform, String account, String officeId, URI baseUrl,
                         Map<String, Secret> credentials, Duration pollInterval, boolean checkHistory,
                         String policyName, Policy policy, List<String> access, List<String> agencies, int line) {
        this(id, name, platform, account, officeId, baseUrl, credentials, pollInterval, checkHistory, policyName,
                policy, access, agencies, line, null);
    }

    /** The credential under {@code key}, or null. */
    public Secret credential(String key) {
        return credentials.get(key);
    }
}
