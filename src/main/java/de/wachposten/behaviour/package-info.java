/**
 * Behaviour detectors and the learned profile per channel, in the spirit of COMPA (Egele et al., NDSS 2013).
 *
 * <p>{@link de.wachposten.behaviour.Profiles} keeps one {@link de.wachposten.behaviour.Profile} per channel in
 * memory: hour-of-week histogram, clients, languages, link domains, mentions and recent publication times. It is
 * built from the channel's stored posts on first use and learns every new post after detection. Detectors read it
 * through {@link de.wachposten.detect.ChannelHistory}: {@link de.wachposten.behaviour.ClientDetector} raises
 * {@code unexpected_client}, {@link de.wachposten.behaviour.BehaviourDetector} raises {@code unusual_behaviour} for
 * posts that depart on several features at once and for bursts. Plain synchronous Java, no Vert.x.
 */
package de.wachposten.behaviour;
