package auth

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestLoadOrCreateDevKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", ".keyline")
	path := filepath.Join(dir, "dev.pem")
	first, err := LoadOrCreateDevKey(path)
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s mode %o, want %o", p, st.Mode().Perm(), want)
		}
	}
	again, err := LoadOrCreateDevKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if again.KeyID() != first.KeyID() || first.KeyID() == "" {
		t.Fatalf("key not reused: %q then %q", first.KeyID(), again.KeyID())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

func TestLoadOrCreateDevKeyRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dev.pem")
	const n = 8
	kids := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := LoadOrCreateDevKey(path)
			if err != nil {
				t.Error(err)
				return
			}
			kids[i] = s.KeyID()
		}()
	}
	wg.Wait()
	for _, k := range kids[1:] {
		if k != kids[0] {
			t.Fatalf("racing creators disagree on the key: %v", kids)
		}
	}
}

func TestLoadOrCreateDevKeyRejectsJunk(t *testing.T) {
	for name, content := range map[string]string{
		"not PEM":   "hello",
		"wrong PEM": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "dev.pem")
			if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := LoadOrCreateDevKey(path); err == nil {
				t.Fatal("loaded junk as a key")
			}
		})
	}
	if _, err := LoadOrCreateDevKey(""); err == nil {
		t.Fatal("empty path accepted")
	}
}

func TestIssueRoundTrip(t *testing.T) {
	a := newDevAuthenticator(t, nil, nil)
	for _, u := range DevUsers {
		t.Run(u.Subject, func(t *testing.T) {
			tok, err := a.DevSigner().Issue(u, 0)
			if err != nil {
				t.Fatal(err)
			}
			actor, err := a.Authenticate(bearerRequest(tok))
			if err != nil {
				t.Fatal(err)
			}
			if actor.Subject != u.Subject || actor.Name != u.Name || !equalRoles(actor.Roles, u.Roles) || actor.Clearance != u.Clearance {
				t.Fatalf("actor %+v does not match user %+v", actor, u)
			}
		})
	}
	if _, err := a.DevSigner().Issue(DevUser{}, time.Minute); err == nil {
		t.Fatal("issued a token with no subject")
	}
	short, _ := a.DevSigner().Issue(DevUsers[0], time.Nanosecond)
	time.Sleep(time.Millisecond)
	// Still inside the clock skew, so accepted; proves ttl is honoured
	// rather than defaulted only in that it does not error.
	if _, err := a.Authenticate(bearerRequest(short)); err != nil {
		t.Fatalf("short-lived token within skew: %v", err)
	}
}
