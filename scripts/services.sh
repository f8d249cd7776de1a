#!/usr/bin/env bash
# Starts, stops and reports the runtime parts Seam needs on loopback: Neo4j 5 Community
# (from Maven Central), Redis 7 and Mosquitto (from Debian's packages).
#
#   scripts/services.sh up|down|status|tools
#   scripts/services.sh neo4j-runtime   prints the Neo4j jar folder and the java to run it
#                                       with (fetching the jars first), for tests that start
#                                       a private Neo4j of their own
#
# "tools" installs what the dashboard's bundle and its browser test need, from Debian's
# packages where missing: Node.js and npm (to rebuild web/dist), Chromium and a font.
#
# Idempotent: "up" starts only what is not already answering; "down" stops only what this
# script started (it keeps pid files under $SEAM_STATE). A part whose SEAM_* address points
# somewhere other than the loopback default is the user's own server and is left alone.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state=${SEAM_STATE:-$root/.seam}
neo4j_version=$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$root/scripts/neo4j/pom.xml")

neo4j_uri=${SEAM_NEO4J_URI:-bolt://127.0.0.1:7687}
redis_addr=${SEAM_REDIS_ADDR:-127.0.0.1:6379}
mqtt_url=${SEAM_MQTT_URL:-tcp://127.0.0.1:1883}

# Heap and page cache for a 2-core, 24 GiB machine shared with Redis, Seam and the tests.
# The page cache holds the store's hot pages: with 1g, a million-document tenant (about
# 8 GB on disk) outgrew it and resolution slowed from 100k to 1M documents. 6g leaves
# over half the RAM to everything else; the page cache default would take half the RAM.
neo4j_heap=${SEAM_NEO4J_HEAP:-3g}
neo4j_pagecache=${SEAM_NEO4J_PAGECACHE:-6g}
# The garbage collector of the local Neo4j: ZGC by default, G1 (Neo4j's own default) with
# SEAM_NEO4J_GC=g1. With G1 the bench's load left young collections of 30-250 ms in the GC
# log (a live webhook caught by one waits for it); ZGC pauses for under a millisecond.
# Alternating runs of `seam bench stock` on one database (2026-12-06): webhook to
# subscriber p99 23.9 and 25.2 ms with ZGC, 28.1 and 31.6 ms with G1, at load 3-6; the
# ingest bench's ratio was the same under both. Neo4j tests with G1 only; ZGC is the
# JVM's, production-ready since JDK 15.
case ${SEAM_NEO4J_GC:-zgc} in
zgc) neo4j_gc=-XX:+UseZGC ;;
g1) neo4j_gc=-XX:+UseG1GC ;;
*) echo "services: SEAM_NEO4J_GC must be zgc or g1" >&2; exit 2 ;;
esac

log() { printf 'services: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

is_local() { # $1 address; true when it is one of the loopback defaults this script manages
	case "$1" in
	bolt://127.0.0.1:7687 | bolt://localhost:7687 | neo4j://127.0.0.1:7687 | neo4j://localhost:7687) return 0 ;;
	127.0.0.1:6379 | localhost:6379) return 0 ;;
	tcp://127.0.0.1:1883 | tcp://localhost:1883 | mqtt://127.0.0.1:1883 | mqtt://localhost:1883) return 0 ;;
	esac
	return 1
}

