// Package reports renders Keyline's printable and exportable documents
// over HTTP: the CPIA disclosure schedules as CSV and as HTML that prints
// cleanly, and link-analysis charts as ANX, GraphML and JSON. It reads the caller from the request context (set by the
// authentication middleware) and applies the same rules as the GraphQL API.
package reports

import (
	"bytes"
	"embed"
	"encoding/csv"
	"encoding/json"
	"github.com/keyline/keyline/questions"
	"html/template"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/disclosure"
	"github.com/keyline/keyline/export"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/linkanalysis"
	"github.com/keyline/keyline/linkanalysis/fromapi"
	"github.com/keyline/keyline/resolvers"
)

//go:embed templates/*.html
var templates embed.FS

var pages = template.Must(template.ParseFS(templates, "templates/*.html"))

// Routes lists the documents Handler serves; the need-to-know matrix test
// runs each one for every kind of caller, so a document added here without
// a probe fails it.
var Routes = []string{routePackage, routeExport, routeSaved, routeSchedule}

const (
	routePackage  = "GET /reports/targets/{doc}"
	routeExport   = "POST /export/{doc}"
	routeSaved    = "GET /export/saved/{doc}"
	routeSchedule = "GET /reports/operations/{id}/{doc}"
)

// Handler serves the documents:
//
//	GET  /reports/operations/{id}/{mg6c|mg6d}.{csv|html}  CPIA schedules
//	GET  /reports/targets/{id}.html                        printable target package
//	POST /export/{kind}.{anx|graphml|json}                a link-analysis chart;
//	     kind is paths, network, common-links or key-players and the body is
//	     the JSON of that query's input (as in a saved search)
//	GET  /export/saved/{id}.{anx|graphml|json}             a saved search's chart
func Handler(store *cypher.Store) http.Handler {
	mux := http.NewServeMux()
	charts := &linkanalysis.Service{Store: store}
	exportKinds := map[string]model.SavedSearchKind{
		"paths": model.SavedSearchKindPaths, "network": model.SavedSearchKindNetwork,
		"common-links": model.SavedSearchKindCommonLinks, "key-players": model.SavedSearchKindKeyPlayers,
	}
	mux.HandleFunc(routePackage, packageReport(store))
	mux.HandleFunc(routeExport, func(w http.ResponseWriter, r *http.Request) {
		name, format, ok := strings.Cut(r.PathValue("doc"), ".")
		kind := exportKinds[name]
		if !ok || kind == "" || export.FileExtension(format) == "" {
			http.NotFound(w, r)
			return
		}
		params, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
		if err != nil {
			http.Error(w, "could not read the request body", http.StatusBadRequest)
			return
		}
		writeChart(w, r, charts, kind, params, name, format)
	})
	mux.HandleFunc(routeSaved, func(w http.ResponseWriter, r *http.Request) {
		id, format, ok := strings.Cut(r.PathValue("doc"), ".")
		if !ok || export.FileExtension(format) == "" {
			http.NotFound(w, r)
			return
		}
		a := keyline.ActorFrom(r.Context())
		recs, err := store.NodesByID(r.Context(), cypher.ScopeOf(a), []string{id})
		rec, found := recs[id]
		if err != nil || !found || rec.Kind != keyline.KindSavedSearch {
			writeError(w, r, keyline.ErrNotFound(id))
			return
		}
		kind, _ := rec.Props["kind"].(string)
		params, _ := rec.Props["parameters"].(string)
		writeChart(w, r, charts, model.SavedSearchKind(kind), []byte(params), id, format)
	})
	mux.HandleFunc(routeSchedule, func(w http.ResponseWriter, r *http.Request) {
		a := keyline.ActorFrom(r.Context())
		if a == nil {
			http.Error(w, "authentication required", http.StatusUnauthorized)
			return
		}
		name, format, ok := strings.Cut(r.PathValue("doc"), ".")
		kind := map[string]model.ScheduleKind{"mg6c": model.ScheduleKindMg6c, "mg6d": model.ScheduleKindMg6d}[name]
		if !ok || kind == "" || (format != "csv" && format != "html") {
			http.NotFound(w, r)
			return
		}
		s, err := disclosure.Schedule(r.Context(), resolvers.DisclosureStore(store), a, r.PathValue("id"), kind)
		if err == nil {
			err = questions.Record(r.Context(), store, questions.Export, "report "+name+"."+format, map[string]any{"operationId": r.PathValue("id"), "schedule": name}, len(s.Entries))
		}
		if err != nil {
			writeError(w, r, err)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		if format == "csv" {
			writeCSV(w, s)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := pages.ExecuteTemplate(w, "schedule.html", map[string]any{"Schedule": s, "Operation": r.PathValue("id")}); err != nil {
			zerolog.Ctx(r.Context()).Error().Err(err).Msg("render schedule")
		}
	})
	return mux
}

// writeChart runs a link-analysis question (the parameters of a search of
// the kind) and writes its chart.
func writeChart(w http.ResponseWriter, r *http.Request, charts *linkanalysis.Service, kind model.SavedSearchKind, params []byte, name, format string) {
	a := keyline.ActorFrom(r.Context())
	if a == nil {
		http.Error(w, "authentication required", http.StatusUnauthorized)
		return
	}
	q, err := fromapi.Chart(kind, params)
	var g keyline.Graph
	if err == nil {
		g, err = charts.Chart(r.Context(), linkanalysis.Caller{Actor: a}, q,
			linkanalysis.Export{Name: "export " + name + "." + format, Params: questionParams(params)})
	}
	if err != nil {
		writeError(w, r, err)
		return
	}
	var buf bytes.Buffer
	ct, err := export.Write(&buf, format, g)
	if err != nil {
		writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+export.FileExtension(format)+`"`)
	_, _ = w.Write(buf.Bytes())
}

// questionParams reads a chart's parameters for the audit trail (they
// were validated strictly before the chart was drawn).
func questionParams(raw []byte) map[string]any {
	p := map[string]any{}
	_ = json.Unmarshal(raw, &p)
	return p
}

func writeCSV(w http.ResponseWriter, s *model.DisclosureSchedule) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+strings.ToLower(string(s.Kind))+`.csv"`)
	cw := csv.NewWriter(w)
	head := []string{"Item", "Reference", "Description", "Obtained"}
	if s.Kind == model.ScheduleKindMg6d {
		head = append(head, "Reason for sensitivity")
	}
	_ = cw.Write(head)
	for _, e := range s.Entries {
		obtained := ""
		if e.Exhibit.ObtainedOn != nil {
			obtained = e.Exhibit.ObtainedOn.String()
		}
		row := []string{strconv.Itoa(e.Number), e.Exhibit.Reference, csvSafe(e.Description), obtained}
		if s.Kind == model.ScheduleKindMg6d {
			reason := ""
			if e.Reason != nil {
				reason = *e.Reason
			}
			row = append(row, csvSafe(reason))
		}
		_ = cw.Write(row)
	}
	cw.Flush()
}

// csvSafe defuses spreadsheet formula injection in free text.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeError(w http.ResponseWriter, r *http.Request, err error) {
	status := map[keyline.Code]int{keyline.CodeNotFound: http.StatusNotFound, keyline.CodeForbidden: http.StatusForbidden,
		keyline.CodeUnavailable: http.StatusServiceUnavailable, keyline.CodeInvalid: http.StatusBadRequest,
		keyline.CodeLimit: http.StatusBadRequest}[keyline.ErrorCode(err)]
	if status == 0 {
		zerolog.Ctx(r.Context()).Error().Err(err).Msg("report failed")
		status = http.StatusInternalServerError
		err = keyline.Errorf(keyline.CodeInternal, "internal error")
	}
	if status == http.StatusServiceUnavailable {
		// As the GraphQL errors' extensions.retryAfter: try again shortly.
		w.Header().Set("Retry-After", "5")
	}
	http.Error(w, err.Error(), status)
}
