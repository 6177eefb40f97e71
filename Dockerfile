# The sfsim simulator image: the fat jar on a JRE base image, run as a non-root user, healthy about half a second after `docker run`.
#
#   ./mvnw -B package -pl simulator
#   docker build -t sfsim/simulator:dev .
#   docker run --rm -p 8080:8080 sfsim/simulator:dev
#
# BASE_IMAGE must provide `java` (17+) on PATH, bash, and useradd/groupadd (any Debian/Ubuntu based JRE
# image does); on Java 25+ the image starts on an AOT cache, on 17-24 on a CDS archive. CI builds one offline
# (.ci/build-base-image.sh: a Java 25 runtime jlinked from the machine's Temurin 25 JDK, else Debian's OpenJDK 17)
# and passes it with --build-arg.
# Builds for amd64 and arm64 alike (`docker build --platform linux/arm64 --build-arg BASE_IMAGE=<an arm64 JRE image> .`,
# or buildx): the jar carries the PostgreSQL binaries of both, and the preparation step below runs on the target
# platform (under qemu on an amd64 machine: .ci/build-arm64.sh).
ARG BASE_IMAGE=eclipse-temurin:25-jre
FROM ${BASE_IMAGE}

# A fixed uid/gid so volume permissions are predictable. /var/lib/sfsim holds the embedded PostgreSQL
# (binaries and data directory) and the class-data-sharing archive, all made at build time.
RUN groupadd --system --gid 10001 sfsim \
 && useradd --system --uid 10001 --gid sfsim --home-dir /home/sfsim --create-home --shell /usr/sbin/nologin sfsim \
 && mkdir -p /fixtures /home/sfsim/tmp /var/lib/sfsim \
 && chown sfsim:sfsim /home/sfsim/tmp /var/lib/sfsim \
 && chmod 0755 /fixtures

COPY simulator/target/sfsim-simulator.jar /opt/sfsim/sfsim-simulator.jar

ENV SFSIM_PORT=8080 \
    SFSIM_BIND_ADDRESS=0.0.0.0 \
    SFSIM_FIXTURES=/fixtures \
    SFSIM_EMBEDDED_DIR=/var/lib/sfsim

USER sfsim:sfsim
WORKDIR /home/sfsim

