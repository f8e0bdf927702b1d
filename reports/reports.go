// Package reports renders Keyline's printable and exportable documents
// over HTTP: the CPIA disclosure schedules as CSV and as HTML that prints
// cleanly. It reads the caller from the request context (set by the
// authentication middleware) and applies the same rules as the GraphQL API.
package reports

import (
	"embed"
	"encoding/csv"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/resolvers"
)

//go:embed templates/*.html
var templates embed.FS

var pages = template.Must(template.ParseFS(templates, "templates/*.html"))

// Handler serves /reports/operations/{id}/{mg6c|mg6d}.{csv|html}.
func Handler(store *cypher.Store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /reports/operations/{id}/{doc}", func(w http.ResponseWriter, r *http.Request) {
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
		s, err := resolvers.Schedule(r.Context(), store, a, r.PathValue("id"), kind)
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
		keyline.CodeUnavailable: http.StatusServiceUnavailable}[keyline.ErrorCode(err)]
	if status == 0 {
		zerolog.Ctx(r.Context()).Error().Err(err).Msg("report failed")
		status = http.StatusInternalServerError
		err = keyline.Errorf(keyline.CodeInternal, "internal error")
	}
	http.Error(w, err.Error(), status)
}
