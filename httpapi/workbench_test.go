package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var builtApp = fstest.MapFS{
	"index.html":          {Data: []byte("<!doctype html><title>workbench</title>")},
	"explorer.html":       {Data: []byte("<!doctype html><title>explorer</title>")},
	"assets/app-abc1.js":  {Data: []byte("console.log(1)")},
	"assets/app-abc1.css": {Data: []byte("body{}")},
}

func devWorkbench() *Workbench {
	return &Workbench{
		Assets:   builtApp,
		DevRoles: []DevRole{{Role: "analyst", Name: "Priya Nair (DEV analyst)"}},
		DevToken: func(role string) (string, time.Time, error) {
			if role != "analyst" {
				return "", time.Time{}, errors.New("no such role")
			}
			return "tok-" + role, time.Now().Add(time.Hour), nil
		},
	}
}

func TestWorkbenchRoutes(t *testing.T) {
	h, _ := newTestHandler(Config{}, Deps{Workbench: &Workbench{Assets: builtApp,
		OIDC: WorkbenchOIDC{Issuer: "https://idp.example/realms/socu", ClientID: "keyline-workbench", Scope: "openid"}}})
	tests := []struct {
		name, method, path string
		status             int
		body               string
		cache              string
	}{
		{"the app at /", "GET", "/", 200, "<title>workbench", "no-cache"},
		{"a client route gets the app", "GET", "/entities/per_123", 200, "<title>workbench", "no-cache"},
		{"the callback route gets the app", "GET", "/auth/callback", 200, "<title>workbench", "no-cache"},
		{"the explorer", "GET", "/explorer", 200, "<title>explorer", "no-cache"},
		{"hashed assets are immutable", "GET", "/assets/app-abc1.js", 200, "console.log", "public, max-age=31536000, immutable"},
		{"a missing asset is 404, not the app", "GET", "/assets/gone-0000.js", 404, "", ""},
		{"a missing file is 404, not the app", "GET", "/favicon.ico", 404, "", ""},
		{"only reads", "POST", "/entities/per_123", 405, "", ""},
		{"the API keeps its route", "POST", "/graphql", 401, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(h, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if !strings.Contains(rec.Body.String(), tt.body) {
				t.Fatalf("body %q lacks %q", rec.Body.String(), tt.body)
			}
			if got := rec.Header().Get("Cache-Control"); tt.cache != "" && got != tt.cache {
				t.Fatalf("Cache-Control %q, want %q", got, tt.cache)
			}
			if tt.status == 200 {
				csp := rec.Header().Get("Content-Security-Policy")
				if !strings.Contains(csp, "script-src 'self';") || !strings.Contains(csp, "frame-ancestors 'none'") {
					t.Fatalf("CSP %q", csp)
				}
			}
		})
	}
}

func TestContentSecurityPolicyAllowsOnlySelfAndTheIssuer(t *testing.T) {
	csp := contentSecurityPolicy("https://idp.example:8443/realms/socu")
	if !strings.Contains(csp, "connect-src 'self' https://idp.example:8443;") {
		t.Fatalf("the token exchange needs the issuer's origin: %q", csp)
	}
	for _, d := range strings.Split(csp, ";") {
		for _, src := range strings.Fields(d)[1:] {
			switch src {
			case "'self'", "'none'", "data:", "blob:", "https://idp.example:8443":
			default:
				t.Errorf("directive %q allows %q", strings.TrimSpace(d), src)
			}
		}
	}
	if strings.Contains(contentSecurityPolicy(""), "http") {
		t.Fatal("no issuer, no other origin")
	}
}

func TestWorkbenchNotBuilt(t *testing.T) {
	h, _ := newTestHandler(Config{}, Deps{Workbench: &Workbench{Assets: fstest.MapFS{}}})
	rec := serve(h, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "make run") {
		t.Fatalf("%d %q", rec.Code, rec.Body.String())
	}
}

func TestWorkbenchConfig(t *testing.T) {
	oidc := WorkbenchOIDC{Issuer: "https://idp.example", ClientID: "keyline-workbench", Scope: "openid profile"}
	cases := []struct {
		name string
		cfg  Config
		wb   *Workbench
		want string
	}{
		{"production signs in with the issuer", Config{}, &Workbench{Assets: builtApp, OIDC: oidc},
			`{"mode":"oidc","oidc":{"issuer":"https://idp.example","clientId":"keyline-workbench","scope":"openid profile"}}`},
		{"development offers the demo roles", Config{Dev: true}, devWorkbench(),
			`{"devRoles":[{"role":"analyst","name":"Priya Nair (DEV analyst)"}],"mode":"dev"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, _ := newTestHandler(c.cfg, Deps{Workbench: c.wb})
			rec := serve(h, httptest.NewRequest("GET", "/workbench.json", nil))
			if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != c.want {
				t.Fatalf("%d %s", rec.Code, rec.Body.String())
			}
		})
	}
}

func TestDevToken(t *testing.T) {
	dev, _ := newTestHandler(Config{Dev: true}, Deps{Workbench: devWorkbench()})
	prod, _ := newTestHandler(Config{}, Deps{Workbench: devWorkbench()})
	cases := []struct {
		name    string
		h       http.Handler
		host    string
		site    string
		role    string
		status  int
		wantTok string
	}{
		{"a demo user's token", dev, "127.0.0.1:8080", "same-origin", "analyst", 200, "tok-analyst"},
		{"localhost too", dev, "localhost:8080", "", "analyst", 200, "tok-analyst"},
		{"IPv6 loopback", dev, "[::1]:8080", "same-origin", "analyst", 200, "tok-analyst"},
		{"unknown role", dev, "127.0.0.1:8080", "same-origin", "chief", 400, ""},
		{"another site in the browser", dev, "127.0.0.1:8080", "cross-site", "analyst", 403, ""},
		{"a rebound host name", dev, "evil.example:8080", "same-origin", "analyst", 403, ""},
		{"never outside development", prod, "127.0.0.1:8080", "same-origin", "analyst", 404, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/dev/token?role="+c.role, nil)
			r.Host = c.host
			if c.site != "" {
				r.Header.Set("Sec-Fetch-Site", c.site)
			}
			rec := serve(c.h, r)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, c.status, rec.Body.String())
			}
			if c.wantTok == "" {
				if strings.Contains(rec.Body.String(), "tok-") {
					t.Fatal("a token was handed out")
				}
				return
			}
			var body struct{ Token, ExpiresAt string }
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Token != c.wantTok || body.ExpiresAt == "" {
				t.Fatalf("%s (%v)", rec.Body.String(), err)
			}
			if rec.Header().Get("Cache-Control") != "no-store" {
				t.Fatal("a token must not be cached")
			}
		})
	}
}
