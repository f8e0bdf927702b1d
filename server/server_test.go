package server_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/apitest"
)

// End to end through the real HTTP stack: tokens signed by the dev key,
// API keys for service accounts, membership from the graph, probes and
// metrics, documents behind authentication.
func TestServerEndToEnd(t *testing.T) {
	env := apitest.New(t)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	op := env.Operation(sio)
	other := env.Operation(env.Officer(keyline.RoleSIO, keyline.Secret))
	srv := apitest.NewStack(t, env.Store, nil)
	token := srv.Token(t, sio)
	call := func(method, path, auth, body string) (int, string) {
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	me := `{"query":"{ me { subject operations { id } } }"}`
	if code, body := call("POST", "/graphql", "Bearer "+token, me); code != 200 || !strings.Contains(body, op) || strings.Contains(body, other) {
		t.Fatalf("signed-in SIO sees their operation only: %d %s", code, body)
	}
	if code, body := call("POST", "/graphql", "", me); code != 401 || !strings.Contains(body, "UNAUTHENTICATED") {
		t.Fatalf("no token: %d %s", code, body)
	}
	if code, _ := call("POST", "/graphql", "Bearer "+token[:len(token)-4]+"AAAA", me); code != 401 {
		t.Fatalf("tampered token: %d", code)
	}
	if code, _ := call("GET", "/reports/operations/"+op+"/mg6c.csv", "", ""); code != 401 {
		t.Fatalf("documents need a token: %d", code)
	}
	if code, _ := call("GET", "/reports/operations/"+op+"/mg6c.csv", "Bearer "+token, ""); code != 200 {
		t.Fatalf("documents with a token: %d", code)
	}
	if code, body := call("GET", "/readyz", "", ""); code != 200 || body == "" {
		t.Fatalf("readyz: %d %s", code, body)
	}
	if code, body := call("GET", "/metrics", "", ""); code != 200 || !strings.Contains(body, "keyline_cypher_query_duration_seconds") {
		t.Fatalf("metrics: %d", code)
	}
	// The workbench and the explorer (or, in a binary built before the
	// app, the page saying how to build it).
	for path, title := range map[string]string{"/": "Keyline workbench", "/chart": "Keyline workbench", "/explorer": "Keyline GraphQL explorer"} {
		code, body := call("GET", path, "", "")
		if !(code == 200 && strings.Contains(body, "<title>"+title+"</title>")) && !(code == 503 && strings.Contains(body, "make run")) {
			t.Fatalf("%s: %d %.200s", path, code, body)
		}
	}

	// Opening an operation makes its opener a member at once: the next
	// request writes into it (the membership cache is refreshed, not left
	// to expire).
	opened := `{"query":"mutation { createOperation(input: {reference: \"OP-NEW-` + fmt.Sprint(time.Now().UnixNano()) + `\", name: \"New\"}) { id } }"}`
	code, body := call("POST", "/graphql", "Bearer "+token, opened)
	newOp, _, _ := strings.Cut(strings.TrimPrefix(body, `{"data":{"createOperation":{"id":"`), `"`)
	if code != 200 || !strings.HasPrefix(newOp, "op_") {
		t.Fatalf("createOperation: %d %s", code, body)
	}
	person := `{"query":"mutation { createPerson(input: {operationId: \"` + newOp + `\", givenNames: \"Ann\", familyName: \"NEW\"}) { id } }"}`
	if code, body := call("POST", "/graphql", "Bearer "+token, person); code != 200 || strings.Contains(body, "errors") {
		t.Fatalf("writing into the operation just opened: %d %s", code, body)
	}

	// A service account reaches only its operation, and not once revoked.
	// Its own id each run, so the test can run again on the same database.
	feed := fmt.Sprintf("feed-%d", time.Now().UnixNano())
	key, hash, err := auth.NewAPIKey(feed)
	if err != nil {
		t.Fatal(err)
	}
	admin := &keyline.Actor{Subject: "test-admin"}
	if err := env.Store.CreateServiceAccount(t.Context(), admin, cypher.ServiceAccountRecord{ID: feed, Name: "Intel feed",
		Roles: []string{"EXTERNAL_SYSTEM"}, Operations: []string{op}, Clearance: "OFFICIAL_SENSITIVE", SecretHash: hash}); err != nil {
		t.Fatal(err)
	}
	// Need to know comes from the graph for a key too: creating the
	// account enrolled its officer record in the operation of its scope.
	create := `{"query":"mutation($in: CreateIntelligenceItemInput!) { createIntelligenceItem(input: $in) { id updatedBy } }","variables":{"in":{"operationId":"` + op +
		`","sourceType":"PARTNER_AGENCY","sanitisedText":"Feed report","grading":{"source":"2","assessment":"B","handling":"P"}}}}`
	if code, body := call("POST", "/graphql", "ApiKey "+key, create); code != 200 || !strings.Contains(body, `"updatedBy":"svc:`+feed+`"`) {
		t.Fatalf("service account writes intelligence: %d %s", code, body)
	}
	elsewhere := strings.Replace(create, op, other, 1)
	if _, body := call("POST", "/graphql", "ApiKey "+key, elsewhere); !strings.Contains(body, "FORBIDDEN") {
		t.Fatalf("service account outside its scope: %s", body)
	}
	if err := env.Store.RevokeServiceAccount(t.Context(), admin, feed); err != nil {
		t.Fatal(err)
	}
	if code, _ := call("POST", "/graphql", "ApiKey "+key, me); code != 401 {
		t.Fatalf("revoked key: %d", code)
	}
}
