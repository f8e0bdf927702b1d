package auth

import (
	"errors"
	"net/http"
	"strings"
)

// Request headers that carry credentials.
const (
	HeaderAuthorization = "Authorization"
	HeaderAPIKey        = "X-API-Key"
)

type credentialKind int

const (
	credentialNone credentialKind = iota
	credentialBearer
	credentialAPIKey
)

// credential is what a request presented, not yet verified.
type credential struct {
	kind  credentialKind
	value string
}

var (
	errAmbiguousCredentials = errors.New("more than one credential presented")
	errMalformedCredentials = errors.New("malformed authorization header")
)

// parseCredential reads "Authorization: Bearer <jwt>", "Authorization:
// ApiKey kl_..." or "X-API-Key: kl_...". Anything ambiguous (both headers,
// a header repeated) is refused rather than guessed at: which credential
// wins must never depend on a proxy's header ordering.
func parseCredential(h http.Header) (credential, error) {
	authz := h.Values(HeaderAuthorization)
	keys := h.Values(HeaderAPIKey)
	switch {
	case len(authz)+len(keys) == 0:
		return credential{}, nil
	case len(authz)+len(keys) > 1:
		return credential{}, errAmbiguousCredentials
	case len(keys) == 1:
		v := strings.TrimSpace(keys[0])
		if v == "" {
			return credential{}, errMalformedCredentials
		}
		return credential{kind: credentialAPIKey, value: v}, nil
	}
	scheme, value, ok := strings.Cut(strings.TrimSpace(authz[0]), " ")
	value = strings.TrimSpace(value)
	if !ok || value == "" || strings.ContainsAny(value, " \t") {
		return credential{}, errMalformedCredentials
	}
	switch {
	case strings.EqualFold(scheme, "Bearer"):
		return credential{kind: credentialBearer, value: value}, nil
	case strings.EqualFold(scheme, "ApiKey"):
		return credential{kind: credentialAPIKey, value: value}, nil
	}
	return credential{}, errMalformedCredentials
}
