package io.sightline.overhead;

/**
 * The ways the same app runs, in the order every round runs them. {@link #SIGHTLINE_BEFORE} runs only
 * when the harness is given the jars of an earlier build ({@code sightline.overhead.baseline}), so that a
 * change is measured before and after in one interleaved run.
 */
public enum Variant {

	BARE("bare", "bare", "no starter, no agent", false, Agent.NONE),

	STARTER("starter", "starter", "starter only: agentless tracing (Brave), 100 % sampling, JSON logs, metrics scraped",
			true, Agent.NONE),

	STOCK_AGENT("stock-agent", "stock agent", "stock OpenTelemetry javaagent 2.31.1 on the bare app", false,
			Agent.STOCK),

	SIGHTLINE("sightline", "Sightline", "starter + sightline-javaagent.jar: 100 % sampling, JSON logs, metrics scraped",
			true, Agent.SIGHTLINE),

	SIGHTLINE_BEFORE("sightline-before", "Sightline before",
			"Sightline as the baseline build had it: its sightline-javaagent.jar and app jar, the same options", true,
			Agent.SIGHTLINE);

	enum Agent {

		NONE, STOCK, SIGHTLINE

	}

	private final String key;

	private final String label;

	private final String description;

	private final boolean starter;

	private final Agent agent;

	Variant(String key, String label, String description, boolean starter, Agent agent) {
		this.key = key;
		this.label = label;
		this.description = description;
		this.starter = starter;
		this.agent = agent;
	}

	/** spring.application.name and Zipkin service name of this variant. */
	public String serviceName() {
		return "overhead-" + this.key;
	}

	public String key() {
		return this.key;
	}

	public String label() {
		return this.label;
	}

	public String description() {
		return this.description;
	}

	public boolean hasStarter() {
		return this.starter;
	}

	Agent agent() {
		return this.agent;
	}

}
