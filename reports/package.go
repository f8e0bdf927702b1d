package reports

import (
	"fmt"
	"math"
	"net/http"
	"strings"

	"github.com/rs/zerolog"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/graph/model"
	"github.com/keyline/keyline/questions"
	"github.com/keyline/keyline/resolvers"
	"github.com/keyline/keyline/targetpackage"
)

// packageReport serves GET /reports/targets/{id}.html: the target package
// as a document that prints cleanly, with the subject's network drawn as
// an SVG chart.
func packageReport(store *cypher.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := strings.CutSuffix(r.PathValue("doc"), ".html")
		if !ok {
			http.NotFound(w, r)
			return
		}
		if keyline.ActorFrom(r.Context()) == nil {
			http.Error(w, "authentication required", http.StatusUnauthorized)
			return
		}
		pkg, err := targetpackage.Read(resolvers.WithLoaders(r.Context(), store), resolvers.PackageStore(store), id)
		if err == nil {
			err = questions.Record(r.Context(), store, questions.Export, "report target.html", map[string]any{"id": id}, 1)
		}
		if err != nil {
			writeError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := pages.ExecuteTemplate(w, "package.html", packageView(pkg)); err != nil {
			zerolog.Ctx(r.Context()).Error().Err(err).Msg("render package")
		}
	}
}

// chartNode is an entity placed on the report's network chart.
type chartNode struct {
	X, Y        float64
	Label, Kind string
	Subject     bool
}

// chartEdge is a line between two placed entities.
type chartEdge struct {
	X1, Y1, X2, Y2 float64
	Type           string
	Dashed         bool
}

type view struct {
	P          *model.TargetPackage
	Subject    string
	Nodes      []chartNode
	Edges      []chartEdge
	Width      int
	Height     int
	Classified string
}

func label(e model.Entity) string {
	switch x := e.(type) {
	case *model.Person:
		return x.Label
	case *model.Organisation:
		return x.Label
	case *model.Location:
		return x.Label
	case *model.Vehicle:
		return x.Label
	case *model.CommsDevice:
		return x.Label
	case *model.Event:
		return x.Label
	}
	return ""
}

func kindOf(e model.Entity) string {
	return strings.TrimPrefix(fmt.Sprintf("%T", e), "*model.")
}

// packageView lays the subject at the centre and what is linked to it on a
// circle: a radial chart that stays legible on paper.
func packageView(p *model.TargetPackage) view {
	v := view{P: p, Subject: label(p.Subject), Width: 760, Height: 560}
	var ring []*model.LinkedEntity
	ring = append(ring, p.Associations...)
	ring = append(ring, p.Lifestyle.Locations...)
	ring = append(ring, p.Lifestyle.Communications...)
	ring = append(ring, p.Lifestyle.Vehicles...)
	if len(ring) > 40 {
		ring = ring[:40]
	}
	cx, cy, rad := float64(v.Width)/2, float64(v.Height)/2, 220.0
	v.Nodes = append(v.Nodes, chartNode{X: cx, Y: cy, Label: v.Subject, Kind: kindOf(p.Subject), Subject: true})
	for i, le := range ring {
		a := 2 * math.Pi * float64(i) / float64(max(len(ring), 1))
		x, y := cx+rad*math.Cos(a), cy+rad*math.Sin(a)
		v.Nodes = append(v.Nodes, chartNode{X: x, Y: y, Label: label(le.Entity), Kind: kindOf(le.Entity)})
		v.Edges = append(v.Edges, chartEdge{X1: cx, Y1: cy, X2: x, Y2: y, Type: string(le.Link.Type), Dashed: le.Link.Confidence < 0.5})
	}
	v.Classified = "OFFICIAL-SENSITIVE"
	for _, it := range p.Intelligence.Items {
		if it.Classification == model.ClassificationSecret || it.Classification == model.ClassificationTopSecret {
			v.Classified = strings.ReplaceAll(string(it.Classification), "_", " ")
		}
	}
	return v
}
