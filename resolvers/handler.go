package resolvers

import (
	"context"
	"net/http"
	"strings"
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
	// Suggestions lets validation errors suggest names ("Did you mean
	// ...?"); on only in development, since they too map the schema.
	Suggestions bool
	Limits      Limits
	// MembershipChanged is told after a write that changes an operation's
	// members, so that cached memberships are read again.
	MembershipChanged func()
}

// PurposeHeader carries the caller's stated purpose for reading, recorded
// with every audited read.
const PurposeHeader = "X-Keyline-Purpose"

// NewHandler builds the GraphQL-over-HTTP handler (httpTransport): POST
// for any operation, GET for queries only, bounded operations, errors
// presented safely, and every intelligence read audited before the
// response is sent.
func NewHandler(store *cypher.Store, log zerolog.Logger, cfg HandlerConfig) http.Handler {
	r := &Resolver{Store: store, Log: log, MembershipChanged: cfg.MembershipChanged}
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: r}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(httpTransport{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(15_000)
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
	} else {
		srv.Use(introspectionRefusal{})
	}
	srv.SetDisableSuggestion(!cfg.Suggestions)
	if cfg.Limits == (Limits{}) {
		cfg.Limits = DefaultLimits
	}
	srv.Use(savedCostLimits{Limits: cfg.Limits, store: store})
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		e := PresentError(ctx, err)
		if !cfg.Suggestions {
			e.Message = withoutSuggestions(e.Message)
		}
		return e
	})
	srv.SetRecoverFunc(RecoverPanic)
	srv.AroundFields(mutationResultsVisible)
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

// introspectionRefusal refuses, before execution, an operation that asks
// for __schema or __type when introspection is off, with a stable code
// (FORBIDDEN) rather than gqlgen's uncoded resolver error. __typename
// stays allowed: clients need it and it reveals nothing.
type introspectionRefusal struct{}

// ExtensionName implements graphql.HandlerExtension.
func (introspectionRefusal) ExtensionName() string { return "KeylineIntrospectionRefusal" }

// Validate implements graphql.HandlerExtension.
func (introspectionRefusal) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (introspectionRefusal) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || !asksIntrospection(oc.Operation.SelectionSet, map[string]bool{}) {
		return nil
	}
	return introspectionRefused()
}

func introspectionRefused() *gqlerror.Error {
	return &gqlerror.Error{Message: "introspection is disabled on this server; the schema is published as schema.graphqls",
		Extensions: map[string]any{"code": string(keyline.CodeForbidden)}}
}

// asksIntrospection reports whether set selects __schema or __type at any
// depth, through fragments (each fragment looked into once).
func asksIntrospection(set ast.SelectionSet, seen map[string]bool) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" || asksIntrospection(s.SelectionSet, seen) {
				return true
			}
		case *ast.InlineFragment:
			if asksIntrospection(s.SelectionSet, seen) {
				return true
			}
		case *ast.FragmentSpread:
			if seen[s.Name] || s.Definition == nil {
				continue
			}
			seen[s.Name] = true
			if asksIntrospection(s.Definition.SelectionSet, seen) {
				return true
			}
		}
	}
	return false
}

// withoutSuggestions cuts the name suggestions gqlparser appends to
// validation messages (" Did you mean \"x\"?", " Did you mean the enum
// value ...?", " Did you mean to use an inline fragment on ...?"). The
// rules gqlgen can switch to suggestion-free versions are switched
// (SetDisableSuggestion); this covers the others (arguments, input
// fields, enum values, type names).
func withoutSuggestions(msg string) string {
	if i := strings.Index(msg, " Did you mean "); i >= 0 {
		return msg[:i]
	}
	return msg
}
