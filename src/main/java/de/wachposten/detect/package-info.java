/**
 * The detector SPI: a {@link de.wachposten.detect.Detector} looks at one post in its
 * {@link de.wachposten.detect.DetectionContext} and adds {@link de.wachposten.model.Finding}s. Detectors live in the
 * feature packages ({@code approval}, {@code timing}, {@code behaviour}, …); the pipeline runs them and commits the
 * outcome. The context carries the office's {@link de.wachposten.detect.Messages} (German or English explanation
 * texts) and the channel's {@link de.wachposten.detect.ChannelHistory}, which the pipeline obtains from
 * {@link de.wachposten.detect.ChannelHistories} and updates after each first-seen post.
 */
package de.wachposten.detect;
