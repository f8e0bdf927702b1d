package auth

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jwt"
	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
)

// unsignedToken builds a token with alg "none" by hand; jwx rightly
// refuses to make one.
func unsignedToken(t *testing.T, kid string, claims map[string]any) string {
	t.Helper()
	enc := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return base64.RawURLEncoding.EncodeToString(b)
	}
	c := map[string]any{}
	for k, v := range claims {
		if tm, ok := v.(time.Time); ok {
			v = tm.Unix()
		}
		c[k] = v
	}
	return enc(map[string]any{"alg": "none", "typ": "JWT", "kid": kid}) + "." + enc(c) + "."
}

func TestBearerTokens(t *testing.T) {
	a := newDevAuthenticator(t, nil, nil)
	devKey := a.DevSigner().private
	kid := a.DevSigner().KeyID()

	// A key with the dev kid but different material: a forged signature.
	strangerRaw, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	stranger, _ := jwk.Import(strangerRaw)
	_ = stranger.Set(jwk.KeyIDKey, kid)

	unknownKid, _ := devKey.Clone()
	_ = unknownKid.Set(jwk.KeyIDKey, "not-a-known-kid")

	noKid, _ := devKey.Clone()
	_ = noKid.Remove(jwk.KeyIDKey)

	// HS256 "signed" with the public key: the classic algorithm confusion.
	pub, _ := devKey.PublicKey()
	pubJSON, _ := json.Marshal(pub)
	hmacKey, _ := jwk.Import(pubJSON)
	_ = hmacKey.Set(jwk.KeyIDKey, kid)

	now := time.Now()
	es := jwa.ES256()
	// why is the reason logged server-side, checked so that each case
	// fails for the reason it is meant to test.
	tests := []struct {
		name  string
		token string
		why   string
	}{
		{"valid", signClaims(t, devKey, es, devClaims()), ""},
		{"expired within skew", signClaims(t, devKey, es, withClaims(map[string]any{jwt.ExpirationKey: now.Add(-10 * time.Second)})), ""},
		{"expired beyond skew", signClaims(t, devKey, es, withClaims(map[string]any{jwt.ExpirationKey: now.Add(-2 * time.Minute)})), "token is expired"},
		{"not yet valid", signClaims(t, devKey, es, withClaims(map[string]any{jwt.NotBeforeKey: now.Add(5 * time.Minute)})), "not yet valid"},
		{"issued in the future", signClaims(t, devKey, es, withClaims(map[string]any{jwt.IssuedAtKey: now.Add(5 * time.Minute)})), "\"iat\" not satisfied"},
		{"no expiry", signClaims(t, devKey, es, withClaims(map[string]any{jwt.ExpirationKey: nil})), "required claim \"exp\""},
		{"wrong issuer", signClaims(t, devKey, es, withClaims(map[string]any{jwt.IssuerKey: "https://evil.example"})), "\"iss\" not satisfied"},
		{"wrong audience", signClaims(t, devKey, es, withClaims(map[string]any{jwt.AudienceKey: []string{"other-api"}})), "\"aud\" not satisfied"},
		{"audience among several", signClaims(t, devKey, es, withClaims(map[string]any{jwt.AudienceKey: []string{"other-api", DevAudience}})), ""},
		{"no subject", signClaims(t, devKey, es, withClaims(map[string]any{jwt.SubjectKey: nil})), "required claim \"sub\""},
		{"service-account subject", signClaims(t, devKey, es, withClaims(map[string]any{jwt.SubjectKey: "svc:feed"})), "service-account prefix"},
		{"alg none", unsignedToken(t, kid, devClaims()), "algorithm none not accepted"},
		{"HS256 with public key", signClaims(t, hmacKey, jwa.HS256(), devClaims()), "algorithm HS256 not accepted"},
		{"ES384 not allowed", signClaims(t, func() jwk.Key {
			k, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
			j, _ := jwk.Import(k)
			_ = j.Set(jwk.KeyIDKey, kid)
			return j
		}(), jwa.ES384(), devClaims()), "algorithm ES384 not accepted"},
		{"forged signature", signClaims(t, stranger, es, devClaims()), "invalid ECDSA signature"},
		{"unknown kid", signClaims(t, unknownKid, es, devClaims()), "no trusted key"},
		{"no kid", signClaims(t, noKid, es, devClaims()), "token has no kid"},
		{"missing roles", signClaims(t, devKey, es, withClaims(map[string]any{claimRoles: nil})), "no roles claim"},
		{"only unknown roles", signClaims(t, devKey, es, withClaims(map[string]any{claimRoles: []string{"ADMIN", "superuser"}})), "no Keyline role"},
		{"bad clearance", signClaims(t, devKey, es, withClaims(map[string]any{claimClearance: "ULTRA"})), "not a classification"},
		{"tampered payload", tamper(signClaims(t, devKey, es, devClaims())), "invalid ECDSA signature"},
		{"not a JWT", "abc", "not a compact JWS"},
		{"JSON instead of JWS", `{"sub":"x"}`, "not a compact JWS"},
		{"too long", strings.Repeat("a.", maxTokenBytes), "token too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log bytes.Buffer
			a.log = zerolog.New(&log)
			actor, err := a.Authenticate(bearerRequest(tt.token))
			if tt.why == "" {
				if err != nil {
					t.Fatalf("want success, got %v", err)
				}
				if actor.Subject != "dev-analyst" || !actor.Has(keyline.RoleAnalyst) {
					t.Fatalf("actor = %+v", actor)
				}
				return
			}
			if err == nil {
				t.Fatalf("want rejection, got actor %+v", actor)
			}
			if got := keyline.ErrorCode(err); got != keyline.CodeUnauthenticated {
				t.Fatalf("code = %s, want UNAUTHENTICATED", got)
			}
			if err.Error() != msgBadToken {
				t.Fatalf("message %q reveals more than %q", err.Error(), msgBadToken)
			}
			var entry struct{ Error string }
			_ = json.Unmarshal(log.Bytes(), &entry)
			if !strings.Contains(entry.Error, tt.why) {
				t.Fatalf("rejected for the wrong reason: %s", entry.Error)
			}
		})
	}
}

