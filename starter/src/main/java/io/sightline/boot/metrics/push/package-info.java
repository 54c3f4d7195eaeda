/**
 * Metrics push (Micrometer's influx registry) that fails quietly: failed pushes are counted and an
 * outage is logged once.
 */
package io.sightline.boot.metrics.push;
