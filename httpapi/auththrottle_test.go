package httpapi

import (
	"net/http"
	"net/netip"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/keyline/keyline"
)

// countingAuth is fakeAuth that counts the credentials it checks (each a
// store lookup in production).
type countingAuth struct{ calls *atomic.Int64 }

func (c countingAuth) Authenticate(r *http.Request) (*keyline.Actor, error) {
	c.calls.Add(1)
	return fakeAuth{}.Authenticate(r)
}

func badKeyRequest(peer, forwarded string) *http.Request {
	r := graphqlRequest("")
	r.Header.Set("Authorization", "ApiKey kl_feed_guessed-secret")
	r.RemoteAddr = peer
	if forwarded != "" {
		r.Header.Set("X-Forwarded-For", forwarded)
	}
	return r
}

// 120 bad keys from one address: the burst is answered 401 after a
// lookup each, the rest 429 with Retry-After and no lookup at all; other
// addresses are unaffected; even good credentials wait out the refusal,
// since the throttle runs before authentication.
func TestFailedAuthenticationThrottledPerAddress(t *testing.T) {
	calls := new(atomic.Int64)
	h, _ := newTestHandler(Config{AuthFailuresPerMinute: 1, AuthFailureBurst: 5}, Deps{Auth: countingAuth{calls}})
	statuses := map[int]int{}
	for range 120 {
		rec := serve(h, badKeyRequest("203.0.113.7:40000", ""))
		statuses[rec.Code]++
		if rec.Code == http.StatusTooManyRequests {
			if code, _ := graphqlError(t, rec); code != CodeRateLimited {
				t.Fatalf("429 with code %s", code)
			}
			if s, err := strconv.Atoi(rec.Header().Get("Retry-After")); err != nil || s < 1 {
				t.Fatalf("429 with Retry-After %q", rec.Header().Get("Retry-After"))
			}
		}
	}
	if statuses[http.StatusUnauthorized] != 5 || statuses[http.StatusTooManyRequests] != 115 {
		t.Fatalf("statuses %v, want 5 x 401 then 115 x 429", statuses)
	}
	if calls.Load() != 5 {
		t.Fatalf("%d credential checks, want 5: throttled requests must not reach the authenticator", calls.Load())
	}
	if rec := serve(h, badKeyRequest("198.51.100.20:1", "")); rec.Code != http.StatusUnauthorized {
		t.Fatalf("another address throttled: %d", rec.Code)
	}
	good := graphqlRequest("alice")
	good.RemoteAddr = "203.0.113.7:40001"
	if rec := serve(h, good); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("throttled address with good credentials: %d", rec.Code)
	}
	good = graphqlRequest("alice")
	good.RemoteAddr = "198.51.100.20:2"
	if rec := serve(h, good); rec.Code != http.StatusOK {
		t.Fatalf("good credentials elsewhere: %d", rec.Code)
	}
}

// Successful requests never count against an address.
func TestSuccessfulAuthenticationIsNotThrottled(t *testing.T) {
	h, _ := newTestHandler(Config{AuthFailuresPerMinute: 1, AuthFailureBurst: 1, RatePerSecond: 1000, RateBurst: 1000}, Deps{})
	for i := range 50 {
		r := graphqlRequest("alice")
		r.RemoteAddr = "203.0.113.7:1"
		if rec := serve(h, r); rec.Code != http.StatusOK {
			t.Fatalf("request %d: %d", i, rec.Code)
		}
	}
}

// X-Forwarded-For is believed only from trusted proxies: behind one, each
// client has its own count; a client cannot escape its count by sending
// the header itself.
func TestFailedAuthenticationThrottleBehindProxy(t *testing.T) {
	proxies, err := ParseTrustedProxies([]string{"10.0.0.0/8"})
	if err != nil {
		t.Fatal(err)
	}
	h, _ := newTestHandler(Config{AuthFailuresPerMinute: 1, AuthFailureBurst: 2, TrustedProxies: proxies}, Deps{})
	for range 3 {
		serve(h, badKeyRequest("10.0.0.5:1", "203.0.113.7"))
	}
	if rec := serve(h, badKeyRequest("10.0.0.5:1", "203.0.113.7")); rec.Code != http.StatusTooManyRequests {
		t.Fatalf("client behind the proxy not throttled: %d", rec.Code)
	}
	if rec := serve(h, badKeyRequest("10.0.0.6:1", "198.51.100.9")); rec.Code != http.StatusUnauthorized {
		t.Fatalf("another client behind the proxy throttled: %d", rec.Code)
	}
	// Spoofing from outside: the header of an untrusted peer is ignored.
	for i := range 3 {
		rec := serve(h, badKeyRequest("192.0.2.50:1", "198.51.100."+strconv.Itoa(100+i)))
		if i == 2 && rec.Code != http.StatusTooManyRequests {
			t.Fatalf("untrusted peer escaped its count with X-Forwarded-For: %d", rec.Code)
		}
	}
}

func TestClientAddress(t *testing.T) {
	proxies, err := ParseTrustedProxies([]string{"10.0.0.0/8", "2001:db8:ffff::/48", "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, peer string
		xff        []string
		want       string
	}{
		{"no proxy", "203.0.113.7:5000", nil, "203.0.113.7"},
		{"untrusted peer's header ignored", "203.0.113.7:5000", []string{"198.51.100.1"}, "203.0.113.7"},
		{"trusted proxy", "10.1.2.3:5000", []string{"198.51.100.1"}, "198.51.100.1"},
		{"two trusted proxies", "10.1.2.3:5000", []string{"198.51.100.1, 10.9.9.9"}, "198.51.100.1"},
		{"client-written entries left of the client not believed", "10.1.2.3:5000", []string{"1.1.1.1, 198.51.100.1"}, "198.51.100.1"},
		{"several header lines", "10.1.2.3:5000", []string{"1.1.1.1", "198.51.100.1"}, "198.51.100.1"},
		{"single trusted address", "192.0.2.1:80", []string{"198.51.100.1"}, "198.51.100.1"},
		{"only proxies", "10.1.2.3:5000", []string{"10.4.4.4"}, "10.4.4.4"},
		{"garbage from a proxy counts against the proxy", "10.1.2.3:5000", []string{"198.51.100.1, not-an-ip"}, "10.1.2.3"},
		{"entry with port", "10.1.2.3:5000", []string{"198.51.100.1:443"}, "198.51.100.1"},
		{"v4-mapped peer", "[::ffff:203.0.113.7]:5000", nil, "203.0.113.7"},
		{"ipv6 client by /64", "[2001:db8:1:2:3:4:5:6]:5000", nil, "2001:db8:1:2::/64"},
		{"ipv6 proxy", "[2001:db8:ffff::1]:5000", []string{"2001:db8:1:2::9"}, "2001:db8:1:2::/64"},
		{"unreadable peer", "pipe", nil, "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := graphqlRequest("")
			r.RemoteAddr = tt.peer
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := addressKey(clientAddress(r, proxies)); got != tt.want {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestParseTrustedProxies(t *testing.T) {
	got, err := ParseTrustedProxies([]string{" 10.0.0.0/8 ", "192.0.2.7", "", "2001:db8::/32", "10.1.2.3/8"})
	if err != nil {
		t.Fatal(err)
	}
	want := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.7/32"),
		netip.MustParsePrefix("2001:db8::/32"), netip.MustParsePrefix("10.0.0.0/8")}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	for _, bad := range []string{"nonsense", "10.0.0.0/33", "proxy.internal"} {
		if _, err := ParseTrustedProxies([]string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
