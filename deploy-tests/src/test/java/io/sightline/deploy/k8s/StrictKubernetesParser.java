package io.sightline.deploy.k8s;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Reads Kubernetes YAML into the fabric8 model, strictly: the model keeps unknown fields in an
 * "additionalProperties" map (a JSON any-setter); this parser switches that off, so a misspelt or
 * misplaced field fails with its path. The prometheus-operator kinds are the model generated from their
 * CRD schemas, so they are checked against the schema's fields. Kinds without a model fail too.
 */
public final class StrictKubernetesParser {

	private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.of("v1/ConfigMap",
			ConfigMap.class, "v1/Secret", Secret.class, "v1/Service", Service.class, "v1/Namespace",
			Namespace.class, "apps/v1/Deployment", Deployment.class, "monitoring.coreos.com/v1/ServiceMonitor",
			ServiceMonitor.class, "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);

	private static final ObjectMapper MAPPER = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
		.annotationIntrospector(new NoAnySetter())
		.build();

	private StrictKubernetesParser() {
	}

	/** Every document of the YAML text as its model object; throws naming the document that does not fit. */
	public static List<HasMetadata> parse(String yaml, String source) {
		List<HasMetadata> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = MAPPER.readerFor(JsonNode.class).readValues(yaml)) {
			int index = 0;
			while (documents.hasNext()) {
				JsonNode document = documents.nextValue();
				index++;
				if (document == null || document.isNull() || document.isMissingNode()) {
					continue;
				}
				objects.add(toModel(document, source + " document " + index));
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
		}
		return objects;
	}

	private static HasMetadata toModel(JsonNode document, String where) {
		String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
		Class<? extends HasMetadata> model = MODELS.get(type);
		if (model == null) {
			throw new IllegalArgumentException(where + ": no model for " + type + " (known: " + MODELS.keySet() + ")");
		}
		try {
			return MAPPER.treeToValue(document, model);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(where + " (" + type + " "
					+ document.path("metadata").path("name").asText() + "): " + ex.getMessage(), ex);
		}
	}

	/** Unknown fields fail instead of landing in the model's additionalProperties. */
	private static final class NoAnySetter extends JacksonAnnotationIntrospector {

		@Override
		public Boolean hasAnySetter(Annotated annotated) {
			return Boolean.FALSE;
		}

	}

}
