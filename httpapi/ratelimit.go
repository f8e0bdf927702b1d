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
	lim := l.limiterFor(subject, now, true)
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

// blocked says, without taking a token, whether subject has none left
// and how long until one is free. A subject never charged is not blocked
// and costs no memory.
func (l *rateLimiter) blocked(subject string) (bool, time.Duration) {
	now := l.now()
	lim := l.limiterFor(subject, now, false)
	if lim == nil {
		return false, 0
	}
	tokens := lim.TokensAt(now)
	if tokens >= 1 {
		return false, 0
	}
	return true, time.Duration((1 - tokens) / float64(l.limit) * float64(time.Second))
}

// limiterFor returns subject's limiter, making one if create is set
// (otherwise nil when there is none), and forgets idle ones.
func (l *rateLimiter) limiterFor(subject string, now time.Time, create bool) *identityLimiter {
	l.mu.Lock()
	defer l.mu.Unlock()
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
		if !create {
			return nil
		}
		lim = &identityLimiter{Limiter: rate.NewLimiter(l.limit, l.burst)}
		l.limiters[subject] = lim
	}
	lim.lastSeen = now
	return lim
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
			setRetryAfter(w, wait)
			WriteError(w, http.StatusTooManyRequests, CodeRateLimited, "too many requests; slow down and retry later")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// setRetryAfter says, in whole seconds rounded up (at least 1), when to
// come back.
func setRetryAfter(w http.ResponseWriter, wait time.Duration) {
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(wait.Seconds())))))
}
