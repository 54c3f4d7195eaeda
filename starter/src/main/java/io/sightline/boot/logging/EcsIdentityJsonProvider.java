package io.sightline.boot.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.sightline.identity.SightlineIdentity;
import net.logstash.logback.composite.AbstractJsonProvider;
import tools.jackson.core.JsonGenerator;

/** Writes the fields that are the same on every line: ECS version, service identity, release id. */
class EcsIdentityJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

	static final String ECS_VERSION = "8.11";

	private final SightlineIdentity identity;

	EcsIdentityJsonProvider(SightlineIdentity identity) {
		this.identity = identity;
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		generator.writeStringProperty("ecs.version", ECS_VERSION);
		generator.writeStringProperty("service.name", this.identity.serviceName());
		generator.writeStringProperty("service.version", this.identity.version());
		generator.writeStringProperty("service.environment", this.identity.environment());
		generator.writeStringProperty("service.node.name", this.identity.instanceId());
		generator.writeStringProperty("labels.release_id", this.identity.releaseId());
	}

}
