package httpapi

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/keyline/keyline"
)

// limiterIdle is how long an identity's limiter is kept unused; after
// that its bucket would be full again anyway, so forgetting it is free.
const limiterIdle = 10 * time.Minute

// rateLimiter gives each identity its own token bucket, so one runaway
// script or integration cannot starve everyone else.
type rateLimiter struct {
	limit rate.Limit
	burst int
	now   func() time.Time

	mu        sync.Mutex
	limiters  map[string]*identityLimiter
	lastSweep time.Time
}

type identityLimiter struct {
	*rate.Limiter
	lastSeen time.Time
}

func newRateLimiter(perSecond float64, burst int) *rateLimiter {
	return &rateLimiter{limit: rate.Limit(perSecond), burst: burst, now: time.Now, limiters: map[string]*identityLimiter{}}
}

// allow takes a token for subject, or says how long until one is free.
func (l *rateLimiter) allow(subject string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	if now.Sub(l.lastSweep) >= limiterIdle {
		for k, v := range l.limiters {
			if now.Sub(v.lastSeen) >= limiterIdle {
				delete(l.limiters, k)
			}
		}
		l.lastSweep = now
	}
	lim, ok := l.limiters[subject]
	if !ok {
		lim = &identityLimiter{Limiter: rate.NewLimiter(l.limit, l.burst)}
		l.limiters[subject] = lim
	}
	lim.lastSeen = now
	l.mu.Unlock()

	res := lim.ReserveN(now, 1)
	if !res.OK() {
		return false, time.Second
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return false, d
	}
	return true, 0
}

func (l *rateLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.limiters)
}

// middleware limits authenticated requests by actor subject; it must run
// after authentication.
func (l *rateLimiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := keyline.ActorFrom(r.Context())
		if actor == nil {
			next.ServeHTTP(w, r)
			return
		}
		if ok, wait := l.allow(actor.Subject); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			WriteError(w, http.StatusTooManyRequests, CodeRateLimited, "too many requests; slow down and retry later")
			return
		}
		next.ServeHTTP(w, r)
	})
}
