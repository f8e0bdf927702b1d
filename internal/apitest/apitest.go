// Package apitest drives Keyline's GraphQL API in integration tests: a
// real handler over the test Neo4j, with actors resolved per request the
// way production resolves them (identity from the request, operation
// membership from the graph). Token validation itself is tested in auth/.
package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/neo4jtest"
	"github.com/keyline/keyline/resolvers"
)

// Env is one test's view of the API.
type Env struct {
	T       testing.TB
	Store   *cypher.Store
	Handler http.Handler

	mu     sync.Mutex
	actors map[string]*keyline.Actor
}

const actorHeader = "X-Test-Actor"

// New builds the API over the shared test database.
func New(t testing.TB) *Env {
	t.Helper()
	e := &Env{T: t, Store: neo4jtest.Store(t), actors: map[string]*keyline.Actor{}}
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
	gql := resolvers.NewHandler(e.Store, log, resolvers.HandlerConfig{Introspection: true})
	e.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		proto, ok := e.actors[r.Header.Get(actorHeader)]
		e.mu.Unlock()
		if !ok {
			http.Error(w, `{"errors":[{"message":"authentication required","extensions":{"code":"UNAUTHENTICATED"}}]}`, http.StatusUnauthorized)
			return
		}
		a := *proto
		officerID, ops, err := e.Store.Membership(r.Context(), a.Subject)
		if err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		a.OfficerID, a.Operations = officerID, ops
		gql.ServeHTTP(w, r.WithContext(log.WithContext(keyline.WithActor(r.Context(), &a))))
	})
	return e
}

// Officer records an officer with a unique subject and returns the actor
// that signs in as them.
func (e *Env) Officer(role keyline.Role, clearance keyline.Classification) *keyline.Actor {
	e.T.Helper()
	subject := "test-" + strings.ToLower(string(role)) + "-" + keyline.NewID(keyline.KindOfficer)[4:]
	boot := &keyline.Actor{Subject: "apitest", Roles: keyline.Roles, Clearance: keyline.TopSecret}
	rec, err := e.Store.CreateNode(context.Background(), boot, keyline.KindOfficer, "", map[string]any{
		"collarNumber": subject[len(subject)-12:], "name": "Test " + string(role), "rank": "DC",
		"role": string(role), "skills": []string{}, "subject": subject,
	}, nil)
	if err != nil {
		e.T.Fatalf("create officer: %v", err)
	}
	a := &keyline.Actor{Subject: subject, Name: "Test " + string(role), Roles: []keyline.Role{role}, Clearance: clearance, OfficerID: rec.ID()}
	e.mu.Lock()
	e.actors[subject] = a
	e.mu.Unlock()
	return a
}

// Operation opens an operation led by sio (an SIO actor) with the given
// members, and returns its id.
func (e *Env) Operation(sio *keyline.Actor, members ...*keyline.Actor) string {
	e.T.Helper()
	ref := "OP-T-" + strings.ToUpper(keyline.NewID(keyline.KindOperation)[3+10:])
	res := e.Do(sio, `mutation($in: CreateOperationInput!) { createOperation(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"reference": ref, "name": "Test operation", "classification": "OFFICIAL_SENSITIVE", "sioId": sio.OfficerID}})
	res.NoErrors()
	id := res.Path("createOperation", "id").(string)
	for _, m := range members {
		e.Do(sio, `mutation($op: ID!, $off: ID!) { addOperationMember(operationId: $op, officerId: $off) { id } }`,
			map[string]any{"op": id, "off": m.OfficerID}).NoErrors()
	}
	return id
}

// Response is a decoded GraphQL response.
type Response struct {
	t      testing.TB
	Status int
	Data   map[string]any
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	}
	Raw string
}

// Do runs a GraphQL operation as actor a (nil: unauthenticated).
func (e *Env) Do(a *keyline.Actor, query string, vars map[string]any) *Response {
	return e.DoContext(context.Background(), a, query, vars)
}

// DoContext is Do with a request context (e.g. to count round trips).
func (e *Env) DoContext(ctx context.Context, a *keyline.Actor, query string, vars map[string]any) *Response {
	e.T.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if a != nil {
		req.Header.Set(actorHeader, a.Subject)
	}
	rec := httptest.NewRecorder()
	e.Handler.ServeHTTP(rec, req)
	res := &Response{t: e.T, Status: rec.Code, Raw: rec.Body.String()}
	if err := json.Unmarshal(rec.Body.Bytes(), res); err != nil {
		e.T.Fatalf("response is not JSON (%d): %s", rec.Code, rec.Body.String())
	}
	return res
}

// NoErrors fails the test if the response has errors.
func (r *Response) NoErrors() *Response {
	r.t.Helper()
	if len(r.Errors) > 0 {
		r.t.Fatalf("unexpected errors: %s", r.Raw)
	}
	return r
}

// Code returns the first error's extensions.code ("" when none).
func (r *Response) Code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// Field returns the first error's extensions.field.
func (r *Response) Field() string {
	if len(r.Errors) == 0 {
		return ""
	}
	f, _ := r.Errors[0].Extensions["field"].(string)
	return f
}

// Path walks the data by keys (strings) and indexes (ints).
func (r *Response) Path(path ...any) any {
	r.t.Helper()
	var cur any = r.Data
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := cur.(map[string]any)
			if !ok {
				r.t.Fatalf("path %v: %v is not an object in %s", path, cur, r.Raw)
			}
			cur = m[k]
		case int:
			l, ok := cur.([]any)
			if !ok || k >= len(l) {
				r.t.Fatalf("path %v: no index %d in %s", path, k, r.Raw)
			}
			cur = l[k]
		}
	}
	return cur
}

// Int reads a number at path.
func (r *Response) Int(path ...any) int {
	r.t.Helper()
	f, ok := r.Path(path...).(float64)
	if !ok {
		r.t.Fatalf("path %v is not a number in %s", path, r.Raw)
	}
	return int(f)
}

// Str reads a string at path.
func (r *Response) Str(path ...any) string {
	r.t.Helper()
	s, ok := r.Path(path...).(string)
	if !ok {
		r.t.Fatalf("path %v is not a string in %s", path, r.Raw)
	}
	return s
}

func (r *Response) String() string { return fmt.Sprintf("%d %s", r.Status, r.Raw) }
