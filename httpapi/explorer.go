package httpapi

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
)

// explorer serves GraphiQL for development. devToken, when set, is called
// per page load so the page carries a fresh token and works at once; the
// token goes in the fetcher's headers, and a header typed into the
// explorer's own editor still overrides it (to try another role).
func explorer(devToken func() string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		opts := []playground.GraphiqlConfigOption{playground.WithStoragePrefix("keyline-dev:")}
		if devToken != nil {
			if tok := devToken(); tok != "" {
				opts = append(opts, playground.WithGraphiqlFetcherHeaders(map[string]string{"Authorization": "Bearer " + tok}))
			}
		}
		// The page embeds a token: never cache it.
		w.Header().Set("Cache-Control", "no-store")
		playground.Handler("Keyline (DEV)", "/graphql", opts...).ServeHTTP(w, r)
	})
}
