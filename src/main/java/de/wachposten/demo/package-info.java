/**
 * {@code wachposten demo}: the daemon on a temporary store against the built-in simulator, replaying the morning of
 * 8 January 2016 on a {@link de.wachposten.demo.ReplayClock}, with its own webhook receiver and terminal output. It
 * uses the daemon as any caller does ({@link de.wachposten.app.Daemon}, {@link de.wachposten.app.Wiring}); nothing of
 * the daemon depends on it, only the command line's dispatch in {@link de.wachposten.app.Cli}.
 */
package de.wachposten.demo;