# The work every start would otherwise repeat (7-12 s): unpack PostgreSQL, initdb, migrate, and load the classes
# a test run uses. `prepare` does the first three once, makes the calls a test makes (token, query, send, reset,
# new org) and stops PostgreSQL cleanly. `train` then starts on that directory as a container does, makes the same
# calls from a child JVM and stops; the JVM keeps what it learnt at exit, so the cache holds a start's and a test's
# classes and not the preparation's (unpacking, initdb, Flyway) nor the HTTP client's, which every start would
# otherwise load from it for nothing. On Java 25 and newer that is an AOT cache
# (-XX:AOTCacheOutput: classes loaded and linked); on older runtimes a dynamic CDS archive of the loaded classes
# (-XX:ArchiveClassesAtExit). The JVM flags the start runs with are written to /var/lib/sfsim/jvm.args, which the
# ENTRYPOINT passes: they must match the training run's for the cache to be used.
# CLASS_CACHE=cds forces the CDS archive on Java 25 too (for comparisons).
# Three diagnostic flags, each kept only when the runtime accepts it: the cache holds no method profiles
# (-AOTRecordTraining; the image runs C1 only, which uses none, and replaying them at start compiled whatever the
# training run found hot: about 130 ms more CPU until healthy, no faster first requests), nor does the start replay
# what training data is left (-AOTReplayTraining: its "Training replay" thread still took about 20 ms of CPU before
# healthy), and the cache is mapped at its own address (ArchiveRelocationMode=0, Java 17-19's default; relocating
# 64 MB of metadata cost ~30 ms of start).
# Locale data: the JDK's built-in English data (java.locale.providers=FALLBACK, kept when the runtime takes it without
# a warning) instead of CLDR's 1,158 locales, which Jetty lists once at start (MimeTypes: 20 ms of CPU). The simulator
# formats in en_US and the root locale only, with explicit patterns (FORMAT(), HTTP dates, JSON), which both give alike.
ARG CLASS_CACHE=auto
RUN set -e; \
    major="$(java -version 2>&1 | sed -n 's/^.* version "\([0-9]*\).*/\1/p' | head -n 1)"; \
    flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -Djava.io.tmpdir=/home/sfsim/tmp"; \
    diag="-XX:+UnlockDiagnosticVMOptions"; no_training=""; no_replay=""; fixed_address=""; \
    if java $diag -XX:-AOTRecordTraining -version >/dev/null 2>&1; then no_training="$diag -XX:-AOTRecordTraining"; fi; \
    if java $diag -XX:-AOTReplayTraining -version >/dev/null 2>&1; then no_replay="$diag -XX:-AOTReplayTraining"; fi; \
    if java $diag -XX:ArchiveRelocationMode=0 -version >/dev/null 2>&1; then fixed_address="$diag -XX:ArchiveRelocationMode=0"; fi; \
    if ! java -Djava.locale.providers=FALLBACK -XshowSettings:locale -version 2>&1 | grep -qi "invalid locale provider"; then \
      flags="$flags -Djava.locale.providers=FALLBACK"; \
    fi; \
    if [ "${major:-0}" -ge 25 ] && [ "$CLASS_CACHE" != cds ]; then \
      train="-XX:AOTCacheOutput=/var/lib/sfsim/sfsim.aot -Xlog:aot=off -Xlog:cds=off $no_training"; \
      use="-XX:AOTCache=/var/lib/sfsim/sfsim.aot -Xlog:aot=off -Xlog:cds=off $fixed_address $no_replay"; \
    else \
      train="-XX:ArchiveClassesAtExit=/var/lib/sfsim/sfsim.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"; \
      use="-XX:SharedArchiveFile=/var/lib/sfsim/sfsim.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"; \
    fi; \
    java $flags -jar /opt/sfsim/sfsim-simulator.jar prepare >/home/sfsim/tmp/prepare.log 2>&1 \
      || { tail -n 50 /home/sfsim/tmp/prepare.log; exit 1; }; \
    java $train $flags -jar /opt/sfsim/sfsim-simulator.jar train >>/home/sfsim/tmp/prepare.log 2>&1 \
      || { tail -n 50 /home/sfsim/tmp/prepare.log; exit 1; }; \
    rm -f /home/sfsim/tmp/prepare.log; \
    printf '%s\n' $use $flags -XX:+ExitOnOutOfMemoryError >/var/lib/sfsim/jvm.args; \
    echo "Java $major: $(tr '\n' ' ' </var/lib/sfsim/jvm.args)"

EXPOSE 8080

# No curl or wget in slim JRE images: bash's /dev/tcp sends the request, grep looks for "UP". Probed every second:
# Docker's first probe comes one interval after the start, so `docker compose up --wait` or a `service_healthy`
# dependency saw "healthy" no sooner than 5 s with a 5 s interval, whatever the start took (--start-interval needs
# Docker 25; CI builds with 20.10). 15 failed probes in a row (as 3 at 5 s before) make it unhealthy.
HEALTHCHECK --interval=1s --timeout=3s --start-period=30s --retries=15 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SFSIM_PORT:-8080} && printf 'GET /__admin/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]

# Exec form: java is PID 1 and receives SIGTERM from `docker stop` directly. The flags (see the preparation step
# above) are C1 only and the serial collector: a test double starts fast and stays small rather than reaching peak
# throughput. An 8 MiB young generation: the default is a third of an initial heap sized from the host's memory
# (about 100 MiB on a 24 GiB machine), all of it touched by the allocations of the start, while what stays live is
# about 20 MiB (a start now makes two young collections of a few milliseconds each). Extra JVM flags:
# JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "@/var/lib/sfsim/jvm.args", "-jar", "/opt/sfsim/sfsim-simulator.jar"]
