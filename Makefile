# Keyline: the two commands are `make run` and `make test`.
SHELL := /bin/bash
GO ?= go
DEVDB := scripts/devdb.sh
DEV_PORT ?= 7687
DEV_DATA ?= devdb/data
export NEO4J_URI ?= bolt://127.0.0.1:$(DEV_PORT)

.PHONY: run test stop db web lint generate check-generated ci bench bench-import bench-peer bench-web clean-db

# The workbench's sources: a change to any of them (or to the schema its
# operations are typed from) rebuilds web/dist, which the binary embeds.
WEB_SOURCES := $(shell find web/src web/index.html web/explorer.html web/vite.config.ts web/codegen.ts web/tsconfig.json \
	-type f -not -path 'web/src/gql/*' 2>/dev/null) schema.graphqls

## run: start the development Neo4j, migrate, load the demo operation if the
## database is empty, build the workbench if its sources changed, and serve
## the workbench at http://127.0.0.1:8080/ (GraphQL at /graphql, the
## explorer at /explorer).
run: db web
	$(GO) run ./cmd/keyline migrate
	$(GO) run ./cmd/keyline seed --if-empty
	$(GO) run ./cmd/keyline serve --dev

## db: start the development Neo4j (reused if already running).
db:
	@if $(DEVDB) status --data $(DEV_DATA) --port $(DEV_PORT) >/dev/null 2>&1; then \
		echo "devdb: already running on $(DEV_PORT)"; \
	else \
		$(DEVDB) start --port $(DEV_PORT) --data $(DEV_DATA); \
	fi

## stop: stop the development Neo4j.
stop:
	$(DEVDB) stop --data $(DEV_DATA)

## clean-db: stop the development Neo4j and delete its data.
clean-db: stop
	rm -rf $(DEV_DATA)

## web: build the workbench into web/dist/app when its sources changed (npm ci
## first when the lockfile changed).
web: web/dist/app/index.html

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm ci --no-audit --no-fund

web/dist/app/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && npm run build

## test: start a throwaway Neo4j (auth on) on a free port, run every Go test,
## stop it; then the workbench's unit tests, and its end-to-end tests in
## headless Chromium against the whole stack on another throwaway Neo4j.
test: web
	scripts/test.sh
	cd web && npm test
	scripts/e2e.sh

## lint: gofmt, go vet, staticcheck.
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

## generate: regenerate gqlgen code from schema.graphqls.
generate:
	$(GO) run github.com/99designs/gqlgen generate

## check-generated: fail if the committed generated code is out of date.
check-generated: generate
	@git diff --exit-code -- graph/ resolvers/ || (echo "generated code is out of date: run make generate and commit" && exit 1)

## ci: what .ci/run runs.
ci: check-generated lint test

## bench: run the Go benchmarks against a throwaway Neo4j.
bench:
	KEYLINE_BENCH=1 scripts/test.sh -run '^$$' -bench . -benchmem ./...

## bench-import: the importer at dataset scale (PERSONS nominals, 1.3 x phones,
## 2 x call data; PERSONS=100000 by default, 1000000 for the regional scale)
## and the write-path floor, on a throwaway Neo4j with room; see docs/BENCHMARKS.md.
bench-import:
	IMPORT_BENCH_PERSONS=$${PERSONS:-100000} DEVDB_HEAP=4g DEVDB_PAGECACHE=6g DEVDB_TX_MEMORY=1g \
		scripts/test.sh -run '^$$' -bench 'ImportDataset|ImportFloor' -benchtime 1x -timeout 60m ./importer/

## bench-web: the workbench's first-load weight and chart draw times (500 and
## 2,000 entities) in headless Chromium; see docs/BENCHMARKS.md.
bench-web:
	scripts/bench-web.sh

## bench-peer: Keyline against @neo4j/graphql and raw Cypher on one Neo4j and
## one synthetic network (PERSONS=100000 by default); see docs/PEER.md.
bench-peer:
	scripts/bench-peer.sh
