/**
 * The content ruleset behind {@code flagged_content}: rules as YAML files ({@link de.wachposten.rules.RuleLoader}),
 * matched as a Lucene Monitor matches its queries ({@link de.wachposten.rules.Ruleset}), checked against their own
 * examples ({@link de.wachposten.rules.ExampleCheck}), reloaded while running ({@link de.wachposten.rules.LiveRules},
 * {@link de.wachposten.rules.RulesWatcher}) and applied by {@link de.wachposten.rules.FlaggedContentDetector}. Plain
 * Java: no Vert.x.
 */
package de.wachposten.rules;
