package main

import (
	"context"
	"io"
	"math"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

func TestServeGCPercent(t *testing.T) {
	old := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetGCPercent(old); debug.SetMemoryLimit(oldLimit) })

	t.Run("default", func(t *testing.T) {
		t.Setenv("GOGC", "") // restored after the test
		os.Unsetenv("GOGC")
		debug.SetGCPercent(100)
		serveGC()
		if got := debug.SetGCPercent(100); got != ServeGCPercent {
			t.Fatalf("GC percent = %d, want %d", got, ServeGCPercent)
		}
	})
	t.Run("memory limit", func(t *testing.T) {
		t.Setenv("GOMEMLIMIT", "")
		os.Unsetenv("GOMEMLIMIT")
		debug.SetMemoryLimit(math.MaxInt64)
		serveGC()
		if got := debug.SetMemoryLimit(-1); got != ServeMemoryLimit {
			t.Fatalf("memory limit = %d, want %d", got, ServeMemoryLimit)
		}
	})
	t.Run("GOMEMLIMIT wins", func(t *testing.T) {
		t.Setenv("GOMEMLIMIT", "1GiB")
		debug.SetMemoryLimit(1 << 30)
		serveGC()
		if got := debug.SetMemoryLimit(-1); got != 1<<30 {
			t.Fatalf("memory limit = %d, want GOMEMLIMIT's %d", got, 1<<30)
		}
	})
	t.Run("GOGC wins", func(t *testing.T) {
		t.Setenv("GOGC", "150")
		debug.SetGCPercent(150)
		serveGC()
		if got := debug.SetGCPercent(100); got != 150 {
			t.Fatalf("GC percent = %d, want GOGC's 150", got)
		}
	})
}

func TestDebugListener(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, addr := range []string{"0.0.0.0:0", "10.1.2.3:0", ":0", "example.org:0", "nonsense"} {
		if err := serveDebug(ctx, addr, zerolog.Nop()); err == nil {
			t.Errorf("serveDebug(%q) accepted a non-loopback address", addr)
		}
	}
	// A loopback address serves the profiler's index.
	ln := "127.0.0.1:0"
	addr, err := serveDebugAddr(ctx, ln, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get("http://" + addr + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "goroutine") {
		t.Fatalf("profiler index: %d %.80q", resp.StatusCode, body)
	}
	cancel()
}

// Development mode hands an analyst token to every visitor of /, so serve
// refuses it anywhere but on loopback, before reaching Neo4j.
func TestServeRefusesDevOffLoopback(t *testing.T) {
	for _, tt := range []struct {
		listen string
		dev    bool
		ok     bool
	}{
		{"127.0.0.1:8080", true, true},
		{"[::1]:8080", true, true},
		{"localhost:8080", true, true},
		{"0.0.0.0:8080", true, false},
		{":8080", true, false},
		{"10.0.0.5:8080", true, false},
		{"keyline.internal:8080", true, false},
		{"0.0.0.0:8080", false, true}, // outside dev, any address (with an issuer)
	} {
		cfg := defaultConfig()
		cfg.Listen, cfg.Dev = tt.listen, tt.dev
		if !tt.dev {
			cfg.OIDCIssuer = "https://idp.example"
		}
		_, err := cfg.serverConfig()
		if tt.ok != (err == nil) {
			t.Errorf("listen %q dev %v: err = %v", tt.listen, tt.dev, err)
		}
		if err != nil && !strings.Contains(err.Error(), "loopback") {
			t.Errorf("listen %q: unclear error %q", tt.listen, err)
		}
	}
	root := newRoot()
	root.SetArgs([]string{"serve", "--dev", "--listen", "0.0.0.0:0", "--neo4j-uri", "bolt://127.0.0.1:1"})
	err := root.ExecuteContext(context.Background())
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Fatalf("serve --dev on 0.0.0.0: %v", err)
	}
}

func TestServeConfigPassesSecuritySettings(t *testing.T) {
	cfg := defaultConfig()
	cfg.OIDCIssuer = "https://idp.example"
	cfg.TrustedProxies = []string{"10.0.0.0/8"}
	cfg.MetricsListen = "127.0.0.1:9464"
	sc, err := cfg.serverConfig()
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.HTTP.TrustedProxies) != 1 || sc.HTTP.MetricsListen != "127.0.0.1:9464" || sc.Auth.InsecureJWKS {
		t.Fatalf("server config %+v", sc)
	}
	cfg.BookmarkKey = strings.Repeat("k", minBookmarkKey)
	if sc, err := cfg.serverConfig(); err != nil || sc.HTTP.BookmarkKey != cfg.BookmarkKey {
		t.Fatalf("bookmark key not passed on: %v", err)
	}
	cfg.BookmarkKey = "short"
	if _, err := cfg.serverConfig(); err == nil || !strings.Contains(err.Error(), "KEYLINE_BOOKMARK_KEY") {
		t.Fatalf("a short bookmark key accepted: %v", err)
	}
	cfg.BookmarkKey = ""
	cfg.TrustedProxies = []string{"not-a-network"}
	if _, err := cfg.serverConfig(); err == nil {
		t.Fatal("bad trusted proxy accepted")
	}
}
