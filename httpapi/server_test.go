package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"
)

func newTestHandler(cfg Config, deps Deps) (http.Handler, *prometheus.Registry) {
	if deps.GraphQL == nil {
		deps.GraphQL = echoGraphQL
	}
	if deps.Auth == nil {
		deps.Auth = fakeAuth{}
	}
	if deps.Registry == nil {
		deps.Registry = prometheus.NewRegistry()
	}
	deps.Logger = zerolog.Nop()
	return Handler(cfg, deps), deps.Registry
}

func TestRoutes(t *testing.T) {
	notReady := func(context.Context) error { return errors.New("down") }
	tests := []struct {
		name   string
		cfg    Config
		deps   Deps
		method string
		path   string
		status int
	}{
		{"healthz", Config{}, Deps{}, "GET", "/healthz", 200},
		{"readyz", Config{}, Deps{Ready: func(context.Context) error { return nil }}, "GET", "/readyz", 200},
		{"readyz failing", Config{}, Deps{Ready: notReady}, "GET", "/readyz", 503},
		{"metrics closed by default", Config{}, Deps{}, "GET", "/metrics", 404},
		{"metrics open in dev", Config{Dev: true}, Deps{}, "GET", "/metrics", 200},
		{"metrics with a token", Config{MetricsToken: "t"}, Deps{}, "GET", "/metrics", 401},
		{"metrics on their own listener only", Config{Dev: true, MetricsListen: "127.0.0.1:9464"}, Deps{}, "GET", "/metrics", 404},
		{"no workbench without its assets", Config{Dev: true}, Deps{}, "GET", "/", 404},
		{"unknown path", Config{}, Deps{}, "GET", "/admin", 404},
		{"graphql needs auth", Config{}, Deps{}, "POST", "/graphql", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := newTestHandler(tt.cfg, tt.deps)
			rec := serve(h, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != tt.status {
				t.Fatalf("status %d", rec.Code)
			}
			if rec.Header().Get("X-Content-Type-Options") != "nosniff" && rec.Code != 404 {
				t.Fatal("security headers missing")
			}
		})
	}
}

