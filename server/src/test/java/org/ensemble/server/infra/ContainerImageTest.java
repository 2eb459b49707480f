package org.ensemble.server.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * infra/container/Dockerfile (no Docker engine here to build it): what it copies is in the build
 * context its .dockerignore lets through, exists in the repository or is what the build makes
 * (server/target, web/dist), and the jar it runs is the server's, by the artifact id in server/pom.xml.
 */
class ContainerImageTest {
  private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)\\s*$");
  private static final List<String> BUILD_OUTPUTS = List.of("server/target/", "web/dist/");

  @Test
  void everyCopiedPathIsInTheBuildContextAndExistsOrIsBuilt() throws Exception {
    String dockerfile = InfraFiles.text(InfraFiles.file("container/Dockerfile"));
    List<String> allowed = new ArrayList<>();
    for (String line : InfraFiles.text(InfraFiles.file("container/Dockerfile.dockerignore")).split("\n")) {
      if (line.startsWith("!")) {
        allowed.add(line.substring(1).strip());
      }
    }
    Path root = InfraFiles.dir().getParent();
    Matcher m = COPY.matcher(dockerfile);
    int copies = 0;
    while (m.find()) {
      copies++;
      String source = m.group(1);
      assertTrue(allowed.contains(source), source + " is copied but Dockerfile.dockerignore keeps it out (re-included: " + allowed + ")");
      if (BUILD_OUTPUTS.stream().noneMatch(source::startsWith)) {
        assertTrue(Files.exists(root.resolve(source)), source + " exists in the repository");
      }
    }
    assertTrue(copies >= 5, "the Dockerfile's COPY lines were read (" + copies + ")");
  }

  @Test
  void theImageRunsTheServersJarWithItsJvmOptions() {
    String pom = InfraFiles.text(InfraFiles.dir().getParent().resolve("server/pom.xml"));
    Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
    assertTrue(artifact.find(), "server/pom.xml names its artifact");
    String dockerfile = InfraFiles.text(InfraFiles.file("container/Dockerfile"));
    assertTrue(dockerfile.contains("COPY server/target/" + artifact.group(1) + "-*.jar ensemble-server.jar"),
        "the image copies " + artifact.group(1) + "'s jar");
    assertTrue(dockerfile.contains("COPY server/jvm.options jvm.options"));
    Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(dockerfile);
    assertTrue(entrypoint.find(), "an exec-form ENTRYPOINT (the JVM is process 1 and gets SIGTERM)");
    assertTrue(entrypoint.group(1).startsWith("\"java\", \"@/opt/ensemble/jvm.options\""), entrypoint.group(1));
    assertTrue(entrypoint.group(1).endsWith("\"-jar\", \"/opt/ensemble/ensemble-server.jar\""), entrypoint.group(1));
    assertTrue(dockerfile.contains("WORKDIR /opt/ensemble"), "the jar and jvm.options are copied to /opt/ensemble");
  }
}
