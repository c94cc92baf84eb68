/**
 * The analysis shared by rule queries and posts: {@link de.wachposten.rules.analysis.ContentAnalyzer} (German first,
 * obfuscation folded before tokenising, compound splitting) and {@link de.wachposten.rules.analysis.Markers}, the
 * pre-tokenised patterns (personal data, classification markings) that regular expressions find better than words.
 * A post enters as {@link de.wachposten.rules.analysis.AnalysedText}: analysed once, then read by the rules and the
 * classifier alike.
 */
package de.wachposten.rules.analysis;
