/** Simulated YouTube channel feeds ({@link de.wachposten.simulator.youtube.YouTubeSimulator}), PLATFORMS.md §7a. */
package de.wachposten.simulator.youtube;
