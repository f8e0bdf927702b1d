package httpapi

import (
	"mime"
	"net/http"
)

// Media types a GraphQL POST may carry. application/graphql-response+json
// is accepted for clients that send the response type as the request
// type; it is passed on as application/json, the type gqlgen reads.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// graphqlTransport checks method and content type before GraphQL sees the
// request, answering mistakes with GraphQL-shaped errors; whether a GET
// may run a mutation is the GraphQL transport's business.
func graphqlTransport(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Investigation data must not linger in browser or proxy caches.
		w.Header().Set("Cache-Control", "no-store")
		switch r.Method {
		case http.MethodGet:
		case http.MethodPost:
			mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
			switch {
			case err == nil && mt == mediaJSON:
			case err == nil && mt == mediaGraphQLResponse:
				r = r.Clone(r.Context())
				r.Header.Set("Content-Type", mediaJSON)
			default:
				WriteError(w, http.StatusUnsupportedMediaType, CodeBadRequest,
					"Content-Type must be application/json")
				return
			}
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			WriteError(w, http.StatusMethodNotAllowed, CodeBadRequest, "use GET or POST")
			return
		}
		next.ServeHTTP(w, r)
	})
}
