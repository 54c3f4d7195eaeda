package io.sightline.deploy.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.sightline.deploy.repository.Repository;

/** The objects of the manifest files under {@code deploy/k8s}, parsed strictly. */
public final class KubernetesManifests {

	public static final String FOLDER = "deploy/k8s";

	public static final String OVERLAY = "deploy/k8s/overlays/demo";

	private final List<HasMetadata> objects;

	KubernetesManifests(List<HasMetadata> objects) {
		this.objects = objects;
	}

	/** Every manifest file: YAML under deploy/k8s except kustomizations and the collector config copy. */
	public static List<Path> files(Repository repository) {
		return repository.files(FOLDER, ".yaml")
			.stream()
			.filter((file) -> !file.getFileName().toString().equals("kustomization.yaml"))
			.filter((file) -> !repository.relative(file).endsWith("generated/otel-collector.yaml"))
			.collect(Collectors.toList());
	}

	public static KubernetesManifests load(Repository repository) {
		List<HasMetadata> objects = new ArrayList<>();
		for (Path file : files(repository)) {
			objects.addAll(StrictKubernetesParser.parse(Repository.read(file), repository.relative(file)));
		}
		return new KubernetesManifests(objects);
	}

	public static KubernetesManifests of(String yaml, String source) {
		return new KubernetesManifests(StrictKubernetesParser.parse(yaml, source));
	}

	public List<HasMetadata> objects() {
		return this.objects;
	}

	public <T extends HasMetadata> List<T> all(Class<T> kind) {
		return this.objects.stream().filter(kind::isInstance).map(kind::cast).collect(Collectors.toList());
	}

	public <T extends HasMetadata> T named(Class<T> kind, String name) {
		return all(kind).stream()
			.filter((object) -> object.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
	}

	public Deployment deployment(String name) {
		return named(Deployment.class, name);
	}

	public Service service(String name) {
		return named(Service.class, name);
	}

	public ServiceMonitor serviceMonitor(String name) {
		return named(ServiceMonitor.class, name);
	}

	/** Port name to container port. */
	public static java.util.Map<String, Integer> containerPorts(Container container) {
		return container.getPorts().stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
	}

	/** The Deployment's container named like the Deployment. */
	public Container container(String deployment) {
		return deployment(deployment).getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.stream()
			.filter((container) -> container.getName().equals(deployment))
			.findFirst()
			.orElseThrow(() -> new AssertionError(deployment + " has no container named " + deployment));
	}

}
