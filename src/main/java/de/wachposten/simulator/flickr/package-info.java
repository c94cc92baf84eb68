/** Simulated Flickr: public photo feed and {@code flickr.people.getPublicPhotos} (PLATFORMS.md §8). */
package de.wachposten.simulator.flickr;
