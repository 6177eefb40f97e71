# The sfsim simulator image: the fat jar on a JRE base image, run as a non-root user.
#
#   ./mvnw -B package -pl simulator
#   docker build -t sfsim/simulator:dev .
#   docker run --rm -p 8080:8080 sfsim/simulator:dev
#
# BASE_IMAGE must provide `java` (17+) on PATH, bash, and useradd/groupadd (any Debian/Ubuntu based JRE
# image does). CI builds one offline (.ci/build-base-image.sh) and passes it with --build-arg.
ARG BASE_IMAGE=eclipse-temurin:21-jre
FROM ${BASE_IMAGE}

# A fixed uid/gid so volume permissions are predictable; the home directory holds java.io.tmpdir, where
# the embedded PostgreSQL unpacks its binaries and keeps its data directory.
RUN groupadd --system --gid 10001 sfsim \
 && useradd --system --uid 10001 --gid sfsim --home-dir /home/sfsim --create-home --shell /usr/sbin/nologin sfsim \
 && mkdir -p /fixtures /home/sfsim/tmp \
 && chown sfsim:sfsim /home/sfsim/tmp \
 && chmod 0755 /fixtures

COPY simulator/target/sfsim-simulator.jar /opt/sfsim/sfsim-simulator.jar

ENV SFSIM_PORT=8080 \
    SFSIM_FIXTURES=/fixtures

USER sfsim:sfsim
WORKDIR /home/sfsim
EXPOSE 8080

# No curl or wget in slim JRE images: bash's /dev/tcp sends the request, grep looks for "UP".
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SFSIM_PORT:-8080} && printf 'GET /__admin/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]

# Exec form: java is PID 1 and receives SIGTERM from `docker stop` directly.
# Extra JVM flags: set JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/home/sfsim/tmp", "-jar", "/opt/sfsim/sfsim-simulator.jar"]
