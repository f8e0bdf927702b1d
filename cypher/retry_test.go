package cypher

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestRetryTransient(t *testing.T) {
	busy := &neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable", Msg: "busy"}
	syntax := &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError", Msg: "bad"}
	timedOut := &neo4j.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", Msg: "slow"}
	cases := []struct {
		name      string
		errs      []error // returned by successive calls; nil after the list
		wantCalls int
		wantErr   error
	}{
		{"succeeds first time", nil, 1, nil},
		{"transient then succeeds", []error{busy, busy}, 3, nil},
		{"transient every time gives up", []error{busy, busy, busy, busy}, readAttempts, busy},
		{"client error is not retried", []error{syntax}, 1, syntax},
		{"timeout is not retried", []error{timedOut}, 1, timedOut},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			calls := 0
			err := retryTransient(context.Background(), func() error {
				calls++
				if calls <= len(c.errs) {
					return c.errs[calls-1]
				}
				return nil
			})
			if calls != c.wantCalls || !errors.Is(err, c.wantErr) {
				t.Fatalf("calls %d err %v, want calls %d err %v", calls, err, c.wantCalls, c.wantErr)
			}
		})
	}
	t.Run("cancelled context stops waiting", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		start := time.Now()
		err := retryTransient(ctx, func() error { calls++; cancel(); return busy })
		if calls != 1 || !errors.Is(err, busy) || time.Since(start) > time.Second {
			t.Fatalf("calls %d err %v after %v", calls, err, time.Since(start))
		}
	})
}
