# The operator image: the shaded jar on a distroless Java 17 runtime (no shell, no package manager).
# Build the jar first, then the image, from the repository root:
#   mvn -q -pl cli -am package -DskipTests
#   docker build -t registry.example.com/neon-operator:0.1.0 .
# See charts/neon-operator/README.md for details.
FROM gcr.io/distroless/java17-debian12:nonroot

COPY cli/target/neon-operator.jar /opt/neon-operator/neon-operator.jar

# Numeric, so that the kubelet can check runAsNonRoot without reading /etc/passwd.
USER 65532:65532

# Heap at 60% of the container's memory limit leaves room for metaspace, threads and the HTTP clients' buffers.
ENTRYPOINT ["/usr/bin/java", "-XX:MaxRAMPercentage=60", "-jar", "/opt/neon-operator/neon-operator.jar", "run"]
