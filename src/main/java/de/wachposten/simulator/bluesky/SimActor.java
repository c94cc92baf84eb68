package de.wachposten.simulator.bluesky;

/**
 * A simulated Bluesky account.
 *
 * @param did    its DID ({@code did:plc:…})
 * @param handle its handle ({@code name.bsky.social})
 */
public record SimActor(String did, String handle) {}
