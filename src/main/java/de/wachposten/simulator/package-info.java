/**
 * A scriptable stand-in for the social-media platforms, used by tests and the {@code demo} command. One
 * {@link de.wachposten.simulator.PlatformSimulator} runs one HTTP server on 127.0.0.1; each platform adds its routes
 * in its own subpackage ({@code simulator/mastodon}, later X, Bluesky, RSS…) and speaks that platform's wire format.
 * Misbehaviour is injected per account through {@link de.wachposten.simulator.Faults} and played by
 * {@link de.wachposten.simulator.FaultPlayer}, so one channel can fail while the others keep working. Requests are
 * counted per route and account, so tests can assert paging behaviour.
 */
package de.wachposten.simulator;
