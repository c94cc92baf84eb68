/**
 * Simulated Flickr: public photo feed and {@code flickr.people.getPublicPhotos} (README, Platforms: {@code flickr}).
 */
package de.wachposten.simulator.flickr;
