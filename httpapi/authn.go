package httpapi

import (
	"errors"
	"net/http"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
)

// Authenticator is what the server needs of package auth.
type Authenticator interface {
	Authenticate(r *http.Request) (*keyline.Actor, error)
}

// authenticate admits only requests with valid credentials and puts the
// actor in the context for the resolvers.
func authenticate(a Authenticator) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			actor, err := a.Authenticate(r)
			if err == nil && actor == nil {
				err = keyline.Errorf(keyline.CodeUnauthenticated, "authentication required")
			}
			if err != nil {
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
		w.Header().Set("Retry-After", "5")
		WriteError(w, http.StatusServiceUnavailable, string(kerr.Code), kerr.Message)
	default:
		WriteError(w, http.StatusForbidden, string(kerr.Code), kerr.Message)
	}
}
