package de.wachposten.simulator.mastodon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The data of the simulated instance: accounts and statuses, and the paging rules of
 * {@code GET /api/v1/accounts/:id/statuses}. Not thread-safe on its own; {@link MastodonSimulator} guards it.
 */
final class MastodonState {
    private final Map<String, AccountData> accountsByName = new LinkedHashMap<>();
    private final Map<String, AccountData> accountsById = new LinkedHashMap<>();
    private final TreeMap<Long, StatusData> statuses = new TreeMap<>();
    private long lastStatusId;
    private long lastAccountId = 110_000_000_000_000_000L;

    /** A simulated account. */
    static final class AccountData {
        final String id;
        final String username;
        final Instant createdAt;
        /** This account's statuses by id, deleted ones included: the per-account index the routes page over. */
        final TreeMap<Long, StatusData> statuses = new TreeMap<>();
        SimProfile profile;

        AccountData(String id, String username, Instant createdAt, SimProfile profile) {
            this.id = id;
            this.username = username;
            this.createdAt = createdAt;
            this.profile = profile;
        }
    }

    /** One version of a status's content. */
    record Version(String html, String spoilerText, Instant at) {}

    /** A simulated status. */
    static final class StatusData {
        final long id;
        final AccountData account;
        final Instant createdAt;
        final String application;
        final String language;
        final String visibility;
        final StatusData reblog;
        final List<Version> versions = new ArrayList<>();
        List<String> tags;
        boolean deleted;

        StatusData(long id, AccountData account, StatusSpec spec, StatusData reblog) {
            this.id = id;
            this.account = account;
            this.createdAt = spec.createdAt();
            this.application = spec.applicationName();
            this.language = spec.language();
            this.visibility = spec.visibility();
            this.reblog = reblog;
        }

        Version current() {
            return versions.getLast();
        }

        Instant editedAt() {
            return versions.size() > 1 ? current().at() : null;
        }
    }

    AccountData account(String username, Instant now) {
        return accountsByName.computeIfAbsent(username, name -> {
            AccountData a = new AccountData(Long.toString(++lastAccountId), name, now,
                    new SimProfile(name, "", "", "", Map.of()));
            accountsById.put(a.id, a);
            return a;
        });
    }

    AccountData accountByName(String username) {
        return accountsByName.get(username);
    }

    AccountData accountById(String id) {
        return accountsById.get(id);
    }

    /** Adds a status; its id is snowflake-like (milliseconds shifted left by 16) and above every earlier id. */
    StatusData add(AccountData account, StatusSpec spec, String html, List<String> tags, StatusData reblog) {
        long id = Math.max(lastStatusId + 1, Math.max(0, spec.createdAt().toEpochMilli()) << 16);
        lastStatusId = id;
        StatusData status = new StatusData(id, account, spec, reblog);
        status.versions.add(new Version(html, spec.spoilerText(), spec.createdAt()));
        status.tags = tags;
        statuses.put(id, status);
        account.statuses.put(id, status);
        return status;
    }

    /** The status with {@code id}, deleted or not, or null. */
    StatusData status(String id) {
        Long key = parseId(id);
        return key == null ? null : statuses.get(key);
    }

    long statusCount(AccountData account) {
        return account.statuses.values().stream().filter(s -> !s.deleted).count();
    }

    Instant lastStatusAt(AccountData account) {
        return account.statuses.descendingMap().values().stream().filter(s -> !s.deleted)
                .map(s -> s.createdAt).findFirst().orElse(null);
    }

    /**
     * One page of an account's statuses, newest first, with Mastodon's rules: {@code min_id} wins over
     * {@code since_id} and returns the statuses immediately after it; otherwise the newest statuses below
     * {@code max_id} and above {@code since_id}. All bounds are exclusive.
     */
    List<StatusData> page(AccountData account, int limit, Long maxId, Long sinceId, Long minId) {
        NavigableMap<Long, StatusData> range = account.statuses;
        Long lower = minId != null ? minId : sinceId;
        if (lower != null) {
            range = range.tailMap(lower, false);
        }
        if (maxId != null) {
            range = range.headMap(maxId, false);
        }
        Iterable<StatusData> order = minId != null ? range.values() : range.descendingMap().values();
        List<StatusData> page = new ArrayList<>();
        for (StatusData s : order) {
            if (page.size() >= limit) {
                break;
            }
            if (s.account == account && !s.deleted) {
                page.add(s);
            }
        }
        if (minId != null) {
            java.util.Collections.reverse(page);
        }
        return page;
    }

    static Long parseId(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
