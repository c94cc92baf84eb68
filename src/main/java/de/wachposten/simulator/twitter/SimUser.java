package de.wachposten.simulator.twitter;

/**
 * A simulated X account.
 *
 * @param id       the numeric user id as a string
 * @param username the username without {@code @}
 */
public record SimUser(String id, String username) {}
