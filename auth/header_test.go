package auth

import (
	"net/http"
	"testing"
)

func TestParseCredential(t *testing.T) {
	tests := []struct {
		name   string
		header http.Header
		kind   credentialKind
		value  string
		ok     bool
	}{
		{"none", http.Header{}, credentialNone, "", true},
		{"bearer", http.Header{"Authorization": {"Bearer a.b.c"}}, credentialBearer, "a.b.c", true},
		{"bearer lower case, extra spaces", http.Header{"Authorization": {"  bearer   a.b.c  "}}, credentialBearer, "a.b.c", true},
		{"api key scheme", http.Header{"Authorization": {"ApiKey kl_x_y"}}, credentialAPIKey, "kl_x_y", true},
		{"x-api-key", http.Header{"X-Api-Key": {" kl_x_y "}}, credentialAPIKey, "kl_x_y", true},
		{"basic", http.Header{"Authorization": {"Basic dXNlcjpwYXNz"}}, credentialNone, "", false},
		{"scheme only", http.Header{"Authorization": {"Bearer"}}, credentialNone, "", false},
		{"scheme and blank", http.Header{"Authorization": {"Bearer   "}}, credentialNone, "", false},
		{"two values", http.Header{"Authorization": {"Bearer a b"}}, credentialNone, "", false},
		{"empty x-api-key", http.Header{"X-Api-Key": {""}}, credentialNone, "", false},
		{"both headers", http.Header{"Authorization": {"Bearer a.b.c"}, "X-Api-Key": {"kl_x_y"}}, credentialNone, "", false},
		{"repeated authorization", http.Header{"Authorization": {"Bearer a.b.c", "Bearer d.e.f"}}, credentialNone, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseCredential(tt.header)
			if tt.ok != (err == nil) || c.kind != tt.kind || c.value != tt.value {
				t.Fatalf("got %+v, %v", c, err)
			}
		})
	}
}
