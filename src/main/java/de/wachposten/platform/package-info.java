/**
 * The connector SPI. Data enters the daemon here: a {@link de.wachposten.platform.Connector} turns one platform
 * account into normalised {@link de.wachposten.model.Post}s and a cursor. One subpackage per platform; each imports only
 * this package, {@code model} and {@code config}. Where a platform pushes, the connector also offers a
 * {@link de.wachposten.platform.PushSource} whose events only wake the channel's poller early.
 */
package de.wachposten.platform;
