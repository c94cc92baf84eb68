/**
 * The detector SPI: the pipeline turns each stored version into an {@link de.wachposten.detect.Event} (a post
 * published, edited or deleted, the account's profile changed, a credential rotation overdue), and every
 * {@link de.wachposten.detect.Detector} that handles its kind looks at it in its
 * {@link de.wachposten.detect.DetectionContext} and adds {@link de.wachposten.model.Finding}s. Detectors live in the
 * feature packages ({@code approval}, {@code timing}, {@code behaviour}, {@code rules}, {@code account}); the two that
 * only say what happened to a post after it was seen live here ({@link de.wachposten.detect.EditDetector},
 * {@link de.wachposten.detect.DeletionDetector}), as they need nothing but the event. The pipeline runs them and
 * commits the outcome. The context carries the office's {@link de.wachposten.detect.Messages} (German or English
 * explanation texts), the channel's {@link de.wachposten.detect.OwedRotation}s and its
 * {@link de.wachposten.detect.ChannelHistory}, which the pipeline obtains from
 * {@link de.wachposten.detect.ChannelHistories} and updates after each published post.
 */
package de.wachposten.detect;
