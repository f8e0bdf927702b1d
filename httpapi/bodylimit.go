package httpapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/keyline/keyline"
)

// bodyLimit reads the request body up front, bounded by max, so an
// oversized body is answered with a clear 413 here rather than surfacing
// as a confusing parse error inside GraphQL. GraphQL reads the whole body
// anyway, so buffering it costs no extra memory.
func bodyLimit(max int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Body == nil || r.Body == http.NoBody {
				next.ServeHTTP(w, r)
				return
			}
			tooBig := func() {
				WriteError(w, http.StatusRequestEntityTooLarge, string(keyline.CodeLimit),
					fmt.Sprintf("request body exceeds %d bytes", max))
			}
			if r.ContentLength > max {
				tooBig()
				return
			}
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
			var mbe *http.MaxBytesError
			switch {
			case errors.As(err, &mbe):
				tooBig()
				return
			case err != nil:
				WriteError(w, http.StatusBadRequest, CodeBadRequest, "could not read request body")
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.ContentLength = int64(len(body))
			next.ServeHTTP(w, r)
		})
	}
}
