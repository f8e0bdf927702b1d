package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRecorder(t *testing.T) {
	tests := []struct {
		name      string
		write     func(w http.ResponseWriter)
		status    int
		bytes     int64
		wroteHead bool
	}{
		{"nothing written", func(http.ResponseWriter) {}, http.StatusOK, 0, false},
		{"body only", func(w http.ResponseWriter) { _, _ = w.Write([]byte("abc")) }, http.StatusOK, 3, true},
		{"status then body", func(w http.ResponseWriter) {
			w.WriteHeader(http.StatusTeapot)
			w.WriteHeader(http.StatusOK) // ignored, as net/http does
			_, _ = w.Write([]byte("ab"))
		}, http.StatusTeapot, 2, true},
		{"flush", func(w http.ResponseWriter) { w.(http.Flusher).Flush() }, http.StatusOK, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(httptest.NewRecorder())
			tt.write(rec)
			if rec.Status() != tt.status || rec.bytes != tt.bytes || rec.wroteHeader() != tt.wroteHead {
				t.Fatalf("status %d bytes %d wrote %v", rec.Status(), rec.bytes, rec.wroteHeader())
			}
		})
	}
	outer := newRecorder(httptest.NewRecorder())
	if newRecorder(outer) != outer {
		t.Fatal("recorders should not stack")
	}
	if http.NewResponseController(outer).Flush() != nil {
		t.Fatal("ResponseController cannot reach the writer")
	}
}
