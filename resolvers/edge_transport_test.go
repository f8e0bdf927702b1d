package resolvers_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline/internal/neo4jtest"
	"github.com/keyline/keyline/resolvers"
)

// edgeHandler is the GraphQL handler as served outside development mode
// (dev: as in development). The requests here fail or finish before any
// resolver runs, so no actor is needed.
func edgeHandler(t *testing.T, dev bool) http.Handler {
	t.Helper()
	return resolvers.NewHandler(neo4jtest.Store(t), zerolog.Nop(), resolvers.HandlerConfig{Introspection: dev, Suggestions: dev})
}

type edgeResponse struct {
	status      int
	contentType string
	raw         string
	body        map[string]any
}

func (r edgeResponse) errorCode() string {
	errs, _ := r.body["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	ext, _ := errs[0].(map[string]any)["extensions"].(map[string]any)
	code, _ := ext["code"].(string)
	return code
}

func (r edgeResponse) messages() string {
	errs, _ := r.body["errors"].([]any)
	var out []string
	for _, e := range errs {
		m, _ := e.(map[string]any)["message"].(string)
		out = append(out, m)
	}
	return strings.Join(out, " | ")
}

func edgePost(t *testing.T, h http.Handler, accept, body string) edgeResponse {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return edgeServe(t, h, req)
}

func edgeServe(t *testing.T, h http.Handler, req *http.Request) edgeResponse {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	r := edgeResponse{status: rec.Code, contentType: rec.Header().Get("Content-Type"), raw: rec.Body.String()}
	if err := json.Unmarshal(rec.Body.Bytes(), &r.body); err != nil {
		t.Fatalf("response is not JSON (%d): %s", rec.Code, rec.Body.String())
	}
	return r
}

func gqlBody(query string) string {
	b, _ := json.Marshal(map[string]any{"query": query})
	return string(b)
}

// A body that is not a GraphQL request is answered with one fixed message
// and BAD_USER_INPUT: nothing of the body is echoed, no Go type named.
func TestEdgeUndecodableBodyIsBadInput(t *testing.T) {
	h := edgeHandler(t, false)
	const marker = "SECRET-MARKER-Operation-Kestrel"
	for name, body := range map[string]string{
		"query not a string":     `{"query": 5, "x": "` + marker + `"}`,
		"variables not a map":    `{"query": "{ __typename }", "variables": "` + marker + `"}`,
		"not JSON":               marker,
		"array":                  `["` + marker + `"]`,
		"truncated":              `{"query": "{ __typename }", "variables": {"a": "` + marker,
		"trailing data":          `{"query": "{ __typename }"} "` + marker + `"`,
		"operationName a number": `{"query": "{ __typename }", "operationName": 7, "x": "` + marker + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			for _, accept := range []string{"", "application/json", "application/graphql-response+json"} {
				r := edgePost(t, h, accept, body)
				if r.status != http.StatusBadRequest || r.errorCode() != "BAD_USER_INPUT" {
					t.Fatalf("accept %q: %d %s", accept, r.status, r.raw)
				}
				for _, leak := range []string{marker, "json:", "Go ", "struct", "unmarshal", "RawParams"} {
					if strings.Contains(r.raw, leak) {
						t.Fatalf("accept %q: response echoes %q: %s", accept, leak, r.raw)
					}
				}
				if _, ok := r.body["data"]; ok {
					t.Fatalf("accept %q: data key in a refused request: %s", accept, r.raw)
				}
			}
		})
	}
	req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape("{ __typename }")+"&variables="+url.QueryEscape(marker), nil)
	if r := edgeServe(t, h, req); r.status != http.StatusBadRequest || r.errorCode() != "BAD_USER_INPUT" || strings.Contains(r.raw, marker) {
		t.Fatalf("GET with bad variables: %d %s", r.status, r.raw)
	}
}

// Outside development mode validation errors name nothing the client did
// not write: no "Did you mean" for fields, arguments, enum values, input
// fields or types. Development keeps the suggestions.
func TestEdgeNoSuggestionsOutsideDevelopment(t *testing.T) {
	prod, dev := edgeHandler(t, false), edgeHandler(t, true)
	for name, q := range map[string]string{
		"field":       `{ operatons { id } }`,
		"argument":    `{ operation(idd: "op_1") { id } }`,
		"enum value":  `{ operations { persons(orderBy: {field: NAMEE}) { totalCount } } }`,
		"input field": `{ operations { persons(filter: {serch: "x"}) { totalCount } } }`,
		"type":        `query($f: EntityFiltr) { operations { id } }`,
		"subfield":    `{ operations { referenc } }`,
	} {
		t.Run(name, func(t *testing.T) {
			r := edgePost(t, prod, "application/json", gqlBody(q))
			if r.errorCode() != "GRAPHQL_VALIDATION_FAILED" || r.status != http.StatusOK {
				t.Fatalf("not a validation error: %d %s", r.status, r.raw)
			}
			if strings.Contains(r.raw, "Did you mean") {
				t.Fatalf("suggestion outside development: %s", r.messages())
			}
		})
	}
	if r := edgePost(t, dev, "application/json", gqlBody(`{ operatons { id } }`)); !strings.Contains(r.raw, "Did you mean") {
		t.Fatalf("development lost its suggestions: %s", r.raw)
	}
}

