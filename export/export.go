// Package export renders a keyline.Graph (a link-analysis result) as a chart
// file analysts can open elsewhere: i2 Analyst's Notebook exchange format
// (ANX), GraphML (yEd, Gephi) and Cytoscape.js JSON (web chart libraries).
//
// Every format carries each link's provenance: its sources, their 3x5x2
// grades and, for handling code C, the conditions that must travel with the
// material. Output is deterministic (nodes, edges and sources are sorted) so
// it can be compared byte for byte. Each writer renders into memory first and
// writes once, so an error never leaves a half-written chart behind.
package export

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/keyline/keyline"
)

// Formats are the export formats Write accepts.
var Formats = []string{"anx", "graphml", "json"}

var contentTypes = map[string]string{
	"anx":     "application/xml; charset=utf-8",
	"graphml": "application/graphml+xml; charset=utf-8",
	"json":    "application/json; charset=utf-8",
}

var extensions = map[string]string{
	"anx":     ".anx",
	"graphml": ".graphml",
	"json":    ".json",
}

func normFormat(format string) string { return strings.ToLower(strings.TrimSpace(format)) }

// Write renders g in format ("anx", "graphml" or "json", case-insensitive)
// to w and returns the content type to serve it with. ANX uses the default
// ANXOptions. An unknown format is a BAD_USER_INPUT error and writes nothing.
func Write(w io.Writer, format string, g keyline.Graph) (contentType string, err error) {
	f := normFormat(format)
	ct, ok := contentTypes[f]
	if !ok {
		return "", keyline.FieldErrorf("format", "unknown export format %q: use one of %s", format, strings.Join(Formats, ", "))
	}
	switch f {
	case "anx":
		err = ANX(w, g, ANXOptions{})
	case "graphml":
		err = GraphML(w, g)
	case "json":
		err = JSON(w, g)
	}
	if err != nil {
		return "", err
	}
	return ct, nil
}

// FileExtension returns the file extension (with its dot) for format, or ""
// for an unknown format.
func FileExtension(format string) string { return extensions[normFormat(format)] }

// writeAll writes a rendered document in one call.
func writeAll(w io.Writer, buf *bytes.Buffer) error {
	_, err := w.Write(buf.Bytes())
	return err
}

