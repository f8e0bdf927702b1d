// Package cypher is Keyline's Neo4j store: the only package that imports
// the driver. Every statement it runs is a named file under queries/ (or a
// migration under migrations/), every read is filtered by the caller's
// Scope, and every write records an AuditEvent in the same transaction.
package cypher

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
)

// Config says how to reach Neo4j. Any Neo4j 5 works: bolt://, neo4j://,
// neo4j+s:// URIs.
type Config struct {
	URI      string
	User     string
	Password string
	Database string
	// TxTimeout bounds every transaction on the server side.
	TxTimeout time.Duration
	// MaxPool bounds the driver's connection pool.
	MaxPool int
	// AnalysisTimeout bounds every link-analysis traversal (paths,
	// networks, common links); shorter than TxTimeout so a costly question
	// fails fast with UNAVAILABLE instead of holding the database.
	AnalysisTimeout time.Duration
	// Bookmarks says whether reads follow this process's writes by
	// bookmarks (bookmarks.go); by default only where reads may be routed
	// to a server that has not yet applied them.
	Bookmarks BookmarkPolicy
}

// Driver bounds (see Open).
const (
	connectionAcquisitionTimeout = 3 * time.Second
	socketConnectTimeout         = 2 * time.Second
	maxTransactionRetryTime      = 3 * time.Second
)

// Store is the Neo4j-backed store.
type Store struct {
	driver          neo4j.DriverWithContext
	db              string
	txTimeout       time.Duration
	analysisTimeout time.Duration
	log             zerolog.Logger
	duration        *prometheus.HistogramVec
	// bookmarks make every session follow this process's writes
	// (bookmarks.go); nil where Config.Bookmarks leaves them off.
	bookmarks *bookmarks
	// questions records the audit events of questions (RecordQuery) by
	// group commit.
	questions *groupCommit
}

// Open connects to Neo4j and verifies connectivity.
func Open(ctx context.Context, cfg Config, log zerolog.Logger) (*Store, error) {
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	if cfg.TxTimeout == 0 {
		cfg.TxTimeout = 15 * time.Second
	}
	if cfg.AnalysisTimeout == 0 {
		cfg.AnalysisTimeout = 5 * time.Second
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		if cfg.MaxPool > 0 {
			c.MaxConnectionPoolSize = cfg.MaxPool
		}
		// Fail fast when Neo4j is gone or swamped: a request waits at most
		// this long for a pooled connection, a new connection gets this
		// long to open, and a write transaction is retried for at most
		// MaxTransactionRetryTime (the driver's default, 30 s, held
		// requests past their own timeout when Neo4j was killed). The
		// client is told UNAVAILABLE with a retry hint instead.
		c.ConnectionAcquisitionTimeout = connectionAcquisitionTimeout
		c.SocketConnectTimeout = socketConnectTimeout
		c.SocketKeepalive = true
		c.MaxTransactionRetryTime = maxTransactionRetryTime
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j driver: %w", err)
	}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		_ = driver.Close(ctx)
		return nil, fmt.Errorf("neo4j at %s is not reachable: %w", cfg.URI, err)
	}
	s := &Store{
		driver: driver, db: cfg.Database, txTimeout: cfg.TxTimeout, analysisTimeout: cfg.AnalysisTimeout, log: log,
		bookmarks: newBookmarks(cfg.Bookmarks, cfg.URI),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "keyline_cypher_query_duration_seconds",
			Help:    "Time to run a named Cypher query and read its records.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"query"}),
	}
	s.questions = &groupCommit{flush: func(ctx context.Context, events []any) error {
		return s.writeAuditEvents(withoutClientBookmarks(ctx), events)
	}}
	return s, nil
}

// Collector exposes the store's metrics for registration.
func (s *Store) Collector() prometheus.Collector { return s.duration }

// Close releases the driver.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// Ready reports whether Neo4j answers and every migration is applied.
func (s *Store) Ready(ctx context.Context) error {
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		return err
	}
	for _, m := range migrations() {
		if _, ok := applied[m.version]; !ok {
			return keyline.Errorf(keyline.CodeUnavailable, "migration %s not applied", m.version)
		}
	}
	return nil
}

// --- round trips --------------------------------------------------------

type roundTripKey struct{}

