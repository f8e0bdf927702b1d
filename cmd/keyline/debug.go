package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline/httpapi"
)

// serveDebug serves Go's profiler on its own listener, apart from the API
// and never behind it: profiles show code paths and timings, not data,
// but they are for the people running the service, so only a loopback
// address is accepted. It stops when ctx ends.
func serveDebug(ctx context.Context, addr string, log zerolog.Logger) error {
	bound, err := serveDebugAddr(ctx, addr, log)
	if err != nil {
		return err
	}
	log.Info().Str("addr", bound).Msg("profiler serving /debug/pprof/")
	return nil
}

// serveDebugAddr is serveDebug, returning the address it listens on.
func serveDebugAddr(ctx context.Context, addr string, log zerolog.Logger) (string, error) {
	if !httpapi.LoopbackAddr(addr) {
		return "", fmt.Errorf("--debug-listen %q: the profiler is served on loopback addresses only", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("--debug-listen: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error().Err(err).Msg("profiler listener stopped")
		}
	}()
	return ln.Addr().String(), nil
}
