package cypher

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// migration is one versioned file under migrations/: schema statements
// separated by semicolons, each idempotent (IF NOT EXISTS).
type migration struct {
	version    string // "0001"
	name       string // "constraints"
	statements []string
	checksum   string
}

func migrations() []migration {
	names, err := fs.Glob(files, "migrations/*.cypher")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	var out []migration
	for _, n := range names {
		b, _ := files.ReadFile(n)
		base := strings.TrimSuffix(path.Base(n), ".cypher")
		version, name, _ := strings.Cut(base, "_")
		sum := sha256.Sum256(b)
		m := migration{version: version, name: name, checksum: hex.EncodeToString(sum[:8])}
		// Migrations name the scope fragments as queries do (scope.go).
		for _, st := range strings.Split(expandScope(string(b)), ";") {
			var lines []string
			for _, l := range strings.Split(st, "\n") {
				if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "//") {
					lines = append(lines, l)
				}
			}
			if len(lines) > 0 {
				m.statements = append(m.statements, strings.Join(lines, "\n"))
			}
		}
		out = append(out, m)
	}
	return out
}

// dataSteps are the Go halves of migrations whose change Cypher cannot
// express (0006: JSON rewriting and SHA-256), run after the migration's
// statements and before it is recorded; each must be idempotent.
var dataSteps = map[string]func(*Store, context.Context) error{
	"0006": (*Store).scrubStoredSourceText,
	"0007": (*Store).backfillLinkLevels,
	"0008": (*Store).redescribePersons,
}

// redescribePersons is migration 0008's Go step: every person's label and
// search text again from keyline.Describe, a page at a time. Idempotent.
func (s *Store) redescribePersons(ctx context.Context) error {
	after := ""
	for {
		rows, err := s.readOne(ctx, q("persons_describe_page"), map[string]any{"after": after, "limit": 1000})
		if err != nil || len(rows) == 0 {
			return err
		}
		set := make([]map[string]any, 0, len(rows))
		for _, r := range rows {
			props := asMap(r["props"])
			label, search := keyline.Describe(keyline.KindPerson, props)
			id, _ := props["id"].(string)
			set = append(set, map[string]any{"id": id, "label": label, "searchText": search})
			after = id
		}
		if err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			_, err := s.collect(ctx, tx, q("persons_describe_set"), map[string]any{"rows": set})
			return err
		}); err != nil {
			return err
		}
	}
}

// backfillLinkLevels is migration 0007's Go step: every link without
// levels gets its sources' marks and levels, a page of records at a time.
// Idempotent: links with levels are left as they are.
func (s *Store) backfillLinkLevels(ctx context.Context) error {
	after := ""
	for {
		var last string
		if err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			rows, err := s.collect(ctx, tx, q("link_levels_backfill"), map[string]any{"after": after, "limit": 1000})
			if err != nil || len(rows) == 0 {
				return err
			}
			last, _ = rows[0]["last"].(string)
			return nil
		}); err != nil {
			return err
		}
		if last == "" {
			return nil
		}
		after = last
	}
}

func (s *Store) appliedMigrations(ctx context.Context) (map[string]string, error) {
	rows, err := s.readOne(ctx, q("migration_applied"), nil)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rows {
		v, _ := r["version"].(string)
		c, _ := r["checksum"].(string)
		out[v] = c
	}
	return out, nil
}

// Migrate applies every migration not yet recorded in the database, in
// version order, and records each. Statements are idempotent, so two
// instances starting at once cannot break the schema. It returns the
// versions it applied.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		return nil, err
	}
	var done []string
	for _, m := range migrations() {
		if sum, ok := applied[m.version]; ok {
			if sum != m.checksum {
				s.log.Warn().Str("migration", m.version).Msg("applied migration file has changed since; not re-applied")
			}
			continue
		}
		sess := s.session(ctx, neo4j.AccessModeWrite)
		for i, st := range m.statements {
			// Schema changes cannot share a transaction with writes, so each
			// runs as its own auto-commit statement.
			err := runSchemaStatement(ctx, sess, st)
			if alreadyExists(err) {
				// Another instance created it a moment ago (IF NOT EXISTS
				// does not cover a creation still in flight).
				err = nil
			}
			if err != nil {
				sess.Close(ctx)
				return done, fmt.Errorf("migration %s_%s statement %d: %w", m.version, m.name, i+1, err)
			}
		}
		sess.Close(ctx)
		if step := dataSteps[m.version]; step != nil {
			if err := step(s, ctx); err != nil {
				return done, fmt.Errorf("migration %s_%s data step: %w", m.version, m.name, err)
			}
		}
		if err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
			_, err := s.collect(ctx, tx, q("migration_record"), map[string]any{"version": m.version, "name": m.name, "checksum": m.checksum})
			return err
		}); err != nil {
			return done, err
		}
		done = append(done, m.version+"_"+m.name)
	}
	// Wait for indexes to come online so the first queries use them.
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	if res, err := sess.Run(ctx, q("await_indexes").text, nil); err == nil {
		_, _ = res.Consume(ctx)
	}
	return done, nil
}

func alreadyExists(err error) bool {
	var ne *neo4j.Neo4jError
	if !errors.As(err, &ne) {
		return false
	}
	switch ne.Code {
	case "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists", "Neo.ClientError.Schema.IndexAlreadyExists",
		"Neo.ClientError.Schema.ConstraintAlreadyExists":
		return true
	}
	return false
}

// runSchemaStatement runs one schema statement, retrying transient
// failures: two instances (or test packages) migrating a fresh database at
// once can deadlock on the schema locks, and the retry then finds the work
// done or does it.
func runSchemaStatement(ctx context.Context, sess neo4j.SessionWithContext, st string) error {
	var err error
	for attempt := 0; attempt < 6; attempt++ {
		countRoundTrip(ctx)
		var res neo4j.ResultWithContext
		if res, err = sess.Run(ctx, st, nil); err == nil {
			_, err = res.Consume(ctx)
		}
		var ne *neo4j.Neo4jError
		if err == nil || !errors.As(err, &ne) || !strings.HasPrefix(ne.Code, "Neo.TransientError") {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(50*(attempt+1)) * time.Millisecond):
		}
	}
	return err
}
