// Package neo4jtest connects tests to the Neo4j that `make test` starts
// (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). Without it,
// integration tests skip, unless KEYLINE_REQUIRE_NEO4J is set, when they
// fail: under `make test` a missing database is an error, never a pass.
package neo4jtest

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline/cypher"
)

// Config returns the store configuration from the environment.
func Config() (cypher.Config, bool) {
	uri := os.Getenv("NEO4J_URI")
	return cypher.Config{
		URI: uri, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"), TxTimeout: 30 * time.Second,
	}, uri != ""
}

var (
	once     sync.Once
	shared   *cypher.Store
	sharedEr error
)

// Store returns a migrated store shared by the tests of one package.
// Tests isolate their data by creating their own operation, so packages
// run in parallel against one database.
func Store(t testing.TB) *cypher.Store {
	t.Helper()
	cfg, ok := Config()
	if !ok {
		if os.Getenv("KEYLINE_REQUIRE_NEO4J") != "" {
			t.Fatal("NEO4J_URI is not set but KEYLINE_REQUIRE_NEO4J is: the test Neo4j did not start")
		}
		t.Skip("NEO4J_URI not set: run `make test` for integration tests")
	}
	once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		shared, sharedEr = cypher.Open(ctx, cfg, zerolog.Nop())
		if sharedEr == nil {
			_, sharedEr = shared.Migrate(ctx)
		}
	})
	if sharedEr != nil {
		t.Fatalf("test Neo4j: %v", sharedEr)
	}
	return shared
}