// CountRoundTrips returns a context under which every Cypher statement the
// store runs adds one to *n. Tests use it to prove nested queries cost a
// bounded number of round trips.
func CountRoundTrips(ctx context.Context) (context.Context, *atomic.Int64) {
	n := new(atomic.Int64)
	return context.WithValue(ctx, roundTripKey{}, n), n
}

func countRoundTrip(ctx context.Context) {
	if n, ok := ctx.Value(roundTripKey{}).(*atomic.Int64); ok {
		n.Add(1)
	}
}

// --- running statements -------------------------------------------------

// runner is what both a managed transaction and this store's helpers run
// statements on.
type runner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)
}

// collect runs a named statement and reads all its records as maps.
func (s *Store) collect(ctx context.Context, tx runner, qy query, params map[string]any) ([]map[string]any, error) {
	rows, err := s.collectRaw(ctx, tx, qy, params)
	if err != nil {
		return nil, s.wrap(qy, err)
	}
	return rows, nil
}

// collectRaw is collect with the driver's own errors.
func (s *Store) collectRaw(ctx context.Context, tx runner, qy query, params map[string]any) ([]map[string]any, error) {
	countRoundTrip(ctx)
	start := time.Now()
	res, err := tx.Run(ctx, qy.text, params)
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	for res.Next(ctx) {
		out = append(out, normaliseMap(res.Record().AsMap()))
	}
	if err := res.Err(); err != nil {
		return nil, err
	}
	s.duration.WithLabelValues(qy.name).Observe(time.Since(start).Seconds())
	return out, nil
}

// readOne runs one named read statement in its own transaction.
func (s *Store) readOne(ctx context.Context, qy query, params map[string]any) ([]map[string]any, error) {
	return s.readOneWithin(ctx, s.txTimeout, qy, params)
}

// readAnalysis runs one link-analysis read under the analysis timeout.
func (s *Store) readAnalysis(ctx context.Context, qy query, params map[string]any) ([]map[string]any, error) {
	return s.readOneWithin(ctx, s.analysisTimeout, qy, params)
}

// readOneWithin runs one named read statement as an auto-commit
// transaction: one round trip (RUN and PULL pipelined), where an explicit
// read transaction costs two (BEGIN, RUN and PULL, then COMMIT); 0.39 ms
// against 0.70 ms for a point read here. One statement reads one
// consistent snapshot either way. The driver retries only explicit
// transactions, so a transient failure (a busy or changing cluster, a
// dropped connection) is retried here, at most readAttempts times in all.
func (s *Store) readOneWithin(ctx context.Context, timeout time.Duration, qy query, params map[string]any) ([]map[string]any, error) {
	var rows []map[string]any
	err := retryTransient(ctx, func() error {
		var err error
		rows, err = s.runAutoCommit(ctx, neo4j.AccessModeRead, timeout, qy, params)
		return err
	})
	if err != nil {
		return nil, s.wrap(qy, err)
	}
	return rows, nil
}

// retryTransient runs fn until it succeeds, fails for a reason a retry
// cannot help (neo4j.IsRetryable), has run readAttempts times, or ctx
// ends; it returns fn's last error.
func retryTransient(ctx context.Context, fn func() error) error {
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil || attempt == readAttempts || !neo4j.IsRetryable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(attempt*attempt) * readRetryBackoff):
		}
	}
}

// readAttempts and readRetryBackoff bound the retries of an auto-commit
// read: waits of 25 ms, then 100 ms.
const (
	readAttempts     = 3
	readRetryBackoff = 25 * time.Millisecond
)

// runAutoCommit runs one named statement as an auto-commit transaction
// and reads all its records, with the driver's own errors.
func (s *Store) runAutoCommit(ctx context.Context, mode neo4j.AccessMode, timeout time.Duration, qy query, params map[string]any) ([]map[string]any, error) {
	sess := s.session(ctx, mode)
	defer sess.Close(ctx)
	return s.collectRaw(ctx, autoCommit{sess: sess, timeout: timeout}, qy, params)
}

// autoCommit runs statements as auto-commit transactions of a session.
type autoCommit struct {
	sess    neo4j.SessionWithContext
	timeout time.Duration
}

func (a autoCommit) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	return a.sess.Run(ctx, cypher, params, neo4j.WithTxTimeout(a.timeout))
}

// session opens a session on the store's database that begins after
// every transaction this process has committed (bookmarks.go). Every
// session is opened here.
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	sc := neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode}
	if s.bookmarks != nil {
		sc.BookmarkManager = s.bookmarks
	}
	return s.driver.NewSession(ctx, sc)
}

