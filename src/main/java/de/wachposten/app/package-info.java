/**
 * Wiring and lifecycle: the command line and the daemon built by hand from explicit factory maps ({@link
 * de.wachposten.app.Wiring}). The only package that knows every other one; the demo ({@code de.wachposten.demo})
 * builds on it.
 */
package de.wachposten.app;
