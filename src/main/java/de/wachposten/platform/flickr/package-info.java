/**
 * The Flickr connector ({@link de.wachposten.platform.flickr.FlickrConnector}): the public photo feed, or the REST
 * API with an {@code api_key}; both read with {@code platform.http} and compared with the {@code platform.feed} item
 * ledger. Imports only those, the platform SPI, {@code model} and {@code config}.
 */
package de.wachposten.platform.flickr;
