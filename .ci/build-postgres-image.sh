#!/usr/bin/env bash
# Builds a PostgreSQL 15 image offline (no image registry needed), for the tests of
# SalesforceSimulatorContainer.withExternalPostgres: a Debian bookworm minbase rootfs made with debootstrap, plus
# Debian's postgresql-15, imported with `docker import`. Its entrypoint behaves like the official `postgres` image
# as far as Testcontainers' PostgreSQLContainer relies on it: POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB,
# port 5432 on every interface, and "database system is ready to accept connections" logged twice (once by the
# temporary server that creates the database, once by the real one). Does nothing when the image exists.
#
# Usage: .ci/build-postgres-image.sh [IMAGE]     (default IMAGE: sfsim/postgres:15)
# Env:   DEBIAN_MIRROR (default http://deb.debian.org/debian)
set -euo pipefail

image="${1:-sfsim/postgres:15}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "PostgreSQL image $image already present"
  exit 0
fi

rootfs="$(mktemp -d /tmp/sfsim-pg-rootfs.XXXXXX)"
chmod 0755 "$rootfs"
cleanup() {
  if mountpoint -q "$rootfs/proc"; then umount "$rootfs/proc" || umount -l "$rootfs/proc"; fi
  rm -rf --one-file-system "$rootfs"
}
trap cleanup EXIT

echo "debootstrap bookworm (minbase) into $rootfs"
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/tmp/sfsim-pg-debootstrap.log 2>&1 \
  || { tail -n 30 /tmp/sfsim-pg-debootstrap.log; exit 1; }

echo "installing postgresql-15 in the rootfs"
mount -t proc proc "$rootfs/proc"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive bash -c '
  set -e
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/no-main.conf
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql-15
  apt-get clean
  rm -rf /var/lib/apt/lists/*
' >/tmp/sfsim-pg-chroot-apt.log 2>&1 || { tail -n 30 /tmp/sfsim-pg-chroot-apt.log; exit 1; }
umount "$rootfs/proc"
: >"$rootfs/etc/resolv.conf"

cat >"$rootfs/usr/local/bin/docker-entrypoint.sh" <<'SH'
#!/bin/bash
# The official postgres image's contract, reduced to what tests use.
set -euo pipefail
export PATH=/usr/lib/postgresql/15/bin:$PATH
if [[ "${1:-}" == postgres ]]; then shift; fi   # `postgres -c fsync=off`, as Testcontainers passes it
PGDATA=/var/lib/postgresql/data
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
if [[ "$(id -u)" == 0 ]]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  pwfile=$(mktemp)
  printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" >"$pwfile"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [[ "$db" != postgres ]]; then psql -v ON_ERROR_STOP=1 -U "$user" -d postgres -c "CREATE DATABASE \"$db\""; fi
  pg_ctl -D "$PGDATA" -m fast -w stop
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
SH
chmod 0755 "$rootfs/usr/local/bin/docker-entrypoint.sh"

echo "importing rootfs as $image"
tar -C "$rootfs" -c . | docker import \
  --change 'ENV LANG=C.UTF-8' \
  --change 'EXPOSE 5432' \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  --change 'CMD []' \
  - "$image" >/dev/null
docker image ls "$image"
