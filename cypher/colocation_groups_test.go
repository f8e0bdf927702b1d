package cypher

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keyline/keyline"
)

// coLocationGroups is the co-location rule without the database: who was
// together and when, by hand (times are hours of one day).
func TestCoLocationGroups(t *testing.T) {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	h := func(x float64) time.Time { return day.Add(time.Duration(x * float64(time.Hour))) }
	p := func(who string, first, last float64) presence {
		return presence{entity: Record{Kind: keyline.KindPerson, Props: map[string]any{"id": who}}, first: h(first), last: h(last)}
	}
	cases := []struct {
		name   string
		ps     []presence
		window time.Duration
		want   []string
	}{
		{"two, staggered", []presence{p("I", 8, 10), p("J", 9, 12)}, time.Hour, []string{"I,J 09:00-10:00"}},
		{"three in a chain: two pairs, never all three", []presence{p("A", 9, 11), p("B", 10, 14), p("C", 13, 15)}, time.Hour,
			[]string{"A,B 10:00-11:00", "B,C 13:00-14:00"}},
		{"three overlapping", []presence{p("F", 11, 14), p("D", 9, 12), p("E", 10, 13)}, 0, []string{"D,E,F 11:00-12:00"}},
		{"within the tolerance only: the gap", []presence{p("G", 9, 10), p("H", 10.5, 12)}, time.Hour, []string{"G,H 10:00-10:30"}},
		{"beyond the tolerance", []presence{p("G", 9, 10), p("H", 10.5, 12)}, 0, nil},
		{"touching at an instant", []presence{p("G", 9, 10), p("H", 10, 12)}, 0, []string{"G,H 10:00-10:00"}},
		{"one date only: an instant", []presence{p("K", 9.5, 9.5), p("M", 9, 10)}, 0, []string{"K,M 09:30-09:30"}},
		{"one entity alone, twice", []presence{p("A", 9, 10), p("A", 9.5, 11)}, 0, nil},
		{"the same pair at two separate times", []presence{p("A", 8, 9), p("B", 8.5, 12), p("A", 11, 13)}, 0,
			[]string{"A,B 08:30-09:00", "A,B 11:00-12:00"}},
		{"an entity's overlapping presences count from the earliest to the latest", []presence{p("A", 8, 10), p("A", 9, 12), p("B", 7, 11.5)}, 0,
			[]string{"A,B 08:00-11:30"}},
		{"an event: everyone at its time", []presence{p("P", 12, 12), p("Q", 12, 12), p("R", 12, 12)}, time.Hour, []string{"P,Q,R 12:00-12:00"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, m := range coLocationGroups(c.ps, c.window) {
				var who []string
				for _, e := range m.Entities {
					who = append(who, e.ID())
				}
				got = append(got, fmt.Sprintf("%s %s-%s", strings.Join(who, ","), m.FirstSeen.Format("15:04"), m.LastSeen.Format("15:04")))
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}
