package httpapi

import (
	"testing"
	"time"
)

func TestConfigDefaults(t *testing.T) {
	got := Config{}.withDefaults()
	want := Config{Addr: DefaultAddr, MaxBodyBytes: DefaultMaxBodyBytes, RequestTimeout: DefaultRequestTimeout,
		RatePerSecond: DefaultRatePerSecond, RateBurst: DefaultRateBurst}
	if got.Addr != want.Addr || got.MaxBodyBytes != want.MaxBodyBytes || got.RequestTimeout != want.RequestTimeout ||
		got.RatePerSecond != want.RatePerSecond || got.RateBurst != want.RateBurst {
		t.Fatalf("got %+v", got)
	}
	set := Config{Addr: ":9", MaxBodyBytes: 10, RequestTimeout: time.Second, RatePerSecond: 1, RateBurst: 2}
	if got := set.withDefaults(); got.Addr != ":9" || got.MaxBodyBytes != 10 || got.RequestTimeout != time.Second || got.RatePerSecond != 1 || got.RateBurst != 2 {
		t.Fatalf("explicit values overridden: %+v", got)
	}
}
