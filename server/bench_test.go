package server_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/httpapi"
	"github.com/keyline/keyline/internal/apitest"
	"github.com/keyline/keyline/internal/latency"
	"github.com/keyline/keyline/resolvers"
	"github.com/keyline/keyline/server"
)

// The cost of the security layers on a typical query: the same GraphQL
// request served (a) by the bare GraphQL handler with the actor injected,
// and (b) through the full stack: request id, access log, metrics, CORS,
// body limit, timeout, JWT verification, membership (cached), rate limit.
// Both include the read audit, which (c) measures on its own.
func BenchmarkSecurityOverhead(b *testing.B) {
	env := apitest.New(b)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	op := env.Operation(sio)
	for i := 0; i < 25; i++ {
		env.Do(sio, `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: "Bench", familyName: "Person"}) { id } }`, map[string]any{"op": op}).NoErrors()
		env.Do(sio, `mutation($op: ID!) { createIntelligenceItem(input: {operationId: $op, sourceType: OFFICER, sanitisedText: "Bench",
			grading: {source: "1", assessment: "B", handling: "P"}}) { id } }`, map[string]any{"op": op}).NoErrors()
	}
	app, err := server.Build(env.Store, server.Config{
		HTTP: httpapi.Config{RatePerSecond: 1e6, RateBurst: 1e6},
		Auth: auth.Config{Mode: auth.ModeDev, DevKeyPath: filepath.Join(b.TempDir(), "dev.pem")},
	}, zerolog.Nop())
	if err != nil {
		b.Fatal(err)
	}
	defer app.Auth.Close()
	token, _ := app.Auth.DevSigner().Issue(auth.DevUser{Subject: sio.Subject, Name: "SIO", Roles: []keyline.Role{keyline.RoleSIO}, Clearance: keyline.Secret}, 0)
	officerID, ops, _ := env.Store.Membership(context.Background(), sio.Subject)
	actor := *sio
	actor.OfficerID, actor.Operations = officerID, ops
	bare := resolvers.NewHandler(env.Store, zerolog.Nop(), resolvers.HandlerConfig{})

	queries := map[string]string{
		"persons":      `{"query":"query($op: ID!) { operation(id: $op) { persons(first: 25) { totalCount edges { node { label aliases } } } } }","variables":{"op":"` + op + `"}}`,
		"intelligence": `{"query":"query($op: ID!) { operation(id: $op) { intelligenceItems(first: 25) { totalCount edges { node { urn grading { code } } } } } }","variables":{"op":"` + op + `"}}`,
	}
	for name, body := range queries {
		b.Run(name+"/bare", func(b *testing.B) {
			var rec latency.Recorder
			for i := 0; i < b.N; i++ {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewBufferString(body)).WithContext(keyline.WithActor(context.Background(), &actor))
				req.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				rec.Time(func() { bare.ServeHTTP(w, req) })
				if w.Code != 200 {
					b.Fatal(w.Body.String())
				}
			}
			rec.Report(b)
		})
		b.Run(name+"/full", func(b *testing.B) {
			var rec latency.Recorder
			for i := 0; i < b.N; i++ {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewBufferString(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+token)
				w := httptest.NewRecorder()
				rec.Time(func() { app.Handler.ServeHTTP(w, req) })
				if w.Code != 200 {
					b.Fatal(w.Body.String())
				}
			}
			rec.Report(b)
		})
	}
	b.Run("read-audit-25-items", func(b *testing.B) {
		reads := make([]cypher.Read, 25)
		for i := range reads {
			reads[i] = cypher.Read{Kind: keyline.KindIntelligenceItem, ID: keyline.NewID(keyline.KindIntelligenceItem), OperationID: op}
		}
		var rec latency.Recorder
		for i := 0; i < b.N; i++ {
			rec.Time(func() {
				if err := env.Store.RecordReads(context.Background(), &actor, reads, "benchmark"); err != nil {
					b.Fatal(err)
				}
			})
		}
		rec.Report(b)
	})
}

// BenchmarkHostileRejection: how fast hostile requests are refused.
func BenchmarkHostileRejection(b *testing.B) {
	env := apitest.New(b)
	app, err := server.Build(env.Store, server.Config{
		HTTP: httpapi.Config{RatePerSecond: 1e6, RateBurst: 1e6, MaxBodyBytes: 1 << 20},
		Auth: auth.Config{Mode: auth.ModeDev, DevKeyPath: filepath.Join(b.TempDir(), "dev.pem")},
	}, zerolog.Nop())
	if err != nil {
		b.Fatal(err)
	}
	defer app.Auth.Close()
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	token, _ := app.Auth.DevSigner().Issue(auth.DevUser{Subject: sio.Subject, Name: "SIO", Roles: []keyline.Role{keyline.RoleSIO}, Clearance: keyline.Secret}, 0)
	deep := "id"
	for i := 0; i < 10; i++ {
		deep = "links { edges { node { other { ... on Person { " + deep + " } } } } }"
	}
	cases := map[string]struct {
		body, auth string
	}{
		"no-token":     {`{"query":"{ me { subject } }"}`, ""},
		"deep-nesting": {`{"query":"{ me { operations { persons { edges { node { ` + deep + ` } } } } } }"}`, "Bearer " + token},
		"oversized":    {`{"query":"` + string(bytes.Repeat([]byte("a"), 2<<20)) + `"}`, "Bearer " + token},
		"malformed":    {`{"query": "{ me `, "Bearer " + token},
		"alias-flood":  {`{"query":"{ ` + string(bytes.Repeat([]byte("x: me { subject } "), 1)) + aliasFlood() + ` }"}`, "Bearer " + token},
	}
	for name, c := range cases {
		b.Run(name, func(b *testing.B) {
			var rec latency.Recorder
			for i := 0; i < b.N; i++ {
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewBufferString(c.body))
				req.Header.Set("Content-Type", "application/json")
				if c.auth != "" {
					req.Header.Set("Authorization", c.auth)
				}
				w := httptest.NewRecorder()
				rec.Time(func() { app.Handler.ServeHTTP(w, req) })
				if w.Code == 200 && !bytes.Contains(w.Body.Bytes(), []byte("errors")) {
					b.Fatalf("%s was not refused: %s", name, w.Body.String())
				}
			}
			rec.Report(b)
		})
	}
}

func aliasFlood() string {
	var s []byte
	for i := 0; i < 200; i++ {
		s = append(s, []byte("a"+string(rune('a'+i%26))+string(rune('a'+i/26))+": me { subject } ")...)
	}
	return string(s)
}
