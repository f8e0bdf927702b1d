package httpapi

import (
	"errors"
	"net/http"
	"net/netip"
	"strconv"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
)

// RetryAfterUnavailable is the Retry-After, in seconds, of a 503 sent
// because a dependency (the database) is unavailable.
const RetryAfterUnavailable = 5

// Authenticator is what the server needs of package auth.
type Authenticator interface {
	Authenticate(r *http.Request) (*keyline.Actor, error)
}

// authFailures counts failed authentications per client address.
type authFailures struct {
	limiter *rateLimiter
	trusted []netip.Prefix
}

func newAuthFailures(perMinute float64, burst int, trusted []netip.Prefix) *authFailures {
	return &authFailures{limiter: newRateLimiter(perMinute/60, burst), trusted: trusted}
}

// authenticate admits only requests with valid credentials and puts the
// actor in the context for the resolvers. A client address that has
// failed authentication too often is refused with 429 before its
// credentials are looked at, so guessing keys or tokens costs the guesser
// time and costs the identity store nothing.
func authenticate(a Authenticator, failures *authFailures) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			client := addressKey(clientAddress(r, failures.trusted))
			if blocked, wait := failures.limiter.blocked(client); blocked {
				zerolog.Ctx(r.Context()).Warn().Msg("authentication refused: too many failures from this client address")
				setRetryAfter(w, wait)
				WriteError(w, http.StatusTooManyRequests, CodeRateLimited,
					"too many failed authentication attempts; retry later")
				return
			}
			actor, err := a.Authenticate(r)
			if err == nil && actor == nil {
				err = keyline.Errorf(keyline.CodeUnauthenticated, "authentication required")
			}
			if err != nil {
				if keyline.ErrorCode(err) == keyline.CodeUnauthenticated {
					failures.limiter.allow(client)
				}
				writeAuthError(w, r, err)
				return
			}
			ctx := r.Context()
			actor.RequestID = RequestID(ctx)
			setLoggedSubject(ctx, actor.Subject)
			next.ServeHTTP(w, r.WithContext(keyline.WithActor(ctx, actor)))
		})
	}
}

// writeAuthError maps the authenticator's error to a response. Only a
// *keyline.Error's message is shown; anything else is an internal fault.
func writeAuthError(w http.ResponseWriter, r *http.Request, err error) {
	var kerr *keyline.Error
	if !errors.As(err, &kerr) {
		zerolog.Ctx(r.Context()).Error().Err(err).Msg("authenticator failed")
		WriteError(w, http.StatusInternalServerError, string(keyline.CodeInternal), "internal error")
		return
	}
	switch kerr.Code {
	case keyline.CodeUnauthenticated:
		w.Header().Set("WWW-Authenticate", `Bearer realm="keyline"`)
		WriteError(w, http.StatusUnauthorized, string(kerr.Code), kerr.Message)
	case keyline.CodeUnavailable:
		w.Header().Set("Retry-After", strconv.Itoa(RetryAfterUnavailable))
		WriteError(w, http.StatusServiceUnavailable, string(kerr.Code), kerr.Message)
	default:
		WriteError(w, http.StatusForbidden, string(kerr.Code), kerr.Message)
	}
}
