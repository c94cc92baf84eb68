/**
 * Simulated YouTube channel feeds ({@link de.wachposten.simulator.youtube.YouTubeSimulator}), as in README, Platforms:
 * {@code youtube}.
 */
package de.wachposten.simulator.youtube;
