/**
 * Plain records of the domain: posts, findings, approvals and alerts. No dependency on anything else in the project or
 * on Vert.x; every other package may use these.
 */
package de.wachposten.model;