// tamper changes the payload of a signed token, keeping its signature.
func tamper(tok string) string {
	parts := strings.Split(tok, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	payload = []byte(strings.Replace(string(payload), "ANALYST", "SIO", 1))
	parts[1] = base64.RawURLEncoding.EncodeToString(payload)
	return strings.Join(parts, ".")
}

func TestBearerTokenClaims(t *testing.T) {
	a := newDevAuthenticator(t, nil, nil)
	key := a.DevSigner().private
	tests := []struct {
		name      string
		edit      map[string]any
		roles     []keyline.Role
		clearance keyline.Classification
		wantName  string
	}{
		{"as issued", nil, []keyline.Role{keyline.RoleAnalyst}, keyline.Secret, "Test Analyst"},
		{"roles any case, unknown ignored, duplicates dropped",
			map[string]any{claimRoles: []string{"sio", "Deputy_SIO", "ADMIN", "SIO"}},
			[]keyline.Role{keyline.RoleSIO, keyline.RoleDeputySIO}, keyline.Secret, "Test Analyst"},
		{"single role as a string", map[string]any{claimRoles: "auditor"}, []keyline.Role{keyline.RoleAuditor}, keyline.Secret, "Test Analyst"},
		{"clearance missing is OFFICIAL", map[string]any{claimClearance: nil}, []keyline.Role{keyline.RoleAnalyst}, keyline.Official, "Test Analyst"},
		{"clearance with hyphen and lower case", map[string]any{claimClearance: "official-sensitive"}, []keyline.Role{keyline.RoleAnalyst}, keyline.OfficialSensitive, "Test Analyst"},
		{"top secret", map[string]any{claimClearance: "TOP_SECRET"}, []keyline.Role{keyline.RoleAnalyst}, keyline.TopSecret, "Test Analyst"},
		{"no name", map[string]any{claimName: nil}, []keyline.Role{keyline.RoleAnalyst}, keyline.Secret, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			actor, err := a.Authenticate(bearerRequest(signClaims(t, key, jwa.ES256(), withClaims(tt.edit))))
			if err != nil {
				t.Fatal(err)
			}
			if !equalRoles(actor.Roles, tt.roles) || actor.Clearance != tt.clearance || actor.Name != tt.wantName {
				t.Fatalf("actor = %+v, want roles %v clearance %s name %q", actor, tt.roles, tt.clearance, tt.wantName)
			}
		})
	}
}

func equalRoles(a, b []keyline.Role) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
