package io.sightline.dashboards;

import tools.jackson.databind.JsonNode;

/** A typed value of a field config property: a panel's default or an override. */
interface FieldValue {

	JsonNode toJson();

}