port_open() { # $1 port on 127.0.0.1
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_alive() { # $1 pid file
	[ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		die "need root to run: $* (install it yourself or run as root)"
	fi
}

apt_install() { # $1 package
	log "installing $1 from Debian's packages"
	as_root apt-get update -qq >/dev/null 2>&1 || as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}

apt_ensure() { # $1 command, $2 package
	command -v "$1" >/dev/null && return 0
	[ -x "/usr/sbin/$1" ] && return 0
	apt_install "$2"
}

pkg_ensure() { # $1 package: installed unless dpkg knows it
	dpkg -s "$1" >/dev/null 2>&1 || apt_install "$1"
}

# The Debian packages start their own system services on install; we run our own
# instances instead, so a packaged daemon on the same port would be in the way.
stop_packaged() { # $1 service name, $2 port
	if port_open "$2" && command -v service >/dev/null; then
		as_root service "$1" stop >/dev/null 2>&1 || true
	fi
}

redis_up() {
	is_local "$redis_addr" || { log "redis: using $redis_addr (not managed here)"; return 0; }
	if pid_alive "$state/redis/redis.pid"; then log "redis: already running"; return 0; fi
	apt_ensure redis-server redis-server
	[ -f "$state/redis/.installed" ] || { stop_packaged redis-server 6379; touch_dir redis; touch "$state/redis/.installed"; }
	port_open 6379 && { log "redis: something already listens on 127.0.0.1:6379; using it"; return 0; }
	touch_dir redis
	redis-server --bind 127.0.0.1 --port 6379 --daemonize yes \
		--dir "$state/redis" --pidfile "$state/redis/redis.pid" --logfile "$state/redis/redis.log" \
		--appendonly yes --save '' >/dev/null
	wait_port 6379 redis 20
	log "redis: started on 127.0.0.1:6379"
}

mosquitto_up() {
	is_local "$mqtt_url" || { log "mosquitto: using $mqtt_url (not managed here)"; return 0; }
	if pid_alive "$state/mosquitto/mosquitto.pid"; then log "mosquitto: already running"; return 0; fi
	apt_ensure mosquitto mosquitto
	[ -f "$state/mosquitto/.installed" ] || { stop_packaged mosquitto 1883; touch_dir mosquitto; touch "$state/mosquitto/.installed"; }
	port_open 1883 && { log "mosquitto: something already listens on 127.0.0.1:1883; using it"; return 0; }
	touch_dir mosquitto
	# persistence keeps QoS 1 messages queued for persistent sessions across broker restarts.
	# persistent_client_expiration: every test server and bench run is a persistent session
	# of its own client id, and the broker queued every sensor reading for each one that
	# had gone (up to max_queued_messages each): a development broker held 3 GB after a
	# day of test runs (and, we suspect, once acknowledged a QoS 1 publish of seam bench
	# stock too late, after 10 s). This is the
	# loopback broker for development and tests (a deployment configures its own): a session
	# unseen for an hour is dropped; Seam's own reconnects come within seconds.
	# user: when started as root, mosquitto would switch to its own user, which cannot
	# write into our state folder; keep the user that owns the folder.
	cat >"$state/mosquitto/mosquitto.conf" <<EOF
user $(id -un)
listener 1883 127.0.0.1
allow_anonymous true
persistence true
persistence_location $state/mosquitto/
pid_file $state/mosquitto/mosquitto.pid
log_dest file $state/mosquitto/mosquitto.log
max_queued_messages 100000
persistent_client_expiration 1h
EOF
	local bin=mosquitto
	command -v mosquitto >/dev/null || bin=/usr/sbin/mosquitto
	"$bin" -c "$state/mosquitto/mosquitto.conf" -d 2>>"$state/mosquitto/mosquitto.log"
	wait_port 1883 mosquitto 20
	log "mosquitto: started on 127.0.0.1:1883"
}

neo4j_fetch() {
	local lib=$state/neo4j/lib-$neo4j_version
	if [ ! -f "$lib/.complete" ]; then
		command -v mvn >/dev/null || apt_ensure mvn maven
		log "neo4j: fetching org.neo4j:neo4j:$neo4j_version from Maven Central (first start only)"
		rm -rf "$lib"
		mvn -q -B -f "$root/scripts/neo4j/pom.xml" dependency:copy-dependencies \
			-DincludeScope=runtime -DoutputDirectory="$lib" >&2
		touch "$lib/.complete"
	fi
	echo "$lib"
}

neo4j_java() {
	# 5.26 runs on Java 17 or 21, not on newer ones.
	for j in "${SEAM_JAVA:-}" /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/java-21-openjdk-amd64/bin/java "$(command -v java || true)"; do
		[ -n "$j" ] && [ -x "$j" ] || continue
		local v
		v=$("$j" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
		if [ "$v" = 17 ] || [ "$v" = 21 ]; then echo "$j"; return 0; fi
	done
	die "neo4j: needs Java 17 or 21 (set SEAM_JAVA to its java binary)"
}

neo4j_up() {
	is_local "$neo4j_uri" || { log "neo4j: using $neo4j_uri (not managed here)"; return 0; }
	if pid_alive "$state/neo4j/neo4j.pid"; then log "neo4j: already running"; return 0; fi
	port_open 7687 && { log "neo4j: something already listens on 127.0.0.1:7687; using it"; return 0; }
	local lib java home=$state/neo4j/home
	lib=$(neo4j_fetch)
	java=$(neo4j_java)
	mkdir -p "$home/conf" "$home/data" "$home/logs" "$home/plugins"
	# min_replan_interval: Neo4j replans a cached query whose statistics moved by 75% at
	# most this often (default 10 s). A young database's statistics move all the time, so
	# every ten seconds the statements on a live webhook's path were planned again on it
	# (tens of ms each; debug.log's "Discarded stale query", 100 a minute): seam bench
	# stock's webhook-to-subscriber p99 on a fresh database went 29-102 ms -> 19-22 ms.
	# The cost: a plan made while the database was small is kept up to five minutes after
	# its statistics moved, rather than ten seconds. Such plans once scanned a whole index
	# for every row (a new install's first import 5-30x slower); every lookup by a unique
	# key now seeks by hint (README "Plans made on a young database").
	# Only the server's own settings go here: heap is a JVM flag below, because
	# server.memory.heap.* is read only by the bin/neo4j shell launcher we do not use.
	cat >"$home/conf/neo4j.conf" <<EOF
server.bolt.listen_address=127.0.0.1:7687
server.bolt.advertised_address=127.0.0.1:7687
server.bolt.tls_level=DISABLED
server.http.enabled=false
server.https.enabled=false
server.memory.pagecache.size=$neo4j_pagecache
dbms.usage_report.enabled=false
db.tx_log.preallocate=false
dbms.cypher.min_replan_interval=5m
db.tx_log.rotation.retention_policy=2 files
dbms.security.auth_enabled=${SEAM_NEO4J_AUTH:-false}
server.directories.data=$home/data
server.directories.logs=$home/logs
server.directories.plugins=$home/plugins
EOF
	if [ "${SEAM_NEO4J_AUTH:-false}" = true ] && [ ! -d "$home/data/dbms" ]; then
		# The neo4j-admin command of the same jars sets the initial password before first start.
		NEO4J_HOME="$home" NEO4J_CONF="$home/conf" "$java" -cp "$lib/*" org.neo4j.server.startup.Neo4jAdminCommand \
			dbms set-initial-password "${SEAM_NEO4J_PASSWORD:?SEAM_NEO4J_AUTH=true needs SEAM_NEO4J_PASSWORD}" >&2
	fi
	log "neo4j: starting $neo4j_version on 127.0.0.1:7687 (heap $neo4j_heap, page cache $neo4j_pagecache, $neo4j_gc)"
	nohup "$java" -Xms"$neo4j_heap" -Xmx"$neo4j_heap" "$neo4j_gc" -XX:+ExitOnOutOfMemoryError \
		--add-opens=java.base/java.nio=ALL-UNNAMED \
		--add-opens=java.base/java.io=ALL-UNNAMED \
		--add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
		--add-opens=java.base/java.lang=ALL-UNNAMED \
		-Dfile.encoding=UTF-8 \
		-cp "$lib/*" org.neo4j.server.CommunityEntryPoint \
		--home-dir="$home" --config-dir="$home/conf" --console-mode \
		>"$state/neo4j/console.log" 2>&1 </dev/null &
	echo $! >"$state/neo4j/neo4j.pid"
}

touch_dir() { mkdir -p "$state/$1"; }

wait_port() { # $1 port, $2 name, $3 seconds
	local i
	for ((i = 0; i < $3 * 10; i++)); do
		port_open "$1" && return 0
		sleep 0.1
	done
	die "$2: did not open port $1 within $3 s"
}

stop_pid() { # $1 name, $2 pid file
	if pid_alive "$2"; then
		local pid
		pid=$(cat "$2")
		kill "$pid"
		for ((i = 0; i < 600; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		if kill -0 "$pid" 2>/dev/null; then log "$1: did not stop in 60 s; killing"; kill -9 "$pid"; fi
		log "$1: stopped"
	else
		log "$1: not running"
	fi
	rm -f "$2"
}

status_of() { # $1 name, $2 pid file, $3 port, $4 address
	if pid_alive "$2"; then
		printf '%-10s running (pid %s) on %s\n' "$1" "$(cat "$2")" "$4"
	elif port_open "$3"; then
		printf '%-10s answering on %s (not started by this script)\n' "$1" "$4"
	else
		printf '%-10s stopped\n' "$1"
	fi
}

case "${1:-}" in
tools)
	apt_ensure node nodejs
	apt_ensure npm npm
	command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null ||
		[ -n "${SEAM_CHROMIUM:-}" ] || apt_ensure chromium chromium
	pkg_ensure fonts-dejavu-core
	;;
up)
	mkdir -p "$state"
	neo4j_up # first: it takes longest, the others start while it warms up
	redis_up
	mosquitto_up
	;;
down)
	stop_pid neo4j "$state/neo4j/neo4j.pid"
	stop_pid redis "$state/redis/redis.pid"
	stop_pid mosquitto "$state/mosquitto/mosquitto.pid"
	;;
reset)
	# Every test and benchmark leaves its tenants behind (tests run in parallel against one
	# database, each in a tenant of its own, and deleting each at its end would cost
	# minutes of make test); after months of runs the local store holds tens of
	# gigabytes, and the sweeps over every tenant with work or open alerts slow what runs
	# next. Only the services this script manages are touched, and only their data: the
	# installed binaries and Neo4j's jars stay.
	stop_pid neo4j "$state/neo4j/neo4j.pid"
	stop_pid redis "$state/redis/redis.pid"
	stop_pid mosquitto "$state/mosquitto/mosquitto.pid"
	rm -rf "$state/neo4j/home/data" "$state/redis/appendonlydir" "$state/redis/dump.rdb" "$state/mosquitto/mosquitto.db"
	log "services: local data removed"
	mkdir -p "$state"
	neo4j_up
	redis_up
	mosquitto_up
	;;
status)
	status_of neo4j "$state/neo4j/neo4j.pid" 7687 "$neo4j_uri"
	status_of redis "$state/redis/redis.pid" 6379 "$redis_addr"
	status_of mosquitto "$state/mosquitto/mosquitto.pid" 1883 "$mqtt_url"
	;;
neo4j-runtime)
	mkdir -p "$state"
	neo4j_fetch
	neo4j_java
	;;
*)
	echo "usage: $0 up|down|reset|status|tools|neo4j-runtime" >&2
	exit 2
	;;
esac
