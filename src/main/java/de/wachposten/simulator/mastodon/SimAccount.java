package de.wachposten.simulator.mastodon;

/**
 * A handle to a simulated local account.
 *
 * @param id       the account id as the API shows it
 * @param username the user name, which is also the {@code acct} on its own instance
 */
public record SimAccount(String id, String username) {}