// With introspection off, asking for __schema or __type is refused before
// execution with the stable code FORBIDDEN (not INTERNAL); __typename
// still works.
func TestEdgeIntrospectionRefusedWithStableCode(t *testing.T) {
	h := edgeHandler(t, false)
	for name, q := range map[string]string{
		"__schema":        `{ __schema { types { name } } }`,
		"__type":          `{ __type(name: "Person") { name fields { name } } }`,
		"in a fragment":   `query { ...F } fragment F on Query { __schema { queryType { name } } }`,
		"inline fragment": `query { ... on Query { __type(name: "Query") { name } } }`,
	} {
		t.Run(name, func(t *testing.T) {
			r := edgePost(t, h, "application/json", gqlBody(q))
			if r.errorCode() != "FORBIDDEN" || !strings.Contains(r.messages(), "introspection is disabled") {
				t.Fatalf("%d %s", r.status, r.raw)
			}
			if _, ok := r.body["data"]; ok {
				t.Fatalf("introspection refusal carries data: %s", r.raw)
			}
		})
	}
	if r := edgePost(t, h, "application/json", gqlBody(`{ __typename }`)); r.errorCode() != "" || r.status != 200 {
		t.Fatalf("__typename: %d %s", r.status, r.raw)
	}
	if r := edgePost(t, edgeHandler(t, true), "application/json", gqlBody(`{ __schema { queryType { name } } }`)); r.errorCode() != "" {
		t.Fatalf("introspection in development: %s", r.raw)
	}
}

// GraphQL over HTTP: a parse or validation failure is 200 with errors as
// application/json, and 4xx without a data key as
// application/graphql-response+json; the response type follows Accept.
func TestEdgeGraphQLOverHTTPStatusAndMediaType(t *testing.T) {
	h := edgeHandler(t, false)
	const (
		jsonType = "application/json"
		gqlType  = "application/graphql-response+json"
	)
	tests := []struct {
		name, accept, query string
		status              int
		media               string
		data                bool
	}{
		{"json parse error", jsonType, `{ operations {`, 200, jsonType, false},
		{"json validation error", jsonType, `{ nothingHere }`, 200, jsonType, false},
		{"json variables missing", jsonType, `query($op: ID!) { operation(id: $op) { id } }`, 200, jsonType, false},
		{"json success", jsonType, `{ __typename }`, 200, jsonType, true},
		{"no Accept is json", "", `{ nothingHere }`, 200, jsonType, false},
		{"any type is json", "*/*", `{ nothingHere }`, 200, jsonType, false},
		{"graphql-response parse error", gqlType, `{ operations {`, 400, gqlType, false},
		{"graphql-response validation error", gqlType, `{ nothingHere }`, 400, gqlType, false},
		{"graphql-response variables missing", gqlType, `query($op: ID!) { operation(id: $op) { id } }`, 400, gqlType, false},
		{"graphql-response introspection refused", gqlType, `{ __schema { types { name } } }`, 403, gqlType, false},
		{"graphql-response success", gqlType, `{ __typename }`, 200, gqlType, true},
		{"preferred by q", gqlType + ";q=0.5, " + jsonType + ";q=0.9", `{ nothingHere }`, 200, jsonType, false},
		{"preferred first", gqlType + ", " + jsonType, `{ nothingHere }`, 400, gqlType, false},
		{"json refused by q=0", jsonType + ";q=0, " + gqlType, `{ nothingHere }`, 400, gqlType, false},
		{"unknown Accept falls back to json", "text/html", `{ nothingHere }`, 200, jsonType, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := edgePost(t, h, tt.accept, gqlBody(tt.query))
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.raw)
			}
			if !strings.HasPrefix(r.contentType, tt.media) {
				t.Fatalf("Content-Type %q, want %s", r.contentType, tt.media)
			}
			if _, ok := r.body["data"]; ok != tt.data {
				t.Fatalf("data key present = %v, want %v: %s", ok, tt.data, r.raw)
			}
			if !tt.data && len(r.messages()) == 0 {
				t.Fatalf("no errors: %s", r.raw)
			}
		})
	}
	// A mutation over GET is 405, and does not run.
	req := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(`mutation { createOperation(input: {reference: "X", name: "X", classification: OFFICIAL, sioId: "off_x"}) { id } }`), nil)
	if r := edgeServe(t, h, req); r.status != http.StatusMethodNotAllowed {
		t.Fatalf("mutation over GET: %d %s", r.status, r.raw)
	}
	req = httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(`{ __typename }`), nil)
	req.Header.Set("Accept", gqlType)
	if r := edgeServe(t, h, req); r.status != 200 || !strings.HasPrefix(r.contentType, gqlType) {
		t.Fatalf("query over GET: %d %q %s", r.status, r.contentType, r.raw)
	}
}

// GraphiQL's own introspection query (graphql-js getIntrospectionQuery, as
// the bundled explorer sends it) nests type references 17 levels deep: it
// passes the depth limit, which still bounds introspection (32 levels) and
// every other selection (15).
func TestEdgeExplorerIntrospectionPassesTheDepthLimit(t *testing.T) {
	h := edgeHandler(t, true)
	q, err := os.ReadFile("testdata/graphiql-introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if r := edgePost(t, h, "application/json", gqlBody(string(q))); r.errorCode() != "" || r.status != 200 {
		t.Fatalf("%d %.300s", r.status, r.raw)
	}
	deep := "name"
	for i := 0; i < 40; i++ {
		deep = "ofType { " + deep + " }"
	}
	r := edgePost(t, h, "application/json", gqlBody(`{ __type(name: "Person") { fields { type { `+deep+` } } } }`))
	if r.errorCode() != "LIMIT_EXCEEDED" {
		t.Fatalf("40 levels of ofType: %d %.300s", r.status, r.raw)
	}
}
