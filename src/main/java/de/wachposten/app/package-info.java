/**
 * Wiring and lifecycle: the command line, the daemon built by hand from explicit factory maps ({@link
 * de.wachposten.app.Wiring}), and the demo. The only package that knows every other one.
 */
package de.wachposten.app;
