#!/usr/bin/env bash
# Builds a JRE base image offline (no image registry needed): a Debian bookworm minbase rootfs made with
# debootstrap, plus a Java runtime, imported with `docker import`. The runtime is either a `jlink`ed one from the
# JDK named by JLINK_JDK (a Java 25 JDK: the image then gets the AOT cache, see the Dockerfile) or, without it,
# openjdk-17-jre-headless from Debian's packages. Does nothing when the image already exists.
#
# Usage: .ci/build-base-image.sh [IMAGE] [ARCH]   (default IMAGE: sfsim/jre-base:17, ARCH: the host's, e.g. amd64)
# Env:   DEBIAN_MIRROR (default http://deb.debian.org/debian)
#        JLINK_JDK     a JDK home whose jlink makes the runtime (its architecture must be ARCH's: the host's)
# A foreign ARCH (e.g. arm64 on an amd64 host) needs qemu-user-static with binfmt registered (see
# .ci/build-arm64.sh): debootstrap then runs in two stages, the second one under emulation.
set -euo pipefail

image="${1:-sfsim/jre-base:17}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
host_arch="$(dpkg --print-architecture)"
arch="${2:-$host_arch}"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "base image $image already present"
  exit 0
fi

rootfs="$(mktemp -d /tmp/sfsim-rootfs.XXXXXX)"
chmod 0755 "$rootfs"   # becomes the image's "/": must not stay mktemp's 0700
cleanup() {
  if mountpoint -q "$rootfs/proc"; then umount "$rootfs/proc" || umount -l "$rootfs/proc"; fi
  rm -rf --one-file-system "$rootfs" "$rootfs.ctx"
}
trap cleanup EXIT

if [[ "$arch" == "$host_arch" ]]; then
  echo "debootstrap bookworm (minbase) into $rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/tmp/sfsim-debootstrap-$arch.log 2>&1 \
    || { tail -n 30 /tmp/sfsim-debootstrap-$arch.log; exit 1; }
else
  # Foreign: unpack on the host, then let the target's own dpkg configure the packages (via binfmt + qemu).
  echo "debootstrap bookworm (minbase, $arch, two stages) into $rootfs"
  debootstrap --variant=minbase --arch="$arch" --foreign bookworm "$rootfs" "$mirror" \
    >/tmp/sfsim-debootstrap-$arch.log 2>&1 || { tail -n 30 /tmp/sfsim-debootstrap-$arch.log; exit 1; }
  chroot "$rootfs" /debootstrap/debootstrap --second-stage >>/tmp/sfsim-debootstrap-$arch.log 2>&1 \
    || { tail -n 30 /tmp/sfsim-debootstrap-$arch.log; exit 1; }
fi

# What the simulator's jar needs (jdeps over the unpacked jar) plus what it may reach by reflection or by a
# client's request: sun.misc.Unsafe, extra charsets, English locale data, zip file systems, socket options.
# Not jdk.jfr: Jdbi registers a Flight Recorder event only when that module is there (about 100 ms of a start).
JLINK_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.management,java.naming,java.net.http,\
java.rmi,java.security.jgss,java.sql,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.net,jdk.zipfs

if [[ -n "${JLINK_JDK:-}" ]]; then
  [[ "$arch" == "$host_arch" ]] || { echo "JLINK_JDK needs ARCH = the host's ($host_arch)" >&2; exit 1; }
  echo "jlink a runtime from $JLINK_JDK into the rootfs (/opt/java)"
  # --generate-cds-archive: the runtime's default CDS archive, the base the image's own archive builds on.
  "$JLINK_JDK/bin/jlink" --add-modules "$JLINK_MODULES" --include-locales=en --strip-debug --no-man-pages \
    --no-header-files --generate-cds-archive --output "$rootfs/opt/java" >/tmp/sfsim-jlink.log 2>&1 \
    || { tail -n 30 /tmp/sfsim-jlink.log; exit 1; }
  ln -s /opt/java/bin/java "$rootfs/usr/local/bin/java"
  echo "importing rootfs as $image"
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV LANG=C.UTF-8' \
    --change 'ENV JAVA_HOME=/opt/java' \
    --change 'CMD ["bash"]' \
    - "$image" >/dev/null
  docker image ls "$image"
  exit 0
fi

echo "installing openjdk-17-jre-headless in the rootfs"
mount -t proc proc "$rootfs/proc"
# Name resolution for apt inside the chroot.
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive bash -c '
  set -e
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
  apt-get clean
  rm -rf /var/lib/apt/lists/*
' >/tmp/sfsim-chroot-apt-$arch.log 2>&1 || { tail -n 30 /tmp/sfsim-chroot-apt-$arch.log; exit 1; }
umount "$rootfs/proc"
: >"$rootfs/etc/resolv.conf"

if [[ "$arch" == "$host_arch" ]]; then
  echo "importing rootfs as $image"
  tar -C "$rootfs" -c . | docker import \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["bash"]' \
    - "$image" >/dev/null
else
  # `docker import --platform` is ignored by this engine (the image would claim the host's architecture); a
  # FROM scratch build for the target platform records it. ADD unpacks the tar.
  echo "building $image (linux/$arch) from the rootfs"
  mkdir "$rootfs.ctx"
  tar -C "$rootfs" -c . >"$rootfs.ctx/rootfs.tar"
  printf 'FROM scratch\nADD rootfs.tar /\nENV LANG=C.UTF-8\nCMD ["bash"]\n' >"$rootfs.ctx/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q --platform "linux/$arch" -t "$image" "$rootfs.ctx" >/dev/null
fi
docker image ls "$image"
