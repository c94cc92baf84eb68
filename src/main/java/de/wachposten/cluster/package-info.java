/**
 * Several instances on one store: heartbeats, leases with fencing tokens and rendezvous hashing decide which
 * instance polls which channel and which runs each once-per-cluster job. Everything goes through the store
 * (PostgreSQL when several instances run); there is no other channel between instances.
 */
package de.wachposten.cluster;
