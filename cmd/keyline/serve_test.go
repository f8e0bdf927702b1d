package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

func TestServeGCPercent(t *testing.T) {
	old := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(old) })

	t.Run("default", func(t *testing.T) {
		t.Setenv("GOGC", "") // restored after the test
		os.Unsetenv("GOGC")
		debug.SetGCPercent(100)
		serveGC()
		if got := debug.SetGCPercent(100); got != ServeGCPercent {
			t.Fatalf("GC percent = %d, want %d", got, ServeGCPercent)
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
