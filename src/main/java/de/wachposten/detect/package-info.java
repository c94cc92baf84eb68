/**
 * The detector SPI: a {@link de.wachposten.detect.Detector} looks at one post in its
 * {@link de.wachposten.detect.DetectionContext} and adds {@link de.wachposten.model.Finding}s. Detectors live in the
 * feature packages ({@code approval}, {@code timing}, …); the pipeline runs them and commits the outcome.
 */
package de.wachposten.detect;
