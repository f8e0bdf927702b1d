package httpapi

import (
	"encoding/json"
	"net/http"
)

// Error codes the HTTP layer itself produces, in extensions.code, beside
// the keyline.Code values the GraphQL layer uses.
const (
	CodeBadRequest  = "BAD_REQUEST"
	CodeRateLimited = "RATE_LIMITED"
)

type errorBody struct {
	Errors []errorEntry `json:"errors"`
}

type errorEntry struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// WriteError writes a GraphQL-shaped error, so that clients handle errors
// from the HTTP layer (401, 413, 429...) the same way as those from
// resolvers: {"errors":[{"message":...,"extensions":{"code":...}}]}.
// message must be safe to show to the client.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	body, _ := json.Marshal(errorBody{Errors: []errorEntry{{
		Message:    message,
		Extensions: map[string]any{"code": code},
	}}})
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Del("Content-Length")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
