package auth

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
	"github.com/lestrrat-go/jwx/v3/jwt"
	"github.com/oklog/ulid/v2"
)

// DefaultDevTokenTTL is used when Issue is given no lifetime.
const DefaultDevTokenTTL = time.Hour

const devKeyPEMType = "EC PRIVATE KEY"

// DevSigner signs development tokens with the local dev key. It exists so
// that the server and the CLI, sharing one key file, agree on what a valid
// dev token is without any identity provider.
type DevSigner struct {
	private jwk.Key
	public  jwk.Set
	kid     string
}

// LoadOrCreateDevKey reads the ECDSA P-256 key at path, creating it (and
// its directory, 0700; the file is 0600) on first use.
func LoadOrCreateDevKey(path string) (*DevSigner, error) {
	if path == "" {
		return nil, errors.New("auth: dev key path is empty")
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if err := createDevKey(path); err != nil {
			return nil, err
		}
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("auth: read dev key: %w", err)
	}
	key, err := parseDevKey(data)
	if err != nil {
		return nil, fmt.Errorf("auth: dev key %s: %w", path, err)
	}
	return newDevSigner(key)
}

// createDevKey writes a new key without ever exposing a half-written file:
// it is written aside and hard-linked into place, so when the server and
// the CLI race, one wins and the other reads the winner's key.
func createDevKey(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("auth: create dev key directory: %w", err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return fmt.Errorf("auth: generate dev key: %w", err)
	}
	der, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return fmt.Errorf("auth: encode dev key: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".dev-key-*")
	if err != nil {
		return fmt.Errorf("auth: write dev key: %w", err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file 0600; write then sync before publishing.
	err = pem.Encode(tmp, &pem.Block{Type: devKeyPEMType, Bytes: der})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("auth: write dev key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		// Some filesystems cannot hard-link; a rename is nearly as good.
		if rerr := os.Rename(tmp.Name(), path); rerr != nil {
			return fmt.Errorf("auth: write dev key: %w", err)
		}
	}
	return nil
}

func parseDevKey(data []byte) (*ecdsa.PrivateKey, error) {
	block, _ := pem.Decode(data)
	if block == nil {
		return nil, errors.New("no PEM block")
	}
	var key *ecdsa.PrivateKey
	switch block.Type {
	case devKeyPEMType:
		k, err := x509.ParseECPrivateKey(block.Bytes)
		if err != nil {
			return nil, err
		}
		key = k
	case "PRIVATE KEY":
		k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, err
		}
		ec, ok := k.(*ecdsa.PrivateKey)
		if !ok {
			return nil, errors.New("not an ECDSA key")
		}
		key = ec
	default:
		return nil, fmt.Errorf("unexpected PEM block %q", block.Type)
	}
	if key.Curve != elliptic.P256() {
		return nil, errors.New("not a P-256 key")
	}
	return key, nil
}

func newDevSigner(key *ecdsa.PrivateKey) (*DevSigner, error) {
	priv, err := jwk.Import(key)
	if err != nil {
		return nil, fmt.Errorf("auth: dev key: %w", err)
	}
	// The kid is the key's thumbprint, so a regenerated key gets a new kid
	// and old tokens fail cleanly as "unknown key".
	if err := jwk.AssignKeyID(priv); err != nil {
		return nil, fmt.Errorf("auth: dev key id: %w", err)
	}
	for k, v := range map[string]any{jwk.AlgorithmKey: jwa.ES256(), jwk.KeyUsageKey: "sig"} {
		if err := priv.Set(k, v); err != nil {
			return nil, fmt.Errorf("auth: dev key: %w", err)
		}
	}
	pub, err := priv.PublicKey()
	if err != nil {
		return nil, fmt.Errorf("auth: dev public key: %w", err)
	}
	set := jwk.NewSet()
	if err := set.AddKey(pub); err != nil {
		return nil, fmt.Errorf("auth: dev key set: %w", err)
	}
	kid, _ := priv.KeyID()
	return &DevSigner{private: priv, public: set, kid: kid}, nil
}

// KeyID is the kid dev tokens carry.
func (s *DevSigner) KeyID() string { return s.kid }

// PublicKeys is the JWKS that verifies dev tokens.
func (s *DevSigner) PublicKeys() jwk.Set { return s.public }

// Issue signs an ES256 token for user, valid for ttl (DefaultDevTokenTTL
// when ttl <= 0), with issuer DevIssuer and audience DevAudience.
func (s *DevSigner) Issue(user DevUser, ttl time.Duration) (string, error) {
	if user.Subject == "" {
		return "", errors.New("auth: dev user has no subject")
	}
	if ttl <= 0 {
		ttl = DefaultDevTokenTTL
	}
	roles := make([]string, len(user.Roles))
	for i, r := range user.Roles {
		roles[i] = string(r)
	}
	now := time.Now()
	b := jwt.NewBuilder().
		Issuer(DevIssuer).
		Audience([]string{DevAudience}).
		Subject(user.Subject).
		IssuedAt(now).
		NotBefore(now).
		Expiration(now.Add(ttl)).
		JwtID(ulid.Make().String()).
		Claim(claimRoles, roles)
	if user.Name != "" {
		b = b.Claim(claimName, user.Name)
	}
	if user.Clearance != "" {
		b = b.Claim(claimClearance, string(user.Clearance))
	}
	tok, err := b.Build()
	if err != nil {
		return "", fmt.Errorf("auth: build dev token: %w", err)
	}
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.ES256(), s.private))
	if err != nil {
		return "", fmt.Errorf("auth: sign dev token: %w", err)
	}
	return string(signed), nil
}
