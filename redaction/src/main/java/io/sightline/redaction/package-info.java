/**
 * One PII and secret redaction policy, JDK only, applied to log events and span attributes
 * alike. Start with {@link io.sightline.redaction.RedactionPolicy#defaults()}.
 */
package io.sightline.redaction;
