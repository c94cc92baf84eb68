/** Benchmark harnesses for the ruleset; run by hand, never by {@code mvn test} (no class ends in {@code Test}). */
package de.wachposten.rules.bench;
