/**
 * The YouTube connector: the channel's public Atom feed ({@link de.wachposten.platform.youtube.YouTubeConnector}),
 * read with {@code platform.feed} and {@code platform.http}. Imports only those, the platform SPI, {@code model} and
 * {@code config}.
 */
package de.wachposten.platform.youtube;
