/**
 * Periodic jobs: a {@link de.wachposten.schedule.Job} is a name, an interval and a blocking body; the
 * {@link de.wachposten.schedule.Scheduler} runs the registered jobs on Vert.x timers, each body on a worker thread,
 * with the time of each run read from its clock, and records their metrics. No business logic lives here.
 */
package de.wachposten.schedule;
