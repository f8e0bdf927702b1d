package export

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/keyline/keyline"
)

// ANXOptions tunes the i2 Analyst's Notebook export.
type ANXOptions struct {
	// SourceCards adds an i2 card for every source of a link (Analyst's
	// Notebook 8 and later), each with that source's own reference, type,
	// grade and handling conditions. Without it the link's description
	// lists the sources and the link carries its strongest source's grade.
	SourceCards bool
}

// The grade collections written to every chart. Index 0 of each is "not
// graded", so an item is never shown graded higher than its sources allow;
// the 3x5x2 codes follow in order.
var (
	gradeOne = []string{
		"- Not graded",
		"1 - Reliable",
		"2 - Untested",
		"3 - Not reliable",
	}
	gradeTwo = []string{
		"- Not graded",
		"A - Known directly to the source",
		"B - Known indirectly but corroborated",
		"C - Known indirectly",
		"D - Not known",
		"E - Suspected to be false or malicious",
	}
	gradeThree = []string{
		"- Not graded",
		"P - Lawful sharing permitted",
		"C - Lawful sharing permitted subject to conditions",
	}
	sourceHints = []string{"Intelligence item", "Exhibit"}
)

// gradeIndex returns the position of code in a grade collection (whose
// entries start with their code), or 0 (not graded).
func gradeIndex(collection []string, code string) int {
	if code == "" {
		return 0
	}
	for i, s := range collection[1:] {
		if strings.HasPrefix(s, code+" ") {
			return i + 1
		}
	}
	return 0
}

// i2 icon file names per Keyline entity kind.
var iconFiles = map[keyline.Kind]string{
	keyline.KindPerson:       "Person",
	keyline.KindOrganisation: "Organisation",
	keyline.KindLocation:     "House",
	keyline.KindVehicle:      "Car",
	keyline.KindCommsDevice:  "Mobile Phone",
	keyline.KindEvent:        "Event",
}

// Link strengths (line styles) by confidence.
const (
	strengthConfirmed   = "Confirmed"
	strengthUnconfirmed = "Unconfirmed"
	strengthTentative   = "Tentative"
)

func strengthOf(confidence float64) string {
	switch {
	case confidence >= 0.75:
		return strengthConfirmed
	case confidence >= 0.4:
		return strengthUnconfirmed
	}
	return strengthTentative
}

// ANX layout: entities on a grid, in id order.
const anxSpacing = 200

type anxChart struct {
	XMLName            xml.Name            `xml:"Chart"`
	IDReferenceLinking bool                `xml:"IdReferenceLinking,attr"`
	GradeOne           anxStrings          `xml:"GradeOne"`
	GradeTwo           anxStrings          `xml:"GradeTwo"`
	GradeThree         anxStrings          `xml:"GradeThree"`
	SourceHints        anxStrings          `xml:"SourceHints"`
	Strengths          []anxStrength       `xml:"StrengthCollection>Strength"`
	AttributeClasses   []anxAttributeClass `xml:"AttributeClassCollection>AttributeClass"`
	EntityTypes        []anxEntityType     `xml:"EntityTypeCollection>EntityType"`
	LinkTypes          []anxLinkType       `xml:"LinkTypeCollection>LinkType"`
	Items              []anxChartItem      `xml:"ChartItemCollection>ChartItem"`
}

type anxStrings struct {
	Strings []anxString `xml:"StringCollection>String"`
}

type anxString struct {
	ID   string `xml:"Id,attr"`
	Text string `xml:"Text,attr"`
}

type anxStrength struct {
	ID       string `xml:"Id,attr"`
	Name     string `xml:"Name,attr"`
	DotStyle string `xml:"DotStyle,attr"`
}

type anxAttributeClass struct {
	ID   string `xml:"Id,attr"`
	Name string `xml:"Name,attr"`
	Type string `xml:"Type,attr"`
}

type anxEntityType struct {
	ID                      string `xml:"Id,attr"`
	Name                    string `xml:"Name,attr"`
	IconFile                string `xml:"IconFile,attr"`
	PreferredRepresentation string `xml:"PreferredRepresentation,attr"`
}

type anxLinkType struct {
	ID   string `xml:"Id,attr"`
	Name string `xml:"Name,attr"`
}

