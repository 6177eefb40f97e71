#!/usr/bin/env bash
# Builds a JRE base image offline (no image registry needed): a Debian bookworm minbase rootfs made with
# debootstrap, plus openjdk-17-jre-headless from Debian's packages, imported with `docker import`.
# Does nothing when the image already exists.
#
# Usage: .ci/build-base-image.sh [IMAGE]        (default IMAGE: sfsim/jre-base:17)
# Env:   DEBIAN_MIRROR (default http://deb.debian.org/debian)
set -euo pipefail

image="${1:-sfsim/jre-base:17}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "base image $image already present"
  exit 0
fi

rootfs="$(mktemp -d /tmp/sfsim-rootfs.XXXXXX)"
chmod 0755 "$rootfs"   # becomes the image's "/": must not stay mktemp's 0700
cleanup() {
  if mountpoint -q "$rootfs/proc"; then umount "$rootfs/proc" || umount -l "$rootfs/proc"; fi
  rm -rf --one-file-system "$rootfs"
}
trap cleanup EXIT

echo "debootstrap bookworm (minbase) into $rootfs"
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/tmp/sfsim-debootstrap.log 2>&1 \
  || { tail -n 30 /tmp/sfsim-debootstrap.log; exit 1; }

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
' >/tmp/sfsim-chroot-apt.log 2>&1 || { tail -n 30 /tmp/sfsim-chroot-apt.log; exit 1; }
umount "$rootfs/proc"
: >"$rootfs/etc/resolv.conf"

echo "importing rootfs as $image"
tar -C "$rootfs" -c . | docker import \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["bash"]' \
  - "$image" >/dev/null
docker image ls "$image"
