package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCORS(t *testing.T) {
	reached := false
	h := cors([]string{"https://app.keyline.example/", "*"})(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { reached = true }))
	tests := []struct {
		name, method, origin, reqMethod string
		status                          int
		allowOrigin                     string
		reached                         bool
	}{
		{"allowed origin", http.MethodPost, "https://app.keyline.example", "", 200, "https://app.keyline.example", true},
		{"other origin gets no CORS headers", http.MethodPost, "https://evil.example", "", 200, "", true},
		{"no origin", http.MethodPost, "", "", 200, "", true},
		{"preflight allowed", http.MethodOptions, "https://app.keyline.example", "POST", 204, "https://app.keyline.example", false},
		{"preflight other origin", http.MethodOptions, "https://evil.example", "POST", 403, "", false},
		{"preflight literal star", http.MethodOptions, "*", "POST", 403, "", false},
		{"preflight method not allowed", http.MethodOptions, "https://app.keyline.example", "DELETE", 403, "", false},
		{"plain OPTIONS passes on", http.MethodOptions, "", "", 200, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reached = false
			r := httptest.NewRequest(tt.method, "/graphql", nil)
			if tt.origin != "" {
				r.Header.Set("Origin", tt.origin)
			}
			if tt.reqMethod != "" {
				r.Header.Set("Access-Control-Request-Method", tt.reqMethod)
				r.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
			}
			rec := serve(h, r)
			if rec.Code != tt.status || reached != tt.reached {
				t.Fatalf("status %d reached %v", rec.Code, reached)
			}
			hd := rec.Header()
			if hd.Get("Access-Control-Allow-Origin") != tt.allowOrigin {
				t.Fatalf("Allow-Origin %q", hd.Get("Access-Control-Allow-Origin"))
			}
			if hd.Get("Access-Control-Allow-Credentials") != "" {
				t.Fatal("credentials allowed")
			}
			if hd.Values("Vary")[0] != "Origin" {
				t.Fatal("responses vary by origin but do not say so")
			}
			if tt.status == 204 && (hd.Get("Access-Control-Allow-Headers") == "" || hd.Get("Access-Control-Allow-Methods") != "GET, POST") {
				t.Fatalf("preflight headers: %v", hd)
			}
		})
	}
}
