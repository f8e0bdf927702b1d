package keyline

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Input validation must never panic and must only accept what it can
// normalise back to itself; corpora live in testdata/fuzz/.

func FuzzNormaliseVRM(f *testing.F) {
	for _, s := range []string{"AB12 CDE", "a123bcd", "", " ", "ABC123D", "1234AB", "ΑΒ12CDE", "AB12CDE\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := NormaliseVRM("vrm", s)
		if err != nil {
			if ErrorCode(err) != CodeInvalid {
				t.Fatalf("error must be BAD_USER_INPUT: %v", err)
			}
			return
		}
		if again, err := NormaliseVRM("vrm", v); err != nil || again != v {
			t.Fatalf("normalised %q is not stable: %q %v", v, again, err)
		}
		if strings.ContainsAny(v, " \t") || v != strings.ToUpper(v) {
			t.Fatalf("normalised VRM %q has spaces or lower case", v)
		}
	})
}

func FuzzNormalisePostcode(f *testing.F) {
	for _, s := range []string{"L8 1AB", "sw1a1aa", "CH41 5LH", "", "L8  1AB", "ZZ99 9ZZ9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := NormalisePostcode("postcode", s)
		if err != nil {
			return
		}
		if again, err := NormalisePostcode("postcode", v); err != nil || again != v {
			t.Fatalf("normalised %q is not stable: %q %v", v, again, err)
		}
		if strings.Count(v, " ") != 1 {
			t.Fatalf("postcode %q must have exactly one space", v)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-02-28", "2024-02-29", "2023-02-29", "1994-13-01", "", "9999-12-31", "2026-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate("date", s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("accepted %q but it prints as %q", s, d.String())
		}
	})
}

func FuzzGrading(f *testing.F) {
	f.Add("1", "A", "P", "")
	f.Add("2", "C", "C", "SOCU only")
	f.Add("B", "2", "4", "")
	f.Fuzz(func(t *testing.T, src, ass, hand, cond string) {
		g := Grading{Source: src, Assessment: ass, Handling: hand, Conditions: cond}
		if err := g.Validate("g"); err == nil {
			if q := g.Quality(); q < 0 || q > 1 {
				t.Fatalf("quality %v out of range for %#v", q, g)
			}
		}
		l := LegacyGrading{Source: src, Information: ass, Handling: hand}
		if m, err := l.Map("l"); err == nil {
			if err := m.Validate("mapped"); err != nil {
				t.Fatalf("legacy %v mapped to an invalid grade %#v: %v", l, m, err)
			}
		}
	})
}

func FuzzDescribe(f *testing.F) {
	f.Add("Shaw", "Daniel", "14 Kell Street, Liverpool")
	f.Fuzz(func(t *testing.T, family, given, address string) {
		for _, k := range Kinds {
			label, search := Describe(k, map[string]any{"familyName": family, "givenNames": given, "address": address, "name": given, "summary": address})
			if utf8.ValidString(family) && utf8.ValidString(given) && utf8.ValidString(address) && (!utf8.ValidString(label) || !utf8.ValidString(search)) {
				t.Fatalf("%s: invalid UTF-8 from valid input", k)
			}
		}
	})
}
