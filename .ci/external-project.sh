#!/usr/bin/env bash
# The "adopt it in five minutes" check: a new Maven project in a temporary directory, outside this repository,
# depending only on dev.sfsim:sfsim-testcontainers as `./mvnw install` put it in the local Maven repository, plus
# JUnit Jupiter. Its test is the README's in-process example (the ```java block after `<!-- in-process-example -->`),
# run three ways:
#   container   the same class without `mode = IN_PROCESS`, after removing the sfsim/simulator:<version> image, so the
#               module must build the image itself (on SFSIM_BASE_IMAGE) and say so;
#   in-process  with no Docker engine reachable (DOCKER_HOST=unix:///nonexistent);
#   spring-boot in process again, under spring-boot-starter-parent 3.2 (JUnit 5.10, Jackson 2.15, Testcontainers 2
#               through <testcontainers.version>).
# Maven runs on the JDK of JAVA_HOME (else the java on PATH); .ci/run runs spring-boot on the newest JDK there.
# Usage: .ci/external-project.sh [container] [in-process] [spring-boot]   (default: all three)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
VERSION="$(sed -n '0,/<artifactId>sfsim-parent<\/artifactId>/d; s:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
JUNIT_VERSION="$(pom_property junit.version)"
SUREFIRE_VERSION="$(pom_property surefire.version)"
COMPILER_VERSION="$(pom_property compiler-plugin.version)"
TESTCONTAINERS_VERSION="$(pom_property testcontainers.version)"
SPRING_BOOT_VERSION=3.2.12
IMAGE="sfsim/simulator:$VERSION"
[[ -n "$VERSION" && -n "$JUNIT_VERSION" && -n "$SUREFIRE_VERSION" ]] || { echo "could not read versions from pom.xml" >&2; exit 1; }
M2_REPO="${HOME}/.m2/repository"
[[ -f "$M2_REPO/dev/sfsim/sfsim-testcontainers/$VERSION/sfsim-testcontainers-$VERSION.jar" ]] \
  || { echo "dev.sfsim:sfsim-testcontainers:$VERSION is not in $M2_REPO: run ./mvnw -B install first" >&2; exit 1; }

example="$(awk '/^<!-- in-process-example -->$/ {armed=1; next}
                armed && /^```java$/ {inside=1; next}
                inside && /^```$/ {exit}
                inside {print}' README.md)"
grep -q 'mode = IN_PROCESS, ' <<<"$example" || { echo "README: no in-process example with 'mode = IN_PROCESS, '" >&2; exit 1; }

work="$(mktemp -d /tmp/sfsim-adopter.XXXXXX)"
trap 'rm -rf "$work"' EXIT

write_project() {   # write_project DIR PARENT_AND_DEPENDENCY_MANAGEMENT JUNIT_DEPENDENCY_VERSION PLUGINS
  mkdir -p "$1/src/test/java/dev/sfsim/samples"
  cat >"$1/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
$2
  <groupId>example</groupId>
  <artifactId>sfsim-adopter</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <testcontainers.version>$TESTCONTAINERS_VERSION</testcontainers.version>
  </properties>
$3
  <dependencies>
    <dependency>
      <groupId>dev.sfsim</groupId>
      <artifactId>sfsim-testcontainers</artifactId>
      <version>$VERSION</version>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
$4
</project>
POM
}

PLAIN_MANAGEMENT="  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>$JUNIT_VERSION</version>
        <type>pom</type><scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>"
PLAIN_PLUGINS="  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>$COMPILER_VERSION</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>$SUREFIRE_VERSION</version></plugin>
    </plugins>
  </build>"
BOOT_PARENT="  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>$SPRING_BOOT_VERSION</version>
    <relativePath/>
  </parent>"

java_version() {   # of the JDK Maven runs on: JAVA_HOME, else the java on PATH
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p'
}

run_maven() {   # run_maven DIR TEST LOG [ENV...]
  local dir=$1 test=$2 log=$3
  shift 3
  if ! env "$@" "$ROOT/mvnw" -B -f "$dir/pom.xml" test -Dtest="$test" >"$log" 2>&1; then
    tail -n 80 "$log" >&2
    echo "external project ($test): FAILED, log: $log" >&2
    return 1
  fi
  grep -E 'Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0' "$log" | tail -n 1
}

check_container() {
  local dir="$work/container" log="$work/container.log"
  write_project "$dir" "" "$PLAIN_MANAGEMENT" "$PLAIN_PLUGINS"
  sed -e 's/mode = IN_PROCESS, //' -e 's/class InProcessQuickStartIT/class ContainerQuickStartIT/' <<<"$example" \
    >"$dir/src/test/java/dev/sfsim/samples/ContainerQuickStartIT.java"
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    echo "removing $IMAGE so that the module has to build it"
    docker image rm "$IMAGE" >/dev/null
  fi
  run_maven "$dir" ContainerQuickStartIT "$log" SFSIM_BASE_IMAGE="${SFSIM_BASE_IMAGE:-}"
  grep -F "sfsim: image $IMAGE is neither present nor pullable; building it from " "$log" \
    || { echo "container: the module did not say it built $IMAGE" >&2; exit 1; }
  docker image inspect "$IMAGE" >/dev/null || { echo "container: $IMAGE is still missing" >&2; exit 1; }
  echo "container: OK (image built by the module, test green)"
}

check_in_process() {
  local dir="$work/in-process" log="$work/in-process.log"
  write_project "$dir" "" "$PLAIN_MANAGEMENT" "$PLAIN_PLUGINS"
  printf '%s\n' "$example" >"$dir/src/test/java/dev/sfsim/samples/InProcessQuickStartIT.java"
  run_maven "$dir" InProcessQuickStartIT "$log" DOCKER_HOST=unix:///nonexistent TESTCONTAINERS_HOST_OVERRIDE=
  echo "in-process: OK (no Docker reachable, JUnit $JUNIT_VERSION, Java $(java_version))"
}

check_spring_boot() {
  local dir="$work/spring-boot" log="$work/spring-boot.log"
  write_project "$dir" "$BOOT_PARENT" "" ""
  printf '%s\n' "$example" >"$dir/src/test/java/dev/sfsim/samples/InProcessQuickStartIT.java"
  run_maven "$dir" InProcessQuickStartIT "$log" DOCKER_HOST=unix:///nonexistent
  local junit
  junit="$(cd "$dir" && "$ROOT/mvnw" -B -q -f "$dir/pom.xml" dependency:list -DincludeArtifactIds=junit-jupiter-api -DoutputFile=/dev/stdout 2>/dev/null | grep -o 'junit-jupiter-api:jar:[^:]*' | head -n 1 || true)"
  echo "spring-boot: OK (spring-boot-starter-parent $SPRING_BOOT_VERSION, ${junit:-junit-jupiter-api managed by Spring Boot}, Java $(java_version))"
}

checks=("$@")
((${#checks[@]})) || checks=(container in-process spring-boot)
for check in "${checks[@]}"; do
  case "$check" in
    container) check_container ;;
    in-process) check_in_process ;;
    spring-boot) check_spring_boot ;;
    *) echo "unknown check: $check (container, in-process, spring-boot)" >&2; exit 2 ;;
  esac
done
