package httpapi

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/keyline/keyline"
)

// Headers a browser client may send and read cross-origin.
var (
	corsAllowHeaders  = []string{"Authorization", "Content-Type", "Accept", "X-API-Key", HeaderRequestID, "X-Keyline-Purpose", HeaderBookmark}
	corsExposeHeaders = []string{HeaderRequestID, "Retry-After", HeaderBookmark}
	corsAllowMethods  = []string{http.MethodGet, http.MethodPost}
)

const corsMaxAge = 10 * 60 // seconds browsers may cache a preflight

// cors lets the configured browser origins, and only those, call the API.
// It never answers "*": each allowed origin is echoed exactly. Credentials
// (cookies) are not allowed because the API does not use them: callers
// authenticate with a bearer token or API key header. Requests from other
// origins pass through without CORS headers, so the browser withholds the
// response; preflights from them are refused outright.
func cors(allowed []string) func(http.Handler) http.Handler {
	origins := map[string]bool{}
	for _, o := range allowed {
		if o = strings.TrimRight(strings.TrimSpace(o), "/"); o != "" && o != "*" {
			origins[o] = true
		}
	}
	allowHeaders := strings.Join(corsAllowHeaders, ", ")
	exposeHeaders := strings.Join(corsExposeHeaders, ", ")
	allowMethods := strings.Join(corsAllowMethods, ", ")
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			origin := r.Header.Get("Origin")
			h := w.Header()
			h.Add("Vary", "Origin")
			preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
			ok := origin != "" && origins[origin]
			if preflight {
				h.Add("Vary", "Access-Control-Request-Method")
				h.Add("Vary", "Access-Control-Request-Headers")
				if !ok || !slices.Contains(corsAllowMethods, r.Header.Get("Access-Control-Request-Method")) {
					WriteError(w, http.StatusForbidden, string(keyline.CodeForbidden), "cross-origin request not allowed")
					return
				}
				h.Set("Access-Control-Allow-Origin", origin)
				h.Set("Access-Control-Allow-Methods", allowMethods)
				h.Set("Access-Control-Allow-Headers", allowHeaders)
				h.Set("Access-Control-Max-Age", strconv.Itoa(corsMaxAge))
				w.WriteHeader(http.StatusNoContent)
				return
			}
			if ok {
				h.Set("Access-Control-Allow-Origin", origin)
				h.Set("Access-Control-Expose-Headers", exposeHeaders)
			}
			next.ServeHTTP(w, r)
		})
	}
}
