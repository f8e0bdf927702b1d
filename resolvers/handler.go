package resolvers

import (
	"context"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph"
)

// HandlerConfig configures the GraphQL endpoint.
type HandlerConfig struct {
	// Introspection is on only in development (it maps the attack surface).
	Introspection bool
	Limits        Limits
}

// PurposeHeader carries the caller's stated purpose for reading, recorded
// with every audited read.
const PurposeHeader = "X-Keyline-Purpose"

// NewHandler builds the GraphQL-over-HTTP handler: POST for any operation,
// GET for queries only, bounded operations, errors presented safely, and
// every intelligence read audited before the response is sent.
func NewHandler(store *cypher.Store, log zerolog.Logger, cfg HandlerConfig) http.Handler {
	r := &Resolver{Store: store, Log: log}
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: r}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(15_000)
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
	}
	if cfg.Limits == (Limits{}) {
		cfg.Limits = DefaultLimits
	}
	srv.Use(cfg.Limits)
	srv.SetErrorPresenter(PresentError)
	srv.SetRecoverFunc(RecoverPanic)
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		return next(withReadLog(WithLoaders(ctx, store)))
	})
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if err := flushReads(ctx, store); err != nil {
			// An unaudited read of intelligence must not be served.
			zerolog.Ctx(ctx).Error().Err(err).Msg("could not record reads in the audit trail")
			return &graphql.Response{Errors: gqlerror.List{{
				Message:    "the read could not be recorded in the audit trail; nothing was returned",
				Extensions: map[string]any{"code": string(keyline.CodeUnavailable)},
			}}}
		}
		return resp
	})
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := req.Context()
		if p := req.Header.Get(PurposeHeader); p != "" {
			if len(p) > 200 {
				p = p[:200]
			}
			ctx = withPurpose(ctx, p)
		}
		srv.ServeHTTP(w, req.WithContext(ctx))
	})
}

// Timeout bounds a request's work; the store's transactions have their own
// server-side timeout too.
func Timeout(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}