// prepare validates g and returns sorted copies of its nodes and edges, each
// edge's sources sorted strongest first. g itself is not modified.
func prepare(g keyline.Graph) ([]keyline.GraphNode, []keyline.GraphEdge, error) {
	nodes := slices.Clone(g.Nodes)
	edges := slices.Clone(g.Edges)
	slices.SortStableFunc(nodes, func(a, b keyline.GraphNode) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(edges, func(a, b keyline.GraphEdge) int { return cmp.Compare(a.ID, b.ID) })

	ids := make(map[string]bool, len(nodes))
	for i, n := range nodes {
		if n.ID == "" {
			return nil, nil, fmt.Errorf("export: node %d has no id", i)
		}
		if ids[n.ID] {
			return nil, nil, fmt.Errorf("export: duplicate node id %q", n.ID)
		}
		ids[n.ID] = true
	}
	for i := range edges {
		e := &edges[i]
		if e.ID == "" {
			return nil, nil, fmt.Errorf("export: link %s-%s has no id", e.From, e.To)
		}
		if i > 0 && edges[i-1].ID == e.ID {
			return nil, nil, fmt.Errorf("export: duplicate link id %q", e.ID)
		}
		if !ids[e.From] || !ids[e.To] {
			return nil, nil, fmt.Errorf("export: link %q joins %q and %q, which are not both in the graph", e.ID, e.From, e.To)
		}
		if math.IsNaN(e.Confidence) || math.IsInf(e.Confidence, 0) {
			return nil, nil, fmt.Errorf("export: link %q has a non-finite confidence", e.ID)
		}
		e.Sources = slices.Clone(e.Sources)
		slices.SortStableFunc(e.Sources, compareSources)
	}
	return nodes, edges, nil
}

// graded reports whether a source carries a valid 3x5x2 grade (exhibits
// carry none).
func graded(s keyline.SourceRef) bool { return s.Grading.Validate("grading") == nil }

// restricted reports whether a source's material may only be shared subject
// to conditions. It looks at the handling code alone, so conditions travel
// even with an otherwise incomplete grade.
func restricted(s keyline.SourceRef) bool {
	return s.Grading.Handling == "C" || s.Grading.Conditions != ""
}

// compareSources orders sources strongest first: graded before ungraded,
// then by Grading.Quality, source evaluation, intelligence assessment and
// handling (P before C), then by reference and id so the order is total.
func compareSources(a, b keyline.SourceRef) int {
	ga, gb := graded(a), graded(b)
	if ga != gb {
		if ga {
			return -1
		}
		return 1
	}
	if ga {
		if c := cmp.Compare(b.Grading.Quality(), a.Grading.Quality()); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Grading.Source, b.Grading.Source); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Grading.Assessment, b.Grading.Assessment); c != 0 {
			return c
		}
		if c := cmp.Compare(handlingRank(a.Grading.Handling), handlingRank(b.Grading.Handling)); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(a.Reference, b.Reference); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

func handlingRank(h string) int {
	if h == "P" {
		return 0
	}
	return 1
}

// provenance summarises a link's sources for a chart item.
type provenance struct {
	// Best is the grade of the strongest graded source; ok is false when no
	// source is graded (for example a link asserted only by exhibits).
	Best keyline.Grading
	OK   bool
	// Restricted is true when any source is handling code C: the item then
	// carries handling C, because its sources and their material travel
	// with it.
	Restricted bool
	// Conditions are "reference: conditions" for every C-coded source.
	Conditions []string
}

func summarise(sources []keyline.SourceRef) provenance {
	var p provenance
	for _, s := range sources { // strongest first
		if !p.OK && graded(s) {
			p.Best, p.OK = s.Grading, true
		}
		if restricted(s) {
			p.Restricted = true
			p.Conditions = append(p.Conditions, sourceName(s)+": "+conditionsOf(s))
		}
	}
	return p
}

// Handling is the item's handling code: most restrictive of its sources.
func (p provenance) Handling() string {
	switch {
	case p.Restricted:
		return "C"
	case p.OK:
		return p.Best.Handling
	}
	return ""
}

// Grade renders the item's grade, e.g. "1A P", or "" when nothing is graded.
func (p provenance) Grade() string {
	if !p.OK {
		return ""
	}
	return p.Best.Source + p.Best.Assessment + " " + p.Handling()
}

// conditionsOf is the handling conditions of a C-coded source; a C code
// without recorded conditions still warns rather than reading as none.
func conditionsOf(s keyline.SourceRef) string {
	if s.Grading.Conditions == "" {
		return "(conditions not recorded: refer to the originator before sharing)"
	}
	return s.Grading.Conditions
}

// sourceName is the reference a source is cited by: its URN or exhibit
// reference, else its id.
func sourceName(s keyline.SourceRef) string {
	if s.Reference != "" {
		return s.Reference
	}
	return s.ID
}

// sourceKindText names a source's kind for people.
func sourceKindText(k keyline.Kind) string {
	switch k {
	case keyline.KindIntelligenceItem:
		return "Intelligence item"
	case keyline.KindExhibit:
		return "Exhibit"
	case "":
		return "Source"
	}
	return string(k)
}

// sourceGrade is a single source's grade text, or "" when ungraded.
func sourceGrade(s keyline.SourceRef) string {
	if !graded(s) {
		return ""
	}
	return s.Grading.String()
}

// humanise turns a link type such as REGISTERED_KEEPER into "Registered keeper".
func humanise(t string) string {
	s := strings.ToLower(strings.ReplaceAll(t, "_", " "))
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// directed link types read from From to To; ASSOCIATE_OF (and anything
// unknown) is drawn without an arrow.
var directed = map[string]bool{
	"USES": true, "RESIDES_AT": true, "FREQUENTS": true, "DRIVES": true,
	"REGISTERED_KEEPER": true, "MEMBER_OF": true, "PRESENT_AT": true,
	"INVOLVED_IN": true, "CONTACTED": true, "OPERATES_FROM": true,
}

// LinkTypes are Keyline's link types, in the order charts declare them.
var LinkTypes = []string{
	"ASSOCIATE_OF", "USES", "RESIDES_AT", "FREQUENTS", "DRIVES", "REGISTERED_KEEPER",
	"MEMBER_OF", "PRESENT_AT", "INVOLVED_IN", "CONTACTED", "OPERATES_FROM",
}

func timeText(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// description is the text a link carries in ANX: its type, confidence,
// dates and sources, with any handling conditions first so nobody misses
// them.
func description(e keyline.GraphEdge, p provenance) string {
	var b strings.Builder
	if p.Restricted {
		b.WriteString("HANDLING CODE C: lawful sharing subject to conditions, which travel with this item:\n")
		for _, c := range p.Conditions {
			b.WriteString("  " + c + "\n")
		}
	}
	fmt.Fprintf(&b, "%s (%s)\n", humanise(e.Type), e.Type)
	fmt.Fprintf(&b, "Confidence: %s\n", strconv.FormatFloat(e.Confidence, 'f', -1, 64))
	if e.FirstSeen != nil {
		fmt.Fprintf(&b, "First seen: %s\n", timeText(*e.FirstSeen))
	}
	if e.LastSeen != nil {
		fmt.Fprintf(&b, "Last seen: %s\n", timeText(*e.LastSeen))
	}
	if len(e.Sources) == 0 {
		b.WriteString("Sources: none recorded")
	} else {
		b.WriteString("Sources (strongest first):")
		for i, s := range e.Sources {
			fmt.Fprintf(&b, "\n  %d. %s - %s", i+1, sourceName(s), strings.ToLower(sourceKindText(s.Kind)))
			if g := sourceGrade(s); g != "" {
				b.WriteString(", graded " + g)
			} else if s.Kind == keyline.KindIntelligenceItem {
				b.WriteString(", not graded")
			}
			if restricted(s) {
				b.WriteString(" (conditions above)")
			}
		}
	}
	return b.String()
}

// valueKind is the type a property value is exported as.
type valueKind int

const (
	kindText valueKind = iota
	kindNumber
	kindFlag
	kindTime
)

// propValue converts a stored property for export: its kind, its text form,
// and the value to put in JSON. ok is false for nil (absent) values.
func propValue(v any) (k valueKind, text string, js any, ok bool) {
	switch x := v.(type) {
	case nil:
		return 0, "", nil, false
	case string:
		return kindText, x, x, true
	case bool:
		return kindFlag, strconv.FormatBool(x), x, true
	case time.Time:
		return kindTime, timeText(x), timeText(x), true
	case *time.Time:
		if x == nil {
			return 0, "", nil, false
		}
		return kindTime, timeText(*x), timeText(*x), true
	case fmt.Stringer:
		s := x.String()
		return kindText, s, s, true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return kindNumber, strconv.FormatInt(rv.Int(), 10), rv.Int(), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return kindNumber, strconv.FormatUint(rv.Uint(), 10), rv.Uint(), true
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return kindText, s, s, true
		}
		return kindNumber, s, f, true
	case reflect.String:
		return kindText, rv.String(), rv.String(), true
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return 0, "", nil, false
		}
		parts := make([]string, 0, rv.Len())
		items := make([]any, 0, rv.Len())
		for i := 0; i < rv.Len(); i++ {
			if _, t, j, ok := propValue(rv.Index(i).Interface()); ok {
				parts = append(parts, t)
				items = append(items, j)
			}
		}
		return kindText, strings.Join(parts, "; "), items, true
	case reflect.Map:
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		parts := make([]string, 0, len(keys))
		obj := make(map[string]any, len(keys))
		for _, key := range keys {
			if _, t, j, ok := propValue(rv.MapIndex(key).Interface()); ok {
				parts = append(parts, fmt.Sprint(key)+"="+t)
				obj[fmt.Sprint(key)] = j
			}
		}
		return kindText, strings.Join(parts, "; "), obj, true
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return 0, "", nil, false
		}
		return propValue(rv.Elem().Interface())
	}
	s := fmt.Sprint(v)
	return kindText, s, s, true
}

// propColumn is one property name across the graph with the kind all its
// values share (text when they differ).
type propColumn struct {
	Name string
	Kind valueKind
}

// propColumns lists the property names used by nodes, sorted, each with a
// kind that fits every value.
func propColumns(nodes []keyline.GraphNode) []propColumn {
	kinds := map[string]valueKind{}
	for _, n := range nodes {
		for name, v := range n.Props {
			k, _, _, ok := propValue(v)
			if !ok {
				continue
			}
			if prev, seen := kinds[name]; seen && prev != k {
				k = kindText
			}
			kinds[name] = k
		}
	}
	cols := make([]propColumn, 0, len(kinds))
	for name, k := range kinds {
		cols = append(cols, propColumn{name, k})
	}
	slices.SortFunc(cols, func(a, b propColumn) int { return cmp.Compare(a.Name, b.Name) })
	return cols
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