type anxChartItem struct {
	ID              string         `xml:"Id,attr"`
	Label           string         `xml:"Label,attr"`
	Description     string         `xml:"Description,attr,omitempty"`
	DateSet         bool           `xml:"DateSet,attr"`
	TimeSet         bool           `xml:"TimeSet,attr"`
	DateTime        string         `xml:"DateTime,attr,omitempty"`
	XPosition       *int           `xml:"XPosition,attr,omitempty"`
	SourceReference string         `xml:"SourceReference,attr,omitempty"`
	SourceType      string         `xml:"SourceType,attr,omitempty"`
	GradeOneIndex   int            `xml:"GradeOneIndex,attr"`
	GradeTwoIndex   int            `xml:"GradeTwoIndex,attr"`
	GradeThreeIndex int            `xml:"GradeThreeIndex,attr"`
	End             *anxEnd        `xml:"End"`
	Link            *anxLink       `xml:"Link"`
	Attributes      *anxAttributes `xml:"AttributeCollection"`
	Style           *anxCIStyle    `xml:"CIStyle"`
}

type anxAttributes struct {
	Attributes []anxAttribute `xml:"Attribute"`
}

// add appends an attribute, creating the collection on first use so an
// item without attributes has no empty collection.
func (it *anxChartItem) add(a anxAttribute) {
	if it.Attributes == nil {
		it.Attributes = &anxAttributes{}
	}
	it.Attributes.Attributes = append(it.Attributes.Attributes, a)
}

type anxEnd struct {
	X      int       `xml:"X,attr"`
	Y      int       `xml:"Y,attr"`
	Entity anxEntity `xml:"Entity"`
}

type anxEntity struct {
	EntityID        string  `xml:"EntityId,attr"`
	Identity        string  `xml:"Identity,attr"`
	LabelIsIdentity bool    `xml:"LabelIsIdentity,attr"`
	Icon            anxIcon `xml:"Icon"`
}

type anxIcon struct {
	Style anxIconStyle `xml:"IconStyle"`
}

type anxIconStyle struct {
	Type string `xml:"Type,attr"`
}

type anxLink struct {
	End1ID string     `xml:"End1Id,attr"`
	End2ID string     `xml:"End2Id,attr"`
	Cards  *anxCards  `xml:"CardCollection"`
	Style  anxLinkSty `xml:"LinkStyle"`
}

type anxCards struct {
	Cards []anxCard `xml:"Card"`
}

type anxLinkSty struct {
	Type       string `xml:"Type,attr"`
	Strength   string `xml:"Strength,attr"`
	ArrowStyle string `xml:"ArrowStyle,attr"`
}

type anxCard struct {
	Summary         string `xml:"Summary,attr"`
	DateSet         bool   `xml:"DateSet,attr"`
	TimeSet         bool   `xml:"TimeSet,attr"`
	SourceReference string `xml:"SourceReference,attr,omitempty"`
	SourceType      string `xml:"SourceType,attr,omitempty"`
	GradeOneIndex   int    `xml:"GradeOneIndex,attr"`
	GradeTwoIndex   int    `xml:"GradeTwoIndex,attr"`
	GradeThreeIndex int    `xml:"GradeThreeIndex,attr"`
	Text            string `xml:"Text,attr,omitempty"`
}

type anxAttribute struct {
	Class string `xml:"AttributeClass,attr"`
	Value string `xml:"Value,attr"`
}

type anxCIStyle struct {
	SubItems []anxSubItem `xml:"SubItemCollection>SubItem"`
}

type anxSubItem struct {
	Type    string `xml:"Type,attr"`
	Visible bool   `xml:"Visible,attr"`
}

// Link sub-items shown on the chart: label, date and grades.
var linkSubItems = []anxSubItem{
	{"SubItemDescription", false},
	{"SubItemGrades", true},
	{"SubItemLabel", true},
	{"SubItemPin", false},
	{"SubItemSourceReference", false},
	{"SubItemSourceType", false},
	{"SubItemDateTime", true},
}

// Attribute classes every chart declares for links.
const (
	attrKeylineID  = "Keyline ID"
	attrConfidence = "Confidence"
	attrLastSeen   = "Last seen"
)

var anxAttrTypes = map[valueKind]string{
	kindText:   "AttText",
	kindNumber: "AttNumber",
	kindFlag:   "AttFlag",
	kindTime:   "AttTime",
}

// anxTime formats a date-time as ANX expects (UTC, no zone suffix).
func anxTime(t time.Time) (dt string, timeSet bool) {
	u := t.UTC()
	timeSet = u.Hour() != 0 || u.Minute() != 0 || u.Second() != 0 || u.Nanosecond() != 0
	return u.Format("2006-01-02T15:04:05.000"), timeSet
}

// ids hands out unique, valid XML ids (NCNames) across one document.
type ids map[string]bool

