/**
 * Configuration: typed, validated, immutable records read from one YAML file.
 *
 * <p>Data enters through {@link de.wachposten.config.ConfigLoader}: it parses the file into SnakeYAML's node tree,
 * replaces {@code ${ENV_VAR}} references, and walks the tree with a strict hand-written validator (one parser per
 * block: services, policies, offices with their sinks, users, channels). Unknown keys, duplicate keys, wrong types,
 * bad values and dangling references are errors; all of them are collected and reported together as
 * {@code file:line: message} in a {@link de.wachposten.config.ConfigException}. Secrets are
 * {@link de.wachposten.config.Secret}s, which print as {@code <secret>}; error messages quote the file, never a value
 * taken from the environment.
 *
 * <p>The resulting {@link de.wachposten.config.Config} is built once at start and never changed. Relative paths in it
 * (store path, rules directory) are kept as written, relative to the process working directory.
 */
package de.wachposten.config;
