package io.sightline.dashboards;

import tools.jackson.databind.node.ObjectNode;

/**
 * The data source every panel, target, variable and annotation queries: the Prometheus data source that the
 * {@code datasource} variable selects. No {@code __inputs}, no {@code ${DS_...}}: the dashboards are
 * provisioned, not imported.
 */
public final class Datasource {

	/** The data source variable's name. */
	public static final String VARIABLE = "datasource";

	/** The uid of the provisioned Prometheus data source, the variable's default. */
	public static final String DEFAULT_UID = "prometheus";

	/** The type of every data source of these dashboards. */
	public static final String TYPE = "prometheus";

	private Datasource() {
	}

	/** {@code {"type": "prometheus", "uid": "${datasource}"}}, a new node each time. */
	static ObjectNode prometheus() {
		ObjectNode datasource = Json.object();
		datasource.put("type", TYPE);
		datasource.put("uid", "${" + VARIABLE + "}");
		return datasource;
	}

}
