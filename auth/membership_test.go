package auth

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"
)

func TestMembershipCache(t *testing.T) {
	members := &fakeMembers{officers: map[string]string{"u": "off_1"}, ops: map[string][]string{"u": {"op_1"}}}
	c := newMembershipCache(members, 5*time.Second)
	now := time.Unix(1_700_000_000, 0)
	c.now = func() time.Time { return now }
	ctx := context.Background()

	steps := []struct {
		advance   time.Duration
		wantCalls int
	}{
		{0, 1},               // miss
		{time.Second, 1},     // fresh
		{4 * time.Second, 2}, // 5 s later: expired
		{4 * time.Second, 2},
	}
	for i, s := range steps {
		now = now.Add(s.advance)
		id, ops, err := c.lookup(ctx, "u")
		if err != nil || id != "off_1" || !slices.Equal(ops, []string{"op_1"}) {
			t.Fatalf("step %d: %q %v %v", i, id, ops, err)
		}
		if members.callCount() != s.wantCalls {
			t.Fatalf("step %d: %d resolver calls, want %d", i, members.callCount(), s.wantCalls)
		}
	}

	// Callers cannot corrupt the cached slice.
	_, ops, _ := c.lookup(ctx, "u")
	ops[0] = "op_evil"
	if _, ops, _ := c.lookup(ctx, "u"); ops[0] != "op_1" {
		t.Fatal("cached operations were modified through a returned slice")
	}
}

func TestMembershipCacheErrorsNotCached(t *testing.T) {
	members := &fakeMembers{err: errors.New("db down")}
	c := newMembershipCache(members, time.Minute)
	for range 2 {
		if _, _, err := c.lookup(context.Background(), "u"); err == nil {
			t.Fatal("error swallowed")
		}
	}
	if members.callCount() != 2 {
		t.Fatalf("errors were cached: %d calls", members.callCount())
	}
}

func TestMembershipCacheDisabledAndSwept(t *testing.T) {
	members := &fakeMembers{}
	off := newMembershipCache(members, -1)
	for range 3 {
		_, _, _ = off.lookup(context.Background(), "u")
	}
	if members.callCount() != 3 {
		t.Fatalf("negative TTL still cached: %d calls", members.callCount())
	}

	c := newMembershipCache(&fakeMembers{}, time.Second)
	now := time.Unix(1_700_000_000, 0)
	c.now = func() time.Time { return now }
	for i := range membershipCacheSweepAt {
		_, _, _ = c.lookup(context.Background(), fmt.Sprint("s", i))
	}
	now = now.Add(2 * time.Second)
	_, _, _ = c.lookup(context.Background(), "late")
	if len(c.entries) != 1 {
		t.Fatalf("expired entries not swept: %d left", len(c.entries))
	}
}

func TestMembershipNilResolver(t *testing.T) {
	id, ops, err := newMembershipCache(nil, time.Second).lookup(context.Background(), "u")
	if id != "" || ops != nil || err != nil {
		t.Fatal("nil resolver should give no membership")
	}
}

func TestMembershipCacheForgets(t *testing.T) {
	members := &fakeMembers{officers: map[string]string{"u": "off_1"}, ops: map[string][]string{"u": {"op_1"}}}
	c := newMembershipCache(members, time.Hour)
	for range 2 {
		if _, _, err := c.lookup(t.Context(), "u"); err != nil {
			t.Fatal(err)
		}
	}
	members.mu.Lock()
	members.ops["u"] = []string{"op_1", "op_2"}
	members.mu.Unlock()
	c.forget()
	_, ops, _ := c.lookup(t.Context(), "u")
	if members.callCount() != 2 || !slices.Equal(ops, []string{"op_1", "op_2"}) {
		t.Fatalf("after forget: %d reads, %v", members.callCount(), ops)
	}
}
