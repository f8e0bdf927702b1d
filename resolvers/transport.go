package resolvers

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/keyline/keyline"
)

// Response media types of GraphQL over HTTP.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// msgBadRequestBody is all a client hears about a body that is not a
// GraphQL request: decoder messages quote the body and name Go types.
const msgBadRequestBody = `the request is not a GraphQL request: send a JSON object {"query": "...", "variables": {...}, "operationName": "..."}`

// httpTransport serves GraphQL over HTTP (GET for queries, POST for
// anything) as the GraphQL-over-HTTP specification says:
//   - the response type follows Accept: application/graphql-response+json
//     when the client prefers it, application/json otherwise (and when
//     Accept is absent or names neither);
//   - a request that is not well-formed (its JSON cannot be read) is 400
//     with a fixed message, whatever the media type;
//   - a request GraphQL refuses before execution (parse, validation,
//     variables, limits, introspection) has no "data" key; it is 200 as
//     application/json and 4xx as application/graphql-response+json;
//   - a mutation over GET is 405.
type httpTransport struct{}

var _ graphql.Transport = httpTransport{}

func (httpTransport) Supports(r *http.Request) bool {
	if r.Header.Get("Upgrade") != "" {
		return false
	}
	switch r.Method {
	case http.MethodGet:
		return true
	case http.MethodPost:
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		return err == nil && mt == mediaJSON
	}
	return false
}

func (httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	media := negotiateMedia(r.Header.Get("Accept"))
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	start := graphql.Now()
	params, ok := readParams(r)
	if !ok {
		writeRequestErrors(w, http.StatusBadRequest, exec.DispatchError(ctx, gqlerror.List{{
			Message: msgBadRequestBody, Extensions: map[string]any{"code": string(keyline.CodeInvalid)},
		}}))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs)
		writeRequestErrors(w, requestErrorStatus(media, resp.Errors), resp)
		return
	}
	if r.Method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		w.Header().Set("Allow", http.MethodPost)
		writeRequestErrors(w, http.StatusMethodNotAllowed, exec.DispatchError(ctx, gqlerror.List{{
			Message: "only queries may be sent with GET; send mutations with POST", Extensions: map[string]any{"code": string(keyline.CodeInvalid)},
		}}))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	writeJSON(w, http.StatusOK, responses(ctx))
}

// readParams reads the request's query, operation name, variables and
// extensions from the body (POST) or the URL (GET); false means they
// cannot be read.
func readParams(r *http.Request) (*graphql.RawParams, bool) {
	params := &graphql.RawParams{}
	if r.Method == http.MethodGet {
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			return nil, false
		}
		params.Query, params.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("variables"); v != "" && decodeJSON([]byte(v), &params.Variables) != nil {
			return nil, false
		}
		if v := q.Get("extensions"); v != "" && decodeJSON([]byte(v), &params.Extensions) != nil {
			return nil, false
		}
		return params, true
	}
	var body bytes.Buffer
	if r.Body != nil {
		if _, err := body.ReadFrom(r.Body); err != nil {
			return nil, false
		}
	}
	if decodeJSON(body.Bytes(), params) != nil {
		return nil, false
	}
	return params, true
}

// decodeJSON reads exactly one JSON value, numbers kept as json.Number.
func decodeJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errTrailingData
	}
	return nil
}

var errTrailingData = keyline.Errorf(keyline.CodeInvalid, "trailing data after the request")

// negotiateMedia picks the response type from Accept: the acceptable type
// with the highest q, the first listed on a tie; application/json when
// Accept is absent or names neither type (the specification lets a server
// disregard an unsatisfiable Accept rather than answer 406).
func negotiateMedia(accept string) string {
	best, bestQ := mediaJSON, 0.0
	for part := range strings.SplitSeq(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				continue
			}
		}
		var media string
		switch mt {
		case mediaGraphQLResponse:
			media = mediaGraphQLResponse
		case mediaJSON, "application/*", "*/*":
			media = mediaJSON
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = media, q
		}
	}
	return best
}

// requestErrorStatus is the status of a request refused before execution.
func requestErrorStatus(media string, errs gqlerror.List) int {
	if media != mediaGraphQLResponse {
		return http.StatusOK
	}
	for _, e := range errs {
		if code, _ := e.Extensions["code"].(string); code == string(keyline.CodeForbidden) {
			return http.StatusForbidden
		}
	}
	return http.StatusBadRequest
}

// requestErrorBody is a response to a request that never executed: the
// GraphQL specification says it has no "data" entry.
type requestErrorBody struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

func writeRequestErrors(w http.ResponseWriter, status int, resp *graphql.Response) {
	writeJSON(w, status, requestErrorBody{Errors: resp.Errors, Extensions: resp.Extensions})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
	}
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
