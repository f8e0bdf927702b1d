package httpapi

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/keyline/keyline"
)

// fakeAuth accepts "Bearer good-<subject>" and refuses anything else.
type fakeAuth struct{}

func (fakeAuth) Authenticate(r *http.Request) (*keyline.Actor, error) {
	subject, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer good-")
	if !ok || subject == "" {
		return nil, keyline.Errorf(keyline.CodeUnauthenticated, "invalid or expired token")
	}
	return &keyline.Actor{Subject: subject, Roles: []keyline.Role{keyline.RoleAnalyst}}, nil
}

// echoGraphQL stands in for gqlgen: it reports what reached it.
var echoGraphQL = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	_, hasDeadline := r.Context().Deadline()
	actor := keyline.ActorFrom(r.Context())
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"subject":      actor.Subject,
		"actorRequest": actor.RequestID,
		"requestId":    RequestID(r.Context()),
		"bodyBytes":    len(body),
		"contentType":  r.Header.Get("Content-Type"),
		"hasDeadline":  hasDeadline,
	})
})

// graphqlRequest is a valid POST to /graphql as subject.
func graphqlRequest(subject string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
	r.Header.Set("Content-Type", "application/json")
	if subject != "" {
		r.Header.Set("Authorization", "Bearer good-"+subject)
	}
	return r
}

// graphqlError decodes a GraphQL-shaped error body.
func graphqlError(t *testing.T, rec *httptest.ResponseRecorder) (code, message string) {
	t.Helper()
	var body struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || len(body.Errors) != 1 {
		t.Fatalf("not a GraphQL error body (%v): %s", err, rec.Body.String())
	}
	return body.Errors[0].Extensions.Code, body.Errors[0].Message
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}
