/** Benchmark harnesses for the commands; run by hand, never by {@code mvn test} (no class ends in {@code Test}). */
package de.wachposten.app.bench;
