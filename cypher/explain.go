package cypher

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Notification is a planner warning about a query.
type Notification struct {
	Code  string
	Title string
}

// Explain plans (without running) the named query and returns the
// planner's notifications, so tests can prove no query is planned with a
// cartesian product, an unbounded variable-length pattern or an exhaustive
// shortest-path search. Parameters are passed as null; planning does not
// read their values.
func (s *Store) Explain(ctx context.Context, name string) ([]Notification, error) {
	qy, ok := lookup(name)
	if !ok {
		return nil, nil
	}
	return s.ExplainText(ctx, qy.text)
}

// ExplainText plans any Cypher text and returns its notifications (tests
// use it to prove the check detects what it looks for).
func (s *Store) ExplainText(ctx context.Context, text string) ([]Notification, error) {
	params := map[string]any{}
	for _, p := range paramNames(text) {
		params[p] = nil
	}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "EXPLAIN "+text, params)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	var out []Notification
	for _, n := range sum.Notifications() {
		out = append(out, Notification{Code: n.Code(), Title: n.Title()})
	}
	return out, nil
}

// lookup finds a query or template expansion by its QueryNames name.
func lookup(name string) (query, bool) {
	if x, ok := queries[name]; ok {
		return x, true
	}
	for _, m := range byLabel {
		for _, x := range m {
			if x.name == name {
				return x, true
			}
		}
	}
	for _, m := range byRel {
		for _, x := range m {
			if x.name == name {
				return x, true
			}
		}
	}
	for _, m := range byBounds {
		for _, x := range m {
			if x.name == name {
				return x, true
			}
		}
	}
	return query{}, false
}

// paramNames lists the $parameters a query text uses.
func paramNames(text string) []string {
	var out []string
	seen := map[string]bool{}
	for i := 0; i < len(text); i++ {
		if text[i] != '$' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '_' || text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z' || text[j] >= '0' && text[j] <= '9') {
			j++
		}
		if p := text[i+1 : j]; p != "" && !seen[p] && !strings.HasPrefix(p, "(") {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