func TestGraphQLChain(t *testing.T) {
	h, _ := newTestHandler(Config{MaxBodyBytes: 1024, AllowedOrigins: []string{"https://ui.example"}}, Deps{})
	big := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"`+strings.Repeat("x", 2000)+`"}`))
	big.Header.Set("Content-Type", "application/json")
	formType := graphqlRequest("alice")
	formType.Header.Set("Content-Type", "text/plain")
	badToken := graphqlRequest("")
	badToken.Header.Set("Authorization", "Bearer forged")
	preflight := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
	preflight.Header.Set("Origin", "https://ui.example")
	preflight.Header.Set("Access-Control-Request-Method", "POST")
	cross := graphqlRequest("alice")
	cross.Header.Set("Origin", "https://ui.example")

	tests := []struct {
		name   string
		req    *http.Request
		status int
		code   string
	}{
		{"authenticated", graphqlRequest("alice"), 200, ""},
		{"no credentials", graphqlRequest(""), 401, "UNAUTHENTICATED"},
		{"bad token", badToken, 401, "UNAUTHENTICATED"},
		{"wrong content type", formType, 415, "BAD_REQUEST"},
		{"oversized body, before authentication", big, 413, "LIMIT_EXCEEDED"},
		{"preflight needs no token", preflight, 204, ""},
		{"cross-origin request", cross, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(h, tt.req)
			if rec.Code != tt.status {
				t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
			if rec.Header().Get(HeaderRequestID) == "" {
				t.Fatal("no request id")
			}
			if tt.code != "" {
				if code, _ := graphqlError(t, rec); code != tt.code {
					t.Fatalf("code %s", code)
				}
			}
			if tt.status == 401 && rec.Header().Get("WWW-Authenticate") == "" {
				t.Fatal("401 without WWW-Authenticate")
			}
		})
	}
}

func TestGraphQLReachesHandler(t *testing.T) {
	h, _ := newTestHandler(Config{}, Deps{})
	r := graphqlRequest("alice")
	r.Header.Set(HeaderRequestID, "trace-42")
	rec := serve(h, r)
	var got map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"subject": "alice", "requestId": "trace-42", "actorRequest": "trace-42", "hasDeadline": true, "bodyBytes": 26.0}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if rec.Header().Get(HeaderRequestID) != "trace-42" {
		t.Fatal("request id not echoed")
	}
	r = graphqlRequest("alice")
	r.Header.Set(HeaderRequestID, "bad id\r\n")
	if rec := serve(h, r); rec.Header().Get(HeaderRequestID) == "bad id\r\n" || len(rec.Header().Get(HeaderRequestID)) != 26 {
		t.Fatalf("insane request id kept: %q", rec.Header().Get(HeaderRequestID))
	}
}

func TestRateLimitAfterBurst(t *testing.T) {
	h, _ := newTestHandler(Config{RatePerSecond: 0.001, RateBurst: 3}, Deps{})
	for i := range 3 {
		if rec := serve(h, graphqlRequest("alice")); rec.Code != 200 {
			t.Fatalf("request %d: %d", i, rec.Code)
		}
	}
	rec := serve(h, graphqlRequest("alice"))
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("status %d Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	if rec := serve(h, graphqlRequest("bob")); rec.Code != 200 {
		t.Fatalf("bob limited by alice's use: %d", rec.Code)
	}
}

func TestPanicKeepsServerHealthy(t *testing.T) {
	h, _ := newTestHandler(Config{}, Deps{GraphQL: http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("nil map in resolver")
	})})
	rec := serve(h, graphqlRequest("alice"))
	if rec.Code != 500 {
		t.Fatalf("status %d", rec.Code)
	}
	if code, msg := graphqlError(t, rec); code != "INTERNAL" || strings.Contains(msg, "nil map") {
		t.Fatalf("%s %q", code, msg)
	}
	if rec := serve(h, httptest.NewRequest(http.MethodGet, "/healthz", nil)); rec.Code != 200 {
		t.Fatalf("healthz after panic: %d", rec.Code)
	}
}

func TestMetricsEndpoint(t *testing.T) {
	h, reg := newTestHandler(Config{Dev: true}, Deps{})
	serve(h, graphqlRequest("alice"))
	serve(h, graphqlRequest(""))
	rec := serve(h, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := rec.Body.String()
	for _, want := range []string{
		`keyline_http_request_duration_seconds_bucket{method="POST",route="/graphql",status="200"`,
		`keyline_http_requests_total{method="POST",route="/graphql",status="401"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if series(t, reg, "keyline_http_requests_total", map[string]string{"route": "/graphql", "status": "200"}) == nil {
		t.Fatal("metrics not in the given registry")
	}
}

// With a metrics token set, /metrics answers only a scraper bearing it;
// the probes stay open.
func TestMetricsToken(t *testing.T) {
	h, _ := newTestHandler(Config{MetricsToken: "s3cret-scrape"}, Deps{})
	for _, tt := range []struct {
		auth string
		want int
	}{{"", http.StatusUnauthorized}, {"Bearer wrong", http.StatusUnauthorized}, {"s3cret-scrape", http.StatusUnauthorized}, {"Bearer s3cret-scrape", http.StatusOK}} {
		req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
		if tt.auth != "" {
			req.Header.Set("Authorization", tt.auth)
		}
		rec := serve(h, req)
		if rec.Code != tt.want {
			t.Errorf("Authorization %q: %d, want %d", tt.auth, rec.Code, tt.want)
		}
		if rec.Code == http.StatusUnauthorized && strings.Contains(rec.Body.String(), "keyline_http") {
			t.Errorf("Authorization %q: metrics leaked in a refusal", tt.auth)
		}
	}
	if rec := serve(h, httptest.NewRequest(http.MethodGet, "/healthz", nil)); rec.Code != http.StatusOK {
		t.Errorf("/healthz with a metrics token set: %d", rec.Code)
	}
}

// Outside development mode /metrics is closed unless a scrape token or a
// listener of its own is configured; that listener serves it (asking for
// the token when one is set) and nothing else.
func TestMetricsListener(t *testing.T) {
	reg := prometheus.NewRegistry()
	api, _ := newTestHandler(Config{MetricsListen: "127.0.0.1:9464"}, Deps{Registry: reg})
	serve(api, graphqlRequest("alice"))
	if rec := serve(api, httptest.NewRequest(http.MethodGet, "/metrics", nil)); rec.Code != http.StatusNotFound {
		t.Fatalf("API listener serves /metrics: %d", rec.Code)
	}
	m := MetricsHandler(Config{}, reg)
	rec := serve(m, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `keyline_http_requests_total{method="POST",route="/graphql",status="200"} 1`) {
		t.Fatalf("metrics listener: %d %s", rec.Code, rec.Body.String())
	}
	if rec := serve(m, graphqlRequest("alice")); rec.Code != http.StatusNotFound {
		t.Fatalf("metrics listener serves /graphql: %d", rec.Code)
	}
	withToken := MetricsHandler(Config{MetricsToken: "s3cret"}, reg)
	if rec := serve(withToken, httptest.NewRequest(http.MethodGet, "/metrics", nil)); rec.Code != http.StatusUnauthorized {
		t.Fatalf("metrics listener without the token: %d", rec.Code)
	}
}

func TestNewServer(t *testing.T) {
	srv := New(Config{RequestTimeout: 5 * time.Second}, Deps{GraphQL: echoGraphQL, Auth: fakeAuth{}, Registry: prometheus.NewRegistry()})
	if srv.Addr != DefaultAddr || srv.ReadHeaderTimeout == 0 || srv.WriteTimeout <= 5*time.Second || srv.Handler == nil {
		t.Fatalf("server %+v", srv)
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	started := make(chan struct{})
	release := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		close(started)
		<-release
		_, _ = w.Write([]byte(`{"data":{}}`))
	})
	srv := New(Config{}, Deps{GraphQL: slow, Auth: fakeAuth{}, Registry: prometheus.NewRegistry(), Logger: zerolog.Nop()})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, srv, ln) }()

	type result struct {
		status int
		body   string
		err    error
	}
	inflight := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+"/graphql", strings.NewReader(`{"query":"{a}"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer good-alice")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			inflight <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		inflight <- result{status: resp.StatusCode, body: string(b)}
	}()
	<-started
	cancel()
	time.Sleep(50 * time.Millisecond) // let Shutdown close the listener
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still accepting connections after shutdown began")
	}
	close(release)
	if r := <-inflight; r.err != nil || r.status != 200 || r.body != `{"data":{}}` {
		t.Fatalf("in-flight request cut off: %+v", r)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return")
	}
}

func TestRunListenError(t *testing.T) {
	srv := New(Config{Addr: "256.0.0.1:1"}, Deps{GraphQL: echoGraphQL, Auth: fakeAuth{}, Registry: prometheus.NewRegistry()})
	if err := Run(context.Background(), srv); err == nil {
		t.Fatal("bad address accepted")
	}
}
