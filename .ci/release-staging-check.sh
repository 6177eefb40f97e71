#!/usr/bin/env bash
# The release profile up to the local staging directory, nothing uploaded: signs with a throwaway GPG key (a temporary
# GNUPGHOME, no passphrase, no prompt), runs `-Prelease deploy` with -Dcentral.skipUpload=true for the published
# modules (tests skipped: `./mvnw install` ran them on the same sources), then checks what Sonatype's
# central-publishing-maven-plugin staged: for each published artifact its pom, jar, sources and javadoc jars, a .asc
# signature of each, and .md5/.sha1 checksums.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="$(sed -n '0,/<artifactId>sfsim-parent<\/artifactId>/d; s:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
STAGING=target/central-staging

# The plugin stages (with checksums) and bundles release versions only; a snapshot it defers to Central's snapshot
# repository. So a snapshot is staged as the release it will become, in a copy of the sources (and of the modules'
# target directories, so the compiled classes are reused), installing nothing.
RELEASE_VERSION="${VERSION%-SNAPSHOT}"
copy=""
if [[ "$RELEASE_VERSION" != "$VERSION" ]]; then
  copy="$(mktemp -d /tmp/sfsim-release.XXXXXX)"
  git ls-files -z | xargs -0 cp --parents -t "$copy"
  for module in simulator testcontainers-module; do
    if [[ -d "$module/target" ]]; then cp -r "$module/target" "$copy/$module/"; fi
  done
  sed -i "s:<version>$VERSION</version>:<version>$RELEASE_VERSION</version>:" "$copy"/pom.xml "$copy"/*/pom.xml
  echo "staging $VERSION as $RELEASE_VERSION in $copy"
  cd "$copy"
  VERSION="$RELEASE_VERSION"
fi

GNUPGHOME="$(mktemp -d /tmp/sfsim-gnupg.XXXXXX)"
export GNUPGHOME
chmod 700 "$GNUPGHOME"
trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME" ${copy:+"$copy"}' EXIT
gpg --batch --quiet --passphrase '' --quick-generate-key 'sfsim CI throwaway key <ci@sfsim.invalid>' ed25519 sign 1d
echo "throwaway signing key: $(gpg --batch --list-secret-keys --with-colons | awk -F: '/^fpr/ {print $10; exit}')"

rm -rf "$STAGING"
./mvnw -B -q -Prelease -pl simulator,testcontainers-module -am deploy \
  -DskipTests -DskipITs -Dfuzz.skip=true -Dcentral.skipUpload=true -Dmaven.install.skip=true

problems=()
check_artifact() {   # check_artifact ARTIFACT_ID FILE_SUFFIXES...
  local dir="$STAGING/dev/sfsim/$1/$VERSION" suffix file
  shift
  for suffix in "$@"; do
    file="$dir/$suffix"
    [[ -s "$file" ]] || { problems+=("missing $file"); continue; }
    local extra
    for extra in .asc .md5 .sha1; do
      [[ -s "$file$extra" ]] || problems+=("missing $file$extra")
    done
    if [[ -s "$file.asc" ]] && ! gpg --batch --quiet --verify "$file.asc" "$file" 2>/dev/null; then
      problems+=("bad signature $file.asc")
    fi
    if [[ -s "$file.sha1" ]] && [[ "$(sha1sum "$file" | cut -d' ' -f1)" != "$(cut -d' ' -f1 <"$file.sha1")" ]]; then
      problems+=("wrong checksum $file.sha1")
    fi
  done
}
check_artifact sfsim-parent "sfsim-parent-$VERSION.pom"
for module in sfsim-simulator sfsim-testcontainers; do
  check_artifact "$module" "$module-$VERSION.pom" "$module-$VERSION.jar" "$module-$VERSION-sources.jar" "$module-$VERSION-javadoc.jar"
done
[[ ! -e "$STAGING/dev/sfsim/sfsim-sample-tests" ]] || problems+=("sfsim-sample-tests must not be staged")
for tag in '<licenses>' '<developers>' '<scm>' '<url>https://github.com/sfsim/sfsim</url>'; do
  grep -q "$tag" "$STAGING/dev/sfsim/sfsim-parent/$VERSION/sfsim-parent-$VERSION.pom" || problems+=("parent pom lacks $tag")
done

if ((${#problems[@]})); then
  printf 'release staging: %s\n' "${problems[@]}" >&2
  exit 1
fi
echo "release staging: OK ($(find "$STAGING" -type f | wc -l) files under $STAGING)"
find "$STAGING" -type f -name '*.jar' -o -type f -name '*.pom' | sort | sed 's/^/    /'
