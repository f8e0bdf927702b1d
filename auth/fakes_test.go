package auth

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

// fakeAccounts is an in-memory ServiceAccounts.
type fakeAccounts struct {
	accounts map[string]*ServiceAccount
	err      error
}

func (f fakeAccounts) ServiceAccount(_ context.Context, id string) (*ServiceAccount, error) {
	if f.err != nil {
		return nil, f.err
	}
	return f.accounts[id], nil
}

// fakeMembers is an in-memory MembershipResolver that counts calls.
type fakeMembers struct {
	mu       sync.Mutex
	officers map[string]string
	ops      map[string][]string
	calls    int
	err      error
}

func (f *fakeMembers) Membership(_ context.Context, subject string) (string, []string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.err != nil {
		return "", nil, f.err
	}
	return f.officers[subject], f.ops[subject], nil
}

func (f *fakeMembers) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// newDevAuthenticator builds a dev-mode authenticator with a fresh key.
func newDevAuthenticator(t *testing.T, accounts ServiceAccounts, members MembershipResolver) *Authenticator {
	t.Helper()
	a, err := New(Config{Mode: ModeDev, DevKeyPath: filepath.Join(t.TempDir(), "dev.pem")}, accounts, members)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// devClaims are valid claims for a dev token, to be edited per test.
func devClaims() map[string]any {
	now := time.Now()
	return map[string]any{
		jwt.IssuerKey:     DevIssuer,
		jwt.AudienceKey:   []string{DevAudience},
		jwt.SubjectKey:    "dev-analyst",
		jwt.IssuedAtKey:   now,
		jwt.NotBeforeKey:  now,
		jwt.ExpirationKey: now.Add(time.Hour),
		claimName:         "Test Analyst",
		claimRoles:        []string{"ANALYST"},
		claimClearance:    "SECRET",
	}
}

// signClaims signs claims with key (a jwk.Key carrying its kid) and alg;
// a nil value in claims removes that claim.
func signClaims(t *testing.T, key jwk.Key, alg jwa.SignatureAlgorithm, claims map[string]any) string {
	t.Helper()
	tok := jwt.New()
	for k, v := range claims {
		if v == nil {
			continue
		}
		if err := tok.Set(k, v); err != nil {
			t.Fatalf("set %s: %v", k, err)
		}
	}
	b, err := jwt.Sign(tok, jwt.WithKey(alg, key))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func withClaims(edit map[string]any) map[string]any {
	c := devClaims()
	maps.Copy(c, edit)
	return c
}

func bearerRequest(token string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	r.Header.Set("Authorization", "Bearer "+token)
	return r
}
