/** The simulated Meta Graph API for Facebook Page posts and Instagram media ({@link de.wachposten.simulator.meta.MetaSimulator}). */
package de.wachposten.simulator.meta;
