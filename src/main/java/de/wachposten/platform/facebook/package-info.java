/**
 * The Facebook Page connector ({@link de.wachposten.platform.facebook.FacebookConnector}): Graph API page posts, read
 * with {@code platform.graph} and compared with the {@code platform.feed} item ledger. Imports only those, the
 * platform SPI, {@code model} and {@code config}.
 */
package de.wachposten.platform.facebook;
