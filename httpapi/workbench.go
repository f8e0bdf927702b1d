package httpapi

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/keyline/keyline"
)

// Workbench is the built web app and how it signs users in.
type Workbench struct {
	// Assets holds index.html, explorer.html and assets/ (web.Assets()).
	Assets fs.FS
	// OIDC, outside development, is the identity provider the app signs
	// in with (authorization code with PKCE).
	OIDC WorkbenchOIDC
	// DevRoles, in development, are the demo users the role switcher
	// offers; DevToken issues a token for one of them.
	DevRoles []DevRole
	DevToken func(role string) (token string, expires time.Time, err error)
}

// WorkbenchOIDC is the public part of an OIDC client: nothing here is a
// secret (a single-page app is a public client).
type WorkbenchOIDC struct {
	Issuer   string `json:"issuer"`
	ClientID string `json:"clientId"`
	Scope    string `json:"scope"`
}

// DevRole is one development sign-in choice.
type DevRole struct {
	Role string `json:"role"`
	Name string `json:"name"`
}

// contentSecurityPolicy allows nothing but this origin (and data:/blob:
// images for chart exports), plus the identity provider for the token
// exchange; no inline script, no inline style sheet, no framing.
func contentSecurityPolicy(issuer string) string {
	connect := "'self'"
	if u, err := url.Parse(issuer); err == nil && u.Scheme != "" && u.Host != "" {
		connect += " " + u.Scheme + "://" + u.Host
	}
	return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
		"connect-src " + connect + "; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
}

// workbenchRoutes serves the app at / and its client routes, the explorer
// at /explorer, the hashed assets, the sign-in configuration and, in
// development, the demo users' tokens.
func workbenchRoutes(mux *http.ServeMux, cfg Config, wb Workbench, front func(string) []middleware) {
	csp := contentSecurityPolicy(wb.OIDC.Issuer)
	page := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, err := fs.ReadFile(wb.Assets, name)
			h := w.Header()
			h.Set("Content-Security-Policy", csp)
			h.Set("Cache-Control", "no-cache")
			if err != nil {
				h.Set("Content-Type", "text/plain; charset=utf-8")
				w.WriteHeader(http.StatusServiceUnavailable)
				_, _ = w.Write([]byte("The workbench is not built into this binary: run `make run`, or `make web` before `go build`.\n"))
				return
			}
			h.Set("Content-Type", "text/html; charset=utf-8")
			http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(body))
		})
	}
	assets := http.FileServerFS(wb.Assets)
	immutable := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Bundles are named by their content hash.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		w.Header().Set("Content-Security-Policy", csp)
		assets.ServeHTTP(w, r)
	})
	app := page("index.html")
	// Every other path: client routes (no file extension) get the app; a
	// missing file is 404. Registered as "/" for all methods so that the
	// API's own routes stay the more specific patterns.
	spa := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if path.Ext(r.URL.Path) != "" {
			http.NotFound(w, r)
			return
		}
		app.ServeHTTP(w, r)
	})
	mux.Handle("/", chain(spa, front("/")...))
	mux.Handle("GET /explorer", chain(page("explorer.html"), front("/explorer")...))
	mux.Handle("GET /assets/", chain(immutable, front("/assets")...))
	mux.Handle("GET /workbench.json", chain(workbenchConfig(cfg, wb), front("/workbench.json")...))
	if cfg.Dev && wb.DevToken != nil {
		mux.Handle("GET /dev/token", chain(devToken(wb), front("/dev/token")...))
	} else {
		mux.Handle("/dev/", chain(http.NotFoundHandler(), front("/dev")...))
	}
}

// workbenchConfig tells the app how to sign in.
func workbenchConfig(cfg Config, wb Workbench) http.Handler {
	body := map[string]any{"mode": "oidc", "oidc": wb.OIDC}
	if cfg.Dev && wb.DevToken != nil {
		body = map[string]any{"mode": "dev", "devRoles": wb.DevRoles}
	}
	out, _ := json.Marshal(body)
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(out)
	})
}

// devToken hands out a demo user's token, in development only (and
// development listens on loopback only). It answers only requests made to
// a loopback host name from this origin, so that neither another site in
// the developer's browser nor a DNS-rebinding page can fetch one.
func devToken(wb Workbench) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !loopbackHost(r.Host) {
			WriteError(w, http.StatusForbidden, string(keyline.CodeForbidden), "development tokens are served to loopback host names only")
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
			WriteError(w, http.StatusForbidden, string(keyline.CodeForbidden), "development tokens are served to this origin only")
			return
		}
		role := strings.TrimSpace(r.URL.Query().Get("role"))
		tok, exp, err := wb.DevToken(role)
		if err != nil {
			WriteError(w, http.StatusBadRequest, string(keyline.CodeInvalid), "no demo user for that role")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(map[string]any{"token": tok, "expiresAt": exp.UTC().Format(time.RFC3339)})
	})
}

// loopbackHost reports whether a Host header names this machine:
// localhost or a loopback address, with or without a port.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}
