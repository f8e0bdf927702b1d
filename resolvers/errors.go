package resolvers

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// PresentError is the one place application errors become GraphQL errors:
// a *keyline.Error keeps its message, code and field; anything else is
// logged with the request id and shown only as "internal error", so no
// Cypher or stack trace reaches a client.
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	e := presentError(ctx, err)
	if code, _ := e.Extensions["code"].(string); code == string(keyline.CodeUnavailable) {
		// Tell the client when to come back (the HTTP layer's 503s carry
		// a Retry-After header saying the same).
		e.Extensions["retryAfter"] = RetryAfterSeconds
	}
	return e
}

// RetryAfterSeconds is the retry hint (extensions.retryAfter) of an
// UNAVAILABLE error.
const RetryAfterSeconds = 5

// introspectionDisabled is the error gqlgen's own __schema and __type
// resolvers return when introspection is off; introspectionRefusal
// normally refuses such operations before they run.
const introspectionDisabled = "introspection disabled"

func presentError(ctx context.Context, err error) *gqlerror.Error {
	var gerr *gqlerror.Error
	if errors.As(err, &gerr) && gerr.Err == nil {
		// Parse and validation errors from gqlgen itself.
		return gerr
	}
	path := graphql.GetPath(ctx)
	var ke *keyline.Error
	if errors.As(err, &ke) {
		ext := map[string]any{"code": string(ke.Code)}
		if ke.Field != "" {
			ext["field"] = ke.Field
		}
		return &gqlerror.Error{Message: ke.Message, Path: path, Extensions: ext}
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return &gqlerror.Error{Message: "the request took too long and was stopped", Path: path,
			Extensions: map[string]any{"code": string(keyline.CodeUnavailable)}}
	}
	if cypher.IsUnavailable(err) {
		// A driver error that reached us unmapped: still the database's
		// fault, not the client's, and worth retrying.
		zerolog.Ctx(ctx).Warn().Err(err).Str("path", path.String()).Msg("database unavailable")
		return &gqlerror.Error{Message: "the database is unavailable; retry shortly", Path: path,
			Extensions: map[string]any{"code": string(keyline.CodeUnavailable)}}
	}
	if err.Error() == introspectionDisabled {
		e := introspectionRefused()
		e.Path = path
		return e
	}
	if errors.As(err, &gerr) {
		// gqlgen wraps input coercion errors; unwrap ours, keep its own.
		if errors.As(gerr.Err, &ke) {
			gerr.Message = ke.Message
			gerr.Extensions = map[string]any{"code": string(ke.Code), "field": ke.Field}
			return gerr
		}
		if gerr.Extensions != nil {
			return gerr
		}
	}
	zerolog.Ctx(ctx).Error().Err(err).Str("path", path.String()).Msg("internal error")
	return &gqlerror.Error{Message: "internal error", Path: path, Extensions: map[string]any{"code": string(keyline.CodeInternal)}}
}

// RecoverPanic turns a resolver panic into an internal error, logging the
// panic server-side only.
func RecoverPanic(ctx context.Context, p any) error {
	zerolog.Ctx(ctx).Error().Interface("panic", p).Str("path", graphql.GetPath(ctx).String()).Msg("resolver panic")
	return &keyline.Error{Code: keyline.CodeInternal, Message: "internal error"}
}
