/**
 * The analysis shared by rule queries and posts: {@link de.wachposten.rules.analysis.ContentAnalyzer} (German first,
 * obfuscation folded before tokenising, compound splitting) and {@link de.wachposten.rules.analysis.Markers}, the
 * pre-tokenised patterns (personal data, classification markings) that regular expressions find better than words.
 */
package de.wachposten.rules.analysis;
