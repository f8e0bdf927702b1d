package server_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/httpapi"
	"github.com/keyline/keyline/internal/apitest"
	"github.com/keyline/keyline/internal/neo4jtest"
	"github.com/keyline/keyline/server"
)

// tcpProxy forwards connections to the test Neo4j until kill, which drops
// every connection and stops listening: to the store, Neo4j has died.
type tcpProxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
}

func newTCPProxy(t *testing.T, target string) *tcpProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &tcpProxy{ln: ln, target: target}
	go p.serve()
	t.Cleanup(p.kill)
	return p
}

func (p *tcpProxy) serve() {
	for {
		in, err := p.ln.Accept()
		if err != nil {
			return
		}
		out, err := net.Dial("tcp", p.target)
		if err != nil {
			in.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, in, out)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(out, in); out.Close() }()
		go func() { _, _ = io.Copy(in, out); in.Close() }()
	}
}

func (p *tcpProxy) kill() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// When Neo4j dies under a running server, every request fails fast and
// says UNAVAILABLE with a retry hint (never INTERNAL, never a hang), and
// /readyz says not ready. The deadline is generous; the point is that
// nothing waits on the driver's 30-second retry or 10-second pool wait.
func TestEdgeNeo4jDownIsUnavailable(t *testing.T) {
	env := apitest.New(t) // also migrates the shared database
	sio := env.Officer(keyline.RoleSIO, keyline.Secret)
	op := env.Operation(sio)
	feed := "feed-down-" + keyline.NewID(keyline.KindOfficer)[4:]
	apiKey, hash, err := auth.NewAPIKey(feed)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.Store.CreateServiceAccount(t.Context(), &keyline.Actor{Subject: "test-admin"}, cypher.ServiceAccountRecord{ID: feed, Name: "Feed",
		Roles: []string{"EXTERNAL_SYSTEM"}, Operations: []string{op}, Clearance: "OFFICIAL", SecretHash: hash}); err != nil {
		t.Fatal(err)
	}

	cfg, _ := neo4jtest.Config()
	u, err := url.Parse(cfg.URI)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newTCPProxy(t, u.Host)
	cfg.URI = u.Scheme + "://" + proxy.ln.Addr().String()
	store, err := cypher.Open(t.Context(), cfg, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close(context.Background()) })
	srv := apitest.NewStack(t, store, nil)
	token := srv.Token(t, sio)

	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	call := func(method, path, authz, body string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequestWithContext(ctx, method, srv.URL+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if authz != "" {
			req.Header.Set("Authorization", authz)
		}
		resp, err := http.DefaultClient.Do(req)
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			t.Fatalf("%s %s hung with Neo4j down", method, path)
		}
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	read := `{"query":"query($op: ID!) { operation(id: $op) { id persons { totalCount } } }","variables":{"op":"` + op + `"}}`
	write := `{"query":"mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }","variables":{"in":{"operationId":"` + op + `","givenNames":"Ann","familyName":"Lee"}}}`
	if resp, body := call("POST", "/graphql", "Bearer "+token, read); resp.StatusCode != 200 || strings.Contains(body, "errors") {
		t.Fatalf("before the kill: %d %s", resp.StatusCode, body)
	}
	if resp, _ := call("GET", "/readyz", "", ""); resp.StatusCode != 200 {
		t.Fatalf("readyz before the kill: %d", resp.StatusCode)
	}

	proxy.kill()

	for name, req := range map[string][2]string{
		"read":           {"Bearer " + token, read},
		"write":          {"Bearer " + token, write},
		"write again":    {"Bearer " + token, write},
		"api key":        {"ApiKey " + apiKey, read},
		"api key again":  {"ApiKey " + apiKey, write},
		"read once more": {"Bearer " + token, read},
	} {
		resp, body := call("POST", "/graphql", req[0], req[1])
		unavailable := strings.Contains(body, `"code":"UNAVAILABLE"`)
		switch {
		case strings.Contains(body, "INTERNAL") || !unavailable:
			t.Errorf("%s: %d %s, want UNAVAILABLE", name, resp.StatusCode, body)
		case resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") == "":
			t.Errorf("%s: 503 without Retry-After", name)
		case resp.StatusCode == http.StatusOK && !strings.Contains(body, `"retryAfter":`):
			t.Errorf("%s: UNAVAILABLE without a retry hint: %s", name, body)
		case resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusServiceUnavailable:
			t.Errorf("%s: status %d", name, resp.StatusCode)
		}
	}
	if resp, body := call("GET", "/readyz", "", ""); resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("readyz with Neo4j down: %d %s", resp.StatusCode, body)
	}
}

func TestEdgeDevModeRefusedOffLoopback(t *testing.T) {
	_, err := server.Build(nil, server.Config{
		HTTP: httpapi.Config{Dev: true, Addr: "0.0.0.0:8080"},
		Auth: auth.Config{Mode: auth.ModeDev, DevKeyPath: filepath.Join(t.TempDir(), "dev.pem")},
	}, zerolog.Nop())
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Fatalf("dev mode on 0.0.0.0: %v", err)
	}
}
