/**
 * The Instagram connector ({@link de.wachposten.platform.instagram.InstagramConnector}): Graph API media of a
 * professional account, read with {@code platform.graph}, compared with the {@code platform.feed} item ledger.
 * Imports only those, the platform SPI, {@code model} and {@code config}.
 */
package de.wachposten.platform.instagram;
