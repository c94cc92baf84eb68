/** Tests of the content ruleset, plus the GermEval evaluation and the analysis/match dump tools for rule writers. */
package de.wachposten.rules;
