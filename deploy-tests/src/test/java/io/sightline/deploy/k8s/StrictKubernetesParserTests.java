package io.sightline.deploy.k8s;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The parser the manifest checks rely on: it must accept valid objects and refuse every unknown field. */
class StrictKubernetesParserTests {

	private static final String DEPLOYMENT = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: demo
			spec:
			  replicas: 1
			  selector:
			    matchLabels: {app: demo}
			  template:
			    metadata:
			      labels: {app: demo}
			    spec:
			      containers:
			        - name: demo
			          image: demo:1
			          readinessProbe:
			            httpGet: {path: /ready, port: management}
			""";

	@Test
	void readsKnownKindsIntoTheirModel() {
		List<HasMetadata> objects = StrictKubernetesParser.parse(DEPLOYMENT + """
				---
				apiVersion: monitoring.coreos.com/v1
				kind: ServiceMonitor
				metadata: {name: demo}
				spec:
				  selector: {matchLabels: {app: demo}}
				  endpoints: [{port: management, path: /metrics, honorLabels: true}]
				---
				apiVersion: monitoring.coreos.com/v1
				kind: PrometheusRule
				metadata: {name: demo}
				spec:
				  groups: [{name: g, rules: [{alert: A, expr: up == 0, for: 1m, labels: {severity: page}}]}]
				""", "inline");
		assertThat(objects).hasSize(3);
		assertThat(objects.get(0)).isInstanceOf(Deployment.class);
		assertThat(objects.get(1)).isInstanceOf(ServiceMonitor.class);
		assertThat(objects.get(2)).isInstanceOf(PrometheusRule.class);
		Deployment deployment = (Deployment) objects.get(0);
		assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe()
			.getHttpGet().getPort().getStrVal()).isEqualTo("management");
	}

	@Test
	void refusesAnUnknownFieldAnywhere() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StrictKubernetesParser.parse(DEPLOYMENT.replace("replicas: 1", "replicaz: 1"), "inline"))
			.withMessageContaining("replicaz");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StrictKubernetesParser.parse(DEPLOYMENT.replace("httpGet: {path:", "httpGet: {pathh:"),
					"inline"))
			.withMessageContaining("pathh");
	}

	@Test
	void refusesFieldsOutsideTheCrdSchema() {
		assertThatIllegalArgumentException().isThrownBy(() -> StrictKubernetesParser.parse("""
				apiVersion: monitoring.coreos.com/v1
				kind: ServiceMonitor
				metadata: {name: demo}
				spec:
				  selector: {matchLabels: {app: demo}}
				  endpoints: [{port: management, metricsPath: /metrics}]
				""", "inline")).withMessageContaining("metricsPath");
		assertThatIllegalArgumentException().isThrownBy(() -> StrictKubernetesParser.parse("""
				apiVersion: monitoring.coreos.com/v1
				kind: PrometheusRule
				metadata: {name: demo}
				spec:
				  groups: [{name: g, rules: [{alert: A, expr: up == 0, severity: page}]}]
				""", "inline")).withMessageContaining("severity");
	}

	@Test
	void refusesUnknownKindsAndDuplicateKeys() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StrictKubernetesParser.parse("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n", "inline"))
			.withMessageContaining("no model for v1/Pod");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StrictKubernetesParser.parse(DEPLOYMENT + "  replicas: 2\n", "inline"))
			.withMessageContaining("replicas");
	}

}
