# Seam's tasks. `make demo` and `make test` do the whole set-up on a fresh machine:
# Go modules, Redis and Mosquitto from Debian's packages, Neo4j from Maven Central.
SHELL := /bin/bash
GO    ?= go
BIN   := bin/seam
# Tests take 10-20 minutes of CPU under -race on two cores; CI stops at 90.
TEST_TIMEOUT ?= 30m
# Where tests keep what they leave for people to look at (the dashboard test's
# screenshots and accessibility reports), under _artifacts/.
ARTIFACTS ?= $(CURDIR)/test-artifacts

.PHONY: all build test test-short demo services-up services-down services-reset services-status \
        generate check-generated lint fuzz fuzz-ci test-faults test-faults-long bench clean \
        web web-deps web-check tools

all: build

build:
	$(GO) build -o $(BIN) ./cmd/seam

# Starts Neo4j, Redis and Mosquitto on loopback (each only if not already running) and
# waits for a real Bolt handshake, a Redis PING and an MQTT CONNACK.
services-up: build
	@scripts/services.sh up
	@$(BIN) wait --timeout 5m

services-down:
	@scripts/services.sh down

# Stops the local services, removes their data (every tenant tests and benchmarks left
# behind) and starts them empty.
services-reset: build
	@scripts/services.sh reset
	@$(BIN) wait --timeout 5m

services-status:
	@scripts/services.sh status

# The dashboard's browser test needs Chromium and axe-core (web-deps); web-check first
# fails when the committed bundle is not what its sources build, then runs the views'
# pure-logic tests (node --test web/test).
test: services-up web-check
	$(GO) vet ./...
	@mkdir -p $(ARTIFACTS)
	$(GO) test -race -timeout $(TEST_TIMEOUT) -artifacts -outputdir $(ARTIFACTS) ./...
	@echo "test artifacts (dashboard screenshots, axe reports): $(ARTIFACTS)/_artifacts"

# Node.js, npm and Chromium from Debian's packages where missing.
tools:
	@scripts/services.sh tools

# The dashboard's npm packages, installed again only when package-lock.json changed.
web-deps: tools
	@cmp -s web/package-lock.json web/node_modules/.seam-lock || \
	  (cd web && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.seam-lock)

# Rebuilds the dashboard's bundle (web/dist, embedded by package web): commit it.
web: web-deps
	cd web && node build.mjs

web-check: web-deps
	cd web && node build.mjs --check && node --test test/

# Pure-logic tests only; no services needed.
test-short:
	$(GO) test -short ./...

demo: services-up
	$(BIN) demo

generate:
	$(GO) generate ./...

# Fails when the committed generated code differs from what the schema produces.
check-generated: generate
	@git diff --exit-code -- graph/ || (echo "graph/: generated code is stale; run make generate and commit" >&2; exit 1)

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)
	$(GO) vet ./...

# Runs every fuzz target briefly (FUZZTIME each).
FUZZTIME ?= 10s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run=NONE -fuzz="^$$f$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# CI's fuzzing: each target FUZZTIME_CI, the whole run within FUZZ_BUDGET seconds (a
# target also costs its instrumented build: 10-40 s each on two busy cores, so not all
# 61 fit; each day starts at another target). A crasher's input stays under
# testdata/fuzz/, to commit with the fix as a regression test.
FUZZTIME_CI ?= 5s
FUZZ_BUDGET ?= 600
fuzz-ci:
	@FUZZ_BUDGET=$(FUZZ_BUDGET) scripts/fuzz.sh $(FUZZTIME_CI)

# The fault suite alone (it also runs in make test): private Neo4j, Redis and Mosquitto
# on free ports are killed and restarted; the shared services are never touched.
test-faults: services-up
	$(GO) test -count=1 -timeout 15m -v ./internal/faulttest/

# The same with the issue's full 60 s outages.
test-faults-long: services-up
	SEAM_FAULT_OUTAGE=60s $(GO) test -count=1 -timeout 30m -v ./internal/faulttest/

bench: services-up
	$(BIN) bench ingest

clean:
	rm -rf bin test-artifacts
