package auth_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/internal/apitest"
	"github.com/keyline/keyline/server"
)

// A service account reaches an operation only while BOTH its configured
// scope and its officer's current membership say so. End to end through
// the real HTTP stack and the graph: when the officer behind the key loses
// its last membership the key sees nothing of the operation (it used to
// fall back to its whole configured scope), and an account with no officer
// record at all sees nothing either.
func TestServiceAccountLosesOperationWithItsLastMembership(t *testing.T) {
	env := apitest.New(t)
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	op := env.Operation(sio)
	person := env.Do(sio, `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: "Ada", familyName: "Feedwell"}) { id } }`,
		map[string]any{"op": op}).NoErrors().Str("createPerson", "id")

	// No membership cache: the test reads the graph on every request
	// instead of waiting for a cache entry to expire.
	srv := apitest.NewStack(t, env.Store, func(c *server.Config) { c.Auth.MembershipTTL = -1 })

	// newAccount records a service account scoped to op and returns its key.
	newAccount := func(name string) (id, key string) {
		t.Helper()
		id = strings.TrimPrefix(keyline.NewID(keyline.KindOfficer), "off_")
		key, hash, err := auth.NewAPIKey(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := env.Store.CreateServiceAccount(t.Context(), &keyline.Actor{Subject: "test-admin"}, cypher.ServiceAccountRecord{
			ID: id, Name: name, Roles: []string{"EXTERNAL_SYSTEM"}, Operations: []string{op},
			Clearance: "OFFICIAL_SENSITIVE", SecretHash: hash}); err != nil {
			t.Fatal(err)
		}
		return id, key
	}
	type gqlResponse struct {
		Data   map[string]any `json:"data"`
		Errors []struct {
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	call := func(key, query string, vars map[string]any) (gqlResponse, string) {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "ApiKey "+key)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var out gqlResponse
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("not JSON (%d): %s", resp.StatusCode, raw)
		}
		return out, string(raw)
	}
	const read = `query($op: ID!, $p: ID!) { me { operations { id } } operation(id: $op) { id persons { totalCount } } node(id: $p) { id } }`
	const write = `mutation($op: ID!) { createPerson(input: {operationId: $op, givenNames: "X", familyName: "Y"}) { id } }`
	vars := map[string]any{"op": op, "p": person}
	seesNothing := func(what, key string) {
		t.Helper()
		res, raw := call(key, read, vars)
		me, _ := res.Data["me"].(map[string]any)
		if ops, _ := me["operations"].([]any); me == nil || len(ops) != 0 {
			t.Errorf("%s: me.operations should be empty: %s", what, raw)
		}
		if res.Data["operation"] != nil || res.Data["node"] != nil || strings.Contains(raw, person) {
			t.Errorf("%s: the operation and its records must be invisible: %s", what, raw)
		}
		if res, raw := call(key, write, vars); len(res.Errors) == 0 || res.Errors[0].Extensions["code"] != "FORBIDDEN" {
			t.Errorf("%s: a write to the operation must be refused: %s", what, raw)
		}
	}

	// Creating the account enrolled the officer behind the key in the
	// operation of its scope: the key reads and writes.
	id, key := newAccount("Intel feed")
	officer, ops, err := env.Store.Membership(t.Context(), "svc:"+id)
	if err != nil || officer == "" || len(ops) != 1 || ops[0] != op {
		t.Fatalf("the new account's officer: %q %v %v", officer, ops, err)
	}
	res, raw := call(key, read, vars)
	if res.Data["operation"] == nil || res.Data["node"] == nil || len(res.Errors) > 0 {
		t.Fatalf("a member key sees its operation: %s", raw)
	}
	if res, raw := call(key, write, vars); len(res.Errors) > 0 {
		t.Fatalf("a member key writes to its operation: %s", raw)
	}

	// Its last membership removed, the key sees nothing of the operation,
	// although the operation is still in the key's configured scope.
	env.Do(sio, `mutation($op: ID!, $off: ID!) { removeOperationMember(operationId: $op, officerId: $off) { id } }`,
		map[string]any{"op": op, "off": officer}).NoErrors()
	seesNothing("officer without membership", key)
	// (An account with no officer record, which service-account create no
	// longer makes, reaches nothing either: TestAuthenticateMembership.)
}
