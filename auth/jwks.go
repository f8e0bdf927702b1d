package auth

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/lestrrat-go/httprc/v3"
	"github.com/lestrrat-go/jwx/v3/jwk"
)

// Refresh bounds for the provider's key set. The maximum is short so that
// a key the provider withdraws stops being trusted within the hour; the
// minimum stops a misbehaving cache header from hammering the provider.
const (
	jwksMinRefresh    = 5 * time.Minute
	jwksMaxRefresh    = time.Hour
	jwksFetchTimeout  = 10 * time.Second
	jwksForcedRefresh = 30 * time.Second // at most one on-demand refresh per this
)

// remoteKeys is the OIDC provider's JWKS, fetched and refreshed in the
// background by jwx's cache.
type remoteKeys struct {
	url    string
	cache  *jwk.Cache
	cancel context.CancelFunc

	mu          sync.Mutex
	lastForced  time.Time
	forcedEvery time.Duration
}

// newRemoteKeys registers url with a new cache and waits for the first
// fetch, so a wrong URL fails at start-up rather than on the first request.
func newRemoteKeys(url string, client *http.Client) (*remoteKeys, error) {
	if client == nil {
		client = &http.Client{Timeout: jwksFetchTimeout}
	}
	// One plain fetch first: the cache retries a failing URL until its
	// deadline, whereas this reports a 404 or a bad document at once.
	if _, err := jwk.Fetch(context.Background(), url, jwk.WithHTTPClient(client)); err != nil {
		return nil, fmt.Errorf("auth: fetch jwks %s: %w", url, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cache, err := jwk.NewCache(ctx, httprc.NewClient())
	if err != nil {
		cancel()
		return nil, fmt.Errorf("auth: jwks cache: %w", err)
	}
	regCtx, regCancel := context.WithTimeout(ctx, 2*jwksFetchTimeout)
	defer regCancel()
	err = cache.Register(regCtx, url,
		jwk.WithHTTPClient(client),
		jwk.WithHttprcResourceOption(httprc.WithMinInterval(jwksMinRefresh)),
		jwk.WithHttprcResourceOption(httprc.WithMaxInterval(jwksMaxRefresh)),
	)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("auth: fetch jwks %s: %w", url, err)
	}
	return &remoteKeys{url: url, cache: cache, cancel: cancel, forcedEvery: jwksForcedRefresh}, nil
}

func (k *remoteKeys) keys(ctx context.Context) (jwk.Set, error) {
	return k.cache.Lookup(ctx, k.url)
}

// refresh fetches the key set now, unless that was done very recently:
// unknown kids are attacker-controlled, so they must not drive traffic to
// the provider.
func (k *remoteKeys) refresh(ctx context.Context) (jwk.Set, error) {
	k.mu.Lock()
	due := time.Since(k.lastForced) >= k.forcedEvery
	if due {
		k.lastForced = time.Now()
	}
	k.mu.Unlock()
	if !due {
		return k.keys(ctx)
	}
	return k.cache.Refresh(ctx, k.url)
}

func (k *remoteKeys) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = k.cache.Shutdown(ctx)
	k.cancel()
}