func (u ids) make(prefix, raw string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range raw {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	id := b.String()
	for n := 2; u[id]; n++ {
		id = b.String() + "_" + strconv.Itoa(n)
	}
	u[id] = true
	return id
}

func anxStringsOf(u ids, prefix string, texts []string) anxStrings {
	var s anxStrings
	for i, t := range texts {
		s.Strings = append(s.Strings, anxString{ID: u.make(prefix, strconv.Itoa(i)), Text: t})
	}
	return s
}

// ANX writes g as an i2 Analyst's Notebook exchange (ANX) chart: one entity
// chart item per node (icon by kind, node props as attributes) and one link
// chart item per edge, each link carrying its strongest source's 3x5x2 grade
// (GradeOneIndex, GradeTwoIndex, GradeThreeIndex into the chart's GradeOne,
// GradeTwo and GradeThree collections), its source references and types,
// first-seen date, and a description listing confidence, dates, sources and
// any handling-code-C conditions. A link with any C-coded source is graded
// handling C, whatever its strongest source, because the conditions travel
// with it.
func ANX(w io.Writer, g keyline.Graph, opts ANXOptions) error {
	nodes, edges, err := prepare(g)
	if err != nil {
		return err
	}
	u := ids{}
	chart := anxChart{
		GradeOne:    anxStringsOf(u, "grade1_", gradeOne),
		GradeTwo:    anxStringsOf(u, "grade2_", gradeTwo),
		GradeThree:  anxStringsOf(u, "grade3_", gradeThree),
		SourceHints: anxStringsOf(u, "source_", sourceHints),
	}
	for _, s := range []struct{ name, dots string }{
		{strengthConfirmed, "DotStyleSolid"},
		{strengthUnconfirmed, "DotStyleDashed"},
		{strengthTentative, "DotStyleDotted"},
	} {
		chart.Strengths = append(chart.Strengths, anxStrength{ID: u.make("strength_", s.name), Name: s.name, DotStyle: s.dots})
	}

	// Attribute classes: the link ones, then node properties, one class per
	// name with a type every value fits.
	classes := map[string]valueKind{attrKeylineID: kindText, attrConfidence: kindNumber, attrLastSeen: kindTime}
	for _, c := range propColumns(nodes) {
		if prev, ok := classes[c.Name]; ok && prev != c.Kind {
			c.Kind = kindText
		}
		classes[c.Name] = c.Kind
	}
	for i, name := range sortedKeys(classes) {
		chart.AttributeClasses = append(chart.AttributeClasses, anxAttributeClass{
			ID: u.make("attr_", strconv.Itoa(i)), Name: name, Type: anxAttrTypes[classes[name]],
		})
	}
	attr := func(name string, k valueKind, text string) anxAttribute {
		if k == kindTime && classes[name] == kindTime {
			if t, err := time.Parse(time.RFC3339, text); err == nil {
				text, _ = anxTime(t)
			}
		}
		return anxAttribute{Class: name, Value: text}
	}

	// Entity types: Keyline's entity kinds, then any other kind present.
	kinds := append([]keyline.Kind(nil), keyline.EntityKinds...)
	seenKind := map[keyline.Kind]bool{}
	for _, k := range kinds {
		seenKind[k] = true
	}
	extra := map[string]bool{}
	for _, n := range nodes {
		if !seenKind[n.Kind] {
			extra[string(n.Kind)] = true
		}
	}
	for _, k := range sortedKeys(extra) {
		kinds = append(kinds, keyline.Kind(k))
	}
	for _, k := range kinds {
		icon, ok := iconFiles[k]
		if !ok {
			icon = "Anon"
		}
		chart.EntityTypes = append(chart.EntityTypes, anxEntityType{
			ID: u.make("etype_", string(k)), Name: entityTypeName(k), IconFile: icon, PreferredRepresentation: "RepresentAsIcon",
		})
	}

	// Link types: Keyline's, then any other type present.
	linkTypes := append([]string(nil), LinkTypes...)
	known := map[string]bool{}
	for _, t := range linkTypes {
		known[t] = true
	}
	extraLinks := map[string]bool{}
	for _, e := range edges {
		if !known[e.Type] {
			extraLinks[e.Type] = true
		}
	}
	linkTypes = append(linkTypes, sortedKeys(extraLinks)...)
	for _, t := range linkTypes {
		chart.LinkTypes = append(chart.LinkTypes, anxLinkType{ID: u.make("ltype_", t), Name: linkTypeName(t)})
	}

	// Entities on a grid.
	cols := int(math.Ceil(math.Sqrt(float64(len(nodes)))))
	entityIDs := make(map[string]string, len(nodes))
	for i, n := range nodes {
		id := u.make("n_", n.ID)
		entityIDs[n.ID] = id
		x, y := (i%cols)*anxSpacing, (i/cols)*anxSpacing
		item := anxChartItem{
			ID:        id,
			Label:     cmp.Or(n.Label, n.ID),
			XPosition: &x,
			End: &anxEnd{X: x, Y: y, Entity: anxEntity{
				EntityID:        id,
				Identity:        n.ID,
				LabelIsIdentity: n.Label == n.ID,
				Icon:            anxIcon{Style: anxIconStyle{Type: entityTypeName(n.Kind)}},
			}},
		}
		for _, name := range sortedKeys(n.Props) {
			if k, text, _, ok := propValue(n.Props[name]); ok {
				item.add(attr(name, k, text))
			}
		}
		chart.Items = append(chart.Items, item)
	}

	for _, e := range edges {
		p := summarise(e.Sources)
		item := anxChartItem{
			ID:              u.make("l_", e.ID),
			Label:           humanise(e.Type),
			Description:     description(e, p),
			GradeOneIndex:   gradeIndex(gradeOne, p.Best.Source),
			GradeTwoIndex:   gradeIndex(gradeTwo, p.Best.Assessment),
			GradeThreeIndex: gradeIndex(gradeThree, p.Handling()),
			Link: &anxLink{
				End1ID: entityIDs[e.From],
				End2ID: entityIDs[e.To],
				Style: anxLinkSty{
					Type:       linkTypeName(e.Type),
					Strength:   strengthOf(e.Confidence),
					ArrowStyle: "ArrowNone",
				},
			},
			Style: &anxCIStyle{SubItems: linkSubItems},
		}
		if !p.OK {
			item.GradeOneIndex, item.GradeTwoIndex = 0, 0
		}
		if directed[e.Type] {
			item.Link.Style.ArrowStyle = "ArrowOnHead"
		}
		if e.FirstSeen != nil {
			item.DateSet = true
			item.DateTime, item.TimeSet = anxTime(*e.FirstSeen)
		}
		var refs, types []string
		seenType := map[string]bool{}
		for _, s := range e.Sources {
			refs = append(refs, sourceName(s))
			if t := sourceKindText(s.Kind); !seenType[t] {
				seenType[t] = true
				types = append(types, t)
			}
			if opts.SourceCards {
				if item.Link.Cards == nil {
					item.Link.Cards = &anxCards{}
				}
				item.Link.Cards.Cards = append(item.Link.Cards.Cards, sourceCard(s))
			}
		}
		item.SourceReference = strings.Join(refs, "; ")
		item.SourceType = strings.Join(types, "; ")

		item.add(attr(attrConfidence, kindNumber, strconv.FormatFloat(e.Confidence, 'f', -1, 64)))
		item.add(attr(attrKeylineID, kindText, e.ID))
		if e.LastSeen != nil {
			item.add(attr(attrLastSeen, kindTime, timeText(*e.LastSeen)))
		}
		chart.Items = append(chart.Items, item)
	}

	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(chart); err != nil {
		return fmt.Errorf("export: encoding ANX: %w", err)
	}
	buf.WriteByte('\n')
	return writeAll(w, &buf)
}

// sourceCard is an i2 card for one source of a link.
func sourceCard(s keyline.SourceRef) anxCard {
	c := anxCard{
		Summary:         sourceName(s),
		SourceReference: sourceName(s),
		SourceType:      sourceKindText(s.Kind),
	}
	if graded(s) {
		c.GradeOneIndex = gradeIndex(gradeOne, s.Grading.Source)
		c.GradeTwoIndex = gradeIndex(gradeTwo, s.Grading.Assessment)
		c.GradeThreeIndex = gradeIndex(gradeThree, s.Grading.Handling)
		c.Text = "Graded " + s.Grading.String()
	}
	if restricted(s) {
		c.GradeThreeIndex = gradeIndex(gradeThree, "C")
		c.Text = strings.TrimSpace(c.Text + "\nHANDLING CODE C conditions: " + conditionsOf(s))
	}
	return c
}

// entityTypeName is the i2 entity type a Keyline kind is charted as.
func entityTypeName(k keyline.Kind) string {
	if k == keyline.KindCommsDevice {
		return "Comms Device"
	}
	if k == "" {
		return "Entity"
	}
	return string(k)
}

// linkTypeName is the i2 link type a Keyline link type is charted as.
func linkTypeName(t string) string {
	if t == "" {
		return "Link"
	}
	return humanise(t)
}