// write runs fn in a write transaction; the driver retries transient
// failures, so fn must be safe to run again (ids are chosen before it).
func (s *Store) write(ctx context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) { return nil, fn(tx) },
		neo4j.WithTxTimeout(s.txTimeout))
	if bad := invalidBookmark(err); bad != nil {
		return bad
	}
	var ke *keyline.Error
	if err != nil && !errors.As(err, &ke) && IsUnavailable(err) {
		// Beginning or committing failed (fn's own statements are mapped
		// by collect): the database, not the request, is at fault.
		s.log.Warn().Err(err).Msg("write transaction: database unavailable")
		return errUnavailable()
	}
	return err
}

// errUnavailable is what a client hears when Neo4j cannot be reached.
func errUnavailable() *keyline.Error {
	return keyline.Errorf(keyline.CodeUnavailable, "the database is unavailable; retry shortly")
}

// IsUnavailable reports whether err says Neo4j could not be reached or
// used (refused or dropped connections, timeouts acquiring or opening a
// connection, retries exhausted, a database starting or stopping) rather
// than that the statement was wrong. The driver's own IsConnectivityError
// sees only an unwrapped error, so this looks through wrapping and
// through a TransactionExecutionLimit's attempts.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	var ke *keyline.Error
	if errors.As(err, &ke) {
		return ke.Code == keyline.CodeUnavailable
	}
	var ce *neo4j.ConnectivityError
	var tel *neo4j.TransactionExecutionLimit
	var ne *neo4j.Neo4jError
	var netErr net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &tel), errors.As(err, &netErr):
		return true
	case errors.As(err, &ne):
		return strings.HasPrefix(ne.Code, "Neo.TransientError") ||
			ne.Code == "Neo.ClientError.Cluster.NotALeader" ||
			ne.Code == "Neo.ClientError.Database.DatabaseUnavailable"
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true
	}
	return neo4j.IsRetryable(err)
}

// wrap turns driver errors into application errors. Constraint violations
// are the client's CONFLICT; unreachable or timed-out databases are
// UNAVAILABLE; anything else is logged here with the query name and shown
// to clients only as an internal error.
func (s *Store) wrap(qy query, err error) error {
	var ke *keyline.Error
	if errors.As(err, &ke) {
		return err
	}
	if bad := invalidBookmark(err); bad != nil {
		return bad
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
			return keyline.Errorf(keyline.CodeConflict, "a record with the same unique value already exists")
		case strings.Contains(ne.Code, "TransactionTimedOut") || strings.Contains(ne.Code, "Terminated"):
			return keyline.Errorf(keyline.CodeUnavailable, "the query took too long and was stopped")
		case strings.HasPrefix(ne.Code, "Neo.TransientError"):
			return keyline.Errorf(keyline.CodeUnavailable, "the database is busy; retry shortly")
		}
	}
	if IsUnavailable(err) {
		return errUnavailable()
	}
	s.log.Error().Str("query", qy.name).Err(err).Msg("cypher query failed")
	return fmt.Errorf("query %s: %w", qy.name, err)
}

// --- values -------------------------------------------------------------

// normalise converts driver values to the shapes the rest of Keyline uses:
// Neo4j dates become keyline.Date, nodes their property maps.
func normalise(v any) any {
	switch x := v.(type) {
	case dbtype.Date:
		return keyline.Date{Time: x.Time()}
	case dbtype.Node:
		return normaliseMap(x.Props)
	case dbtype.Relationship:
		return normaliseMap(x.Props)
	case map[string]any:
		return normaliseMap(x)
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = normalise(x[i])
		}
		return out
	case time.Time:
		return x.UTC()
	}
	return v
}

func normaliseMap(m map[string]any) map[string]any {
	for k, v := range m {
		m[k] = normalise(v)
	}
	return m
}

// param converts Keyline values to driver parameters.
func param(v any) any {
	switch x := v.(type) {
	case keyline.Date:
		return dbtype.Date(x.Time)
	case *keyline.Date:
		if x == nil {
			return nil
		}
		return dbtype.Date(x.Time)
	case time.Time:
		return x.UTC()
	case *time.Time:
		if x == nil {
			return nil
		}
		return x.UTC()
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, v := range x {
			out[k] = param(v)
		}
		return out
	case []map[string]any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = param(x[i])
		}
		return out
	}
	return v
}
