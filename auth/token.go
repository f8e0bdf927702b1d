package auth

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/lestrrat-go/jwx/v3/jws"
	"github.com/lestrrat-go/jwx/v3/jwt"

	"github.com/keyline/keyline"
)

// maxTokenBytes bounds what we hand to the JWT parser; real tokens are a
// few KiB at most.
const maxTokenBytes = 16 << 10

// tokenVerifier checks signature, issuer, audience and validity period of
// a bearer token and reads the actor out of it.
type tokenVerifier struct {
	keys     keySource
	issuer   string
	audience string
	skew     time.Duration
	verified *tokenCache // nil: no caching
}

func (v tokenVerifier) verify(ctx context.Context, raw string) (*keyline.Actor, error) {
	if len(raw) > maxTokenBytes {
		return nil, errors.New("token too long")
	}
	// Only compact JWS: jwt.Parse would also take unsigned JSON.
	if strings.Count(raw, ".") != 2 {
		return nil, errors.New("token is not a compact JWS")
	}
	if a, ok := v.verified.get(raw); ok {
		return a, nil
	}
	tok, err := jwt.Parse([]byte(raw),
		jwt.WithKeyProvider(keyProvider{src: v.keys}),
		jwt.WithContext(ctx),
		jwt.WithIssuer(v.issuer),
		jwt.WithAudience(v.audience),
		jwt.WithAcceptableSkew(v.skew),
		jwt.WithRequiredClaim(jwt.ExpirationKey),
		jwt.WithRequiredClaim(jwt.SubjectKey),
	)
	if err != nil {
		return nil, err
	}
	a, err := actorFromToken(tok)
	if err != nil {
		return nil, err
	}
	if exp, ok := tok.Expiration(); ok {
		v.verified.put(raw, a, exp)
	}
	return a, nil
}

// compile-time check that keyProvider satisfies the jws interface.
var _ jws.KeyProvider = keyProvider{}
