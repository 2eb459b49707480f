package org.ensemble.server.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The documents of infra/kubernetes/*.yaml and the kustomization that applies them (infra/kustomization.yaml). */
record KubernetesManifests(List<Map<String, Object>> documents, Map<String, Object> kustomization) {

  static KubernetesManifests load() {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Path file : InfraFiles.in("kubernetes", ".yaml")) {
      documents.addAll(InfraFiles.yamlDocuments(file));
    }
    return new KubernetesManifests(documents, InfraFiles.yaml(InfraFiles.file("kustomization.yaml")));
  }

  /** The one object of this kind and name; fails naming what is missing. */
  Map<String, Object> get(String kind, String name) {
    return documents.stream()
        .filter(d -> kind.equals(d.get("kind")) && name.equals(InfraFiles.at(d, "metadata", "name")))
        .findFirst().orElseThrow(() -> new AssertionError("infra/kubernetes has no " + kind + " " + name));
  }

  List<Map<String, Object>> ofKind(String kind) {
    return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  String namespace() {
    return Objects.requireNonNull(InfraFiles.at(kustomization, "namespace"), "the kustomization's namespace");
  }

  /** The Ensemble StatefulSet. */
  Map<String, Object> ensemble() {
    return get("StatefulSet", "ensemble");
  }

  /** The Service the Ensemble StatefulSet names as its governing one: the headless one for discovery. */
  Map<String, Object> headlessService() {
    return get("Service", InfraFiles.at(ensemble(), "spec", "serviceName"));
  }

  /** The Ensemble container of the StatefulSet's pod template. */
  Map<String, Object> ensembleContainer() {
    List<Map<String, Object>> containers = InfraFiles.at(ensemble(), "spec", "template", "spec", "containers");
    return containers.stream().filter(c -> "ensemble".equals(c.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("the ensemble StatefulSet has no container named ensemble"));
  }

  /** The container's {@code env} entry of this name (with a {@code value} or a {@code valueFrom}). */
  Map<String, Object> env(String name) {
    List<Map<String, Object>> env = InfraFiles.at(ensembleContainer(), "env");
    return env.stream().filter(e -> name.equals(e.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("the ensemble container does not set " + name));
  }
}
