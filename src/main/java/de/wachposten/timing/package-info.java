/**
 * Timing detectors: posting hours ({@code outside_hours}) and channel status ({@code dormant_channel}). Plain
 * synchronous Java; time comes from the post and the policy's zone, never from the wall clock.
 */
package de.wachposten.timing;
