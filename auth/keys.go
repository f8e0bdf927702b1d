package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jws"
)

// keySource returns the current set of trusted public keys. refresh asks
// for a fresh copy (e.g. after a key rotation) and may return the old set.
type keySource interface {
	keys(ctx context.Context) (jwk.Set, error)
	refresh(ctx context.Context) (jwk.Set, error)
}

// staticKeys is a key set that never changes (the dev key).
type staticKeys struct{ set jwk.Set }

func (s staticKeys) keys(context.Context) (jwk.Set, error)    { return s.set, nil }
func (s staticKeys) refresh(context.Context) (jwk.Set, error) { return s.set, nil }

var errUntrustedKey = errors.New("no trusted key for this token")

// keyProvider picks the one key a token may be verified with. It is the
// algorithm allow-list: only RS256 and ES256 are accepted, and the key's
// type must match the algorithm, so "none", HMAC (including the classic
// "HS256 signed with the public key" confusion) and anything else fail
// before any signature is checked. A kid is required: every provider we
// accept sets one, and it stops us trying keys at random.
type keyProvider struct{ src keySource }

func (p keyProvider) FetchKeys(ctx context.Context, sink jws.KeySink, sig *jws.Signature, _ *jws.Message) error {
	h := sig.ProtectedHeaders()
	alg, ok := h.Algorithm()
	if !ok {
		return errors.New("token has no alg")
	}
	var wantKty jwa.KeyType
	switch alg {
	case jwa.RS256():
		wantKty = jwa.RSA()
	case jwa.ES256():
		wantKty = jwa.EC()
	default:
		return fmt.Errorf("algorithm %s not accepted", alg)
	}
	kid, ok := h.KeyID()
	if !ok || kid == "" {
		return errors.New("token has no kid")
	}
	key, err := p.lookup(ctx, kid)
	if err != nil {
		return err
	}
	if key.KeyType() != wantKty {
		return fmt.Errorf("key %s is not usable with %s", kid, alg)
	}
	if ka, ok := key.Algorithm(); ok && ka.String() != alg.String() {
		return fmt.Errorf("key %s is for %s, not %s", kid, ka, alg)
	}
	if use, ok := key.KeyUsage(); ok && use != "sig" {
		return fmt.Errorf("key %s is not a signing key", kid)
	}
	if wantKty == jwa.EC() {
		ec, ok := key.(jwk.ECDSAPublicKey)
		if !ok {
			return fmt.Errorf("key %s is not a public EC key", kid)
		}
		if crv, _ := ec.Crv(); crv != jwa.P256() {
			return fmt.Errorf("key %s is not on P-256", kid)
		}
	}
	sink.Key(alg, key)
	return nil
}

// lookup finds kid in the key set, refreshing the set once if it is
// missing so that a provider's key rotation is picked up promptly.
func (p keyProvider) lookup(ctx context.Context, kid string) (jwk.Key, error) {
	set, err := p.src.keys(ctx)
	if err != nil {
		return nil, fmt.Errorf("key set unavailable: %w", err)
	}
	if key, ok := set.LookupKeyID(kid); ok {
		return key, nil
	}
	if set, err = p.src.refresh(ctx); err != nil {
		return nil, fmt.Errorf("key set unavailable: %w", err)
	}
	if key, ok := set.LookupKeyID(kid); ok {
		return key, nil
	}
	return nil, fmt.Errorf("%w (kid %q)", errUntrustedKey, kid)
}
