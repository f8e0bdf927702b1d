package importer

import (
	"fmt"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
)

// kindSpec is one file kind: its columns, the permission it needs and how
// a row becomes records and links (docs/IMPORT.md is the reference).
type kindSpec struct {
	name     string
	perm     keyline.Permission
	cols     []string // canonical names
	required []string // columns a CSV header must have
	byCanon  map[string]string
	// build validates a row and maps it; key is the row's natural key,
	// used to refuse the same key twice in one file.
	build func(r *row, c *mapCtx) (out Row, key string)
	// ordered kinds are written one batch at a time, in file order.
	ordered bool
}

// mapCtx is what a mapping needs beyond the row.
type mapCtx struct {
	sourceURN string // the file's default link source
	now       time.Time
}

func (k *kindSpec) columnNames() []string { return k.cols }

// Kinds are the file kinds, in the order files are best loaded: later
// kinds refer to records earlier ones create.
var Kinds = []string{"nominals", "addresses", "vehicles", "phones", "intelligence", "contacts", "actions"}

var kinds = map[string]*kindSpec{}

func init() {
	add := func(k *kindSpec) {
		k.byCanon = map[string]string{}
		for _, c := range k.cols {
			k.byCanon[canon(c)] = c
		}
		kinds[k.name] = k
	}
	add(&kindSpec{name: "nominals", perm: keyline.PermRecordEntities,
		cols:     []string{"sourceRef", "givenNames", "familyName", "aliases", "dateOfBirth", "pncId", "warningMarkers", "description"},
		required: []string{"sourceRef", "givenNames", "familyName"}, build: buildNominal})
	add(&kindSpec{name: "addresses", perm: keyline.PermRecordEntities,
		cols:     []string{"sourceRef", "address", "postcode", "latitude", "longitude", "kind", "personRef", "sourceUrn", "confidence", "firstSeen", "lastSeen"},
		required: []string{"sourceRef", "address"}, build: buildAddress})
	add(&kindSpec{name: "vehicles", perm: keyline.PermRecordEntities,
		cols:     []string{"vrm", "make", "model", "colour", "keeperRef", "sourceUrn", "confidence", "firstSeen", "lastSeen"},
		required: []string{"vrm"}, build: buildVehicle})
	add(&kindSpec{name: "phones", perm: keyline.PermRecordEntities,
		cols:     []string{"number", "imei", "kind", "lineName", "userRef", "sourceUrn", "confidence", "firstSeen", "lastSeen"},
		required: nil, build: buildPhone})
	add(&kindSpec{name: "intelligence", perm: keyline.PermRecordIntelligence,
		cols: []string{"urn", "receivedAt", "reportedAt", "sourceType", "gradeSource", "gradeAssessment", "gradeHandling", "gradeConditions",
			"legacySource", "legacyInformation", "legacyHandling", "classification", "sanitisedText", "sourceText", "reviewDate", "mentions"},
		required: []string{"urn", "receivedAt", "sourceType", "classification", "sanitisedText"}, build: buildIntelligence})
	add(&kindSpec{name: "contacts", perm: keyline.PermRecordEntities,
		cols:     []string{"fromNumber", "toNumber", "count", "firstSeen", "lastSeen", "sourceUrn", "confidence"},
		required: []string{"fromNumber", "toNumber"}, build: buildContact})
	add(&kindSpec{name: "actions", perm: keyline.PermRaiseAction,
		cols:     []string{"sourceRef", "title", "instructions", "priority", "status", "dueDate", "requiredSkills", "raisedFromUrn"},
		required: []string{"sourceRef", "title", "priority"}, build: buildAction, ordered: true})
}

func enumValues[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

var (
	warningMarkers  = enumValues(model.AllWarningMarker)
	locationKinds   = enumValues(model.AllLocationKind)
	sourceTypes     = enumValues(model.AllSourceType)
	classifications = enumValues(model.AllClassification)
	priorities      = enumValues(model.AllActionPriority)
	phoneKinds      = []string{string(model.CommsKindMobile), string(model.CommsKindLandline), string(model.CommsKindHandset)}
)

var (
	person = []keyline.Kind{keyline.KindPerson}
	// Mentions may name any record an import keys.
	mentionable = []keyline.Kind{keyline.KindPerson, keyline.KindLocation, keyline.KindVehicle, keyline.KindCommsDevice}
)

// link builds the optional link a row's reference column asks for, with
// its provenance: the row's sourceUrn or the file's default. It returns
// nil when the column is empty.
func link(r *row, c *mapCtx, typ, refCol string, from, to Ref) *Link {
	if !r.has(refCol) {
		for _, col := range []string{"sourceUrn", "confidence", "firstSeen", "lastSeen"} {
			if r.has(col) {
				r.fail(keyline.FieldErrorf(col, "applies only to the %s link, which needs %s", typ, refCol))
			}
		}
		return nil
	}
	src := r.text("sourceUrn", 50, false)
	if src == "" {
		src = c.sourceURN
	}
	if src == "" {
		r.fail(keyline.FieldErrorf("sourceUrn", "a link must cite an intelligence item: give sourceUrn (or a default source for the file)"))
	}
	// The link's rules are the domain's (keyline.LinkUpdate), as for the
	// API; its source is cited by URN, resolved when the batch is planned.
	confidence := 1.0
	if f, ok := r.float("confidence", 0, 1); ok {
		confidence = f
	}
	u := keyline.LinkUpdate{Type: typ, Confidence: &confidence}
	if first, ok := r.datetime("firstSeen"); ok {
		u.FirstSeen = &first
	}
	if last, ok := r.datetime("lastSeen"); ok {
		u.LastSeen = &last
	}
	props, err := u.UpdateProps("")
	if err != nil {
		r.fail(err)
		props = map[string]any{} // the row is refused; callers may still add to it
	}
	return &Link{Type: typ, From: from, To: to, Source: src, Props: props}
}

func withLink(out *Row, l *Link) {
	if l != nil {
		out.Links = append(out.Links, *l)
	}
}

// --- nominals -----------------------------------------------------------------

func buildNominal(r *row, c *mapCtx) (Row, string) {
	ref := r.ref("sourceRef", true)
	given, family := r.text("givenNames", maxName, true), r.text("familyName", maxName, true)
	// The person's rules are the domain's (keyline.PersonUpdate), as for
	// the API; a row is an update of the nominal its sourceRef names, so
	// what a row leaves out (or empty) is left as it is.
	u := keyline.PersonUpdate{GivenNames: &given, FamilyName: &family}
	if a, ok := r.list("aliases", maxName); ok {
		u.Aliases = a
	}
	if d, ok := r.date("dateOfBirth"); ok {
		u.DateOfBirth = &d
	}
	if pnc := r.str("pncId"); pnc != "" {
		u.PNCID = &pnc
	}
	if ms, ok := r.list("warningMarkers", 30); ok {
		for i := range ms {
			ms[i] = strings.ToUpper(strings.ReplaceAll(ms[i], " ", "_"))
			if !containsStr(warningMarkers, ms[i]) {
				r.fail(keyline.FieldErrorf("warningMarkers", "%q is not one of %s", ms[i], strings.Join(warningMarkers, ", ")))
			}
		}
		u.WarningMarkers = ms
	}
	if d := r.text("description", maxText, false); d != "" {
		u.Description = &d
	}
	p, err := u.UpdateProps("")
	if err != nil {
		r.fail(err)
		p = map[string]any{} // the row is refused; the rest may still be read
	}
	n := Node{Kind: keyline.KindPerson, Key: ref, Props: p,
		CreateOnly: map[string]any{"aliases": []string{}, "identifiers": []string{}, "warningMarkers": []string{}}}
	return Row{Nodes: []Node{n}}, ref
}

// --- addresses ----------------------------------------------------------------

func buildAddress(r *row, c *mapCtx) (Row, string) {
	ref := r.ref("sourceRef", true)
	p := map[string]any{"address": strings.TrimSpace(r.text("address", maxShort, true))}
	if s := r.str("postcode"); s != "" {
		pc, err := keyline.NormalisePostcode("postcode", s)
		r.fail(err)
		p["postcode"] = pc
	}
	lat, okLat := r.float("latitude", -90, 90)
	lon, okLon := r.float("longitude", -180, 180)
	if okLat != okLon {
		r.fail(keyline.FieldErrorf("longitude", "give both latitude and longitude, or neither"))
	}
	if okLat && okLon {
		p["latitude"], p["longitude"] = lat, lon
	}
	create := map[string]any{"kind": string(model.LocationKindOther)}
	if k, ok := r.enum("kind", locationKinds); ok {
		p["kind"] = k
	}
	out := Row{Nodes: []Node{{Kind: keyline.KindLocation, Key: ref, Props: p, CreateOnly: create}}}
	withLink(&out, link(r, c, "RESIDES_AT", "personRef",
		Ref{Kinds: person, Key: r.ref("personRef", false), Field: "personRef"},
		Ref{Kinds: []keyline.Kind{keyline.KindLocation}, Key: ref, Field: "sourceRef"}))
	return out, ref
}

// --- vehicles -----------------------------------------------------------------

func buildVehicle(r *row, c *mapCtx) (Row, string) {
	vrm, err := keyline.NormaliseVRM("vrm", r.str("vrm"))
	r.fail(err)
	p := map[string]any{"vrm": vrm}
	for col, max := range map[string]int{"make": 50, "model": 50, "colour": 30} {
		if s := r.text(col, max, false); s != "" {
			p[col] = s
		}
	}
	out := Row{Nodes: []Node{{Kind: keyline.KindVehicle, Key: vrm, Props: p}}}
	withLink(&out, link(r, c, "REGISTERED_KEEPER", "keeperRef",
		Ref{Kinds: person, Key: r.ref("keeperRef", false), Field: "keeperRef"},
		Ref{Kinds: []keyline.Kind{keyline.KindVehicle}, Key: vrm, Field: "vrm"}))
	return out, vrm
}

// --- phones -------------------------------------------------------------------

// phoneKey keys a device by its E.164 number, or by IMEI for a handset
// known only by it; call data (contacts) finds devices by number.
func phoneKey(number, imei string) string {
	if number != "" {
		return number
	}
	return "IMEI:" + imei
}

func buildPhone(r *row, c *mapCtx) (Row, string) {
	p := map[string]any{}
	var number, imei string
	if s := r.str("number"); s != "" {
		n, err := normalisePhone("number", s)
		r.fail(err)
		number, p["number"] = n, n
	}
	if s := r.str("imei"); s != "" {
		r.fail(validIMEI("imei", s))
		imei, p["imei"] = s, s
	}
	if number == "" && imei == "" && r.err == nil {
		r.fail(keyline.FieldErrorf("number", "give the number or the IMEI"))
	}
	kind, ok := r.enum("kind", phoneKinds)
	switch {
	case !ok && number != "":
		kind = phoneKind(number)
	case !ok:
		kind = string(model.CommsKindHandset)
	}
	if kind == string(model.CommsKindHandset) && imei == "" {
		r.fail(keyline.FieldErrorf("imei", "a HANDSET needs its imei"))
	}
	if kind != string(model.CommsKindHandset) && number == "" && r.err == nil {
		r.fail(keyline.FieldErrorf("number", "a %s needs its number", kind))
	}
	create := map[string]any{"kind": kind}
	if r.has("kind") {
		p["kind"] = kind
	}
	if s := r.text("lineName", 100, false); s != "" {
		p["lineName"] = s
	}
	key := phoneKey(number, imei)
	out := Row{Nodes: []Node{{Kind: keyline.KindCommsDevice, Key: key, Props: p, CreateOnly: create}}}
	withLink(&out, link(r, c, "USES", "userRef",
		Ref{Kinds: person, Key: r.ref("userRef", false), Field: "userRef"},
		Ref{Kinds: []keyline.Kind{keyline.KindCommsDevice}, Key: key, Field: "number"}))
	return out, key
}

// --- intelligence -------------------------------------------------------------

var gradeCols = []string{"gradeSource", "gradeAssessment", "gradeHandling", "gradeConditions"}
var legacyCols = []string{"legacySource", "legacyInformation", "legacyHandling"}

func anyCol(r *row, cols []string) bool {
	for _, c := range cols {
		if r.has(c) {
			return true
		}
	}
	return false
}

func buildIntelligence(r *row, c *mapCtx) (Row, string) {
	urn := r.text("urn", 50, true)
	p := map[string]any{}
	// The grade is Fixed: an import never regrades an item.
	fixed := map[string]any{}
	gradeFields := func(g keyline.Grading) {
		fixed["gradeSource"], fixed["gradeAssessment"], fixed["gradeHandling"] = g.Source, g.Assessment, g.Handling
		fixed["gradeConditions"] = nil
		if g.Conditions != "" {
			fixed["gradeConditions"] = g.Conditions
		}
	}
	up := func(col string) string { return strings.ToUpper(r.str(col)) }
	switch {
	case anyCol(r, gradeCols) && anyCol(r, legacyCols):
		r.fail(keyline.FieldErrorf("legacySource", "give a 3x5x2 grading or a legacy 5x5x5 grading, not both"))
	case anyCol(r, gradeCols):
		g := keyline.Grading{Source: r.str("gradeSource"), Assessment: up("gradeAssessment"), Handling: up("gradeHandling"),
			Conditions: r.text("gradeConditions", maxShort, false)}
		r.fail(trimField(g.Validate("grade")))
		gradeFields(g)
		fixed["legacySource"], fixed["legacyInformation"], fixed["legacyHandling"] = nil, nil, nil
	case anyCol(r, legacyCols):
		l := keyline.LegacyGrading{Source: up("legacySource"), Information: r.str("legacyInformation"), Handling: r.str("legacyHandling")}
		g, err := l.Map("legacy")
		r.fail(trimField(err))
		gradeFields(g)
		fixed["legacySource"], fixed["legacyInformation"], fixed["legacyHandling"] = l.Source, l.Information, l.Handling
	default:
		r.fail(keyline.FieldErrorf("gradeSource", "every intelligence item must be graded: give the 3x5x2 (gradeSource, gradeAssessment, gradeHandling) or legacy 5x5x5 (legacySource, legacyInformation, legacyHandling) columns"))
	}
	if t, ok := r.datetime("receivedAt"); ok {
		p["receivedAt"] = t
	} else if r.err == nil {
		r.fail(keyline.FieldErrorf("receivedAt", "must not be empty"))
	}
	if t, ok := r.datetime("reportedAt"); ok {
		p["reportedAt"] = t
	}
	if st, ok := r.enum("sourceType", sourceTypes); ok {
		p["sourceType"] = st
	} else if r.err == nil {
		r.fail(keyline.FieldErrorf("sourceType", "must not be empty"))
	}
	if cl, ok := r.enum("classification", classifications); ok {
		p["classification"] = cl
	} else if r.err == nil {
		r.fail(keyline.FieldErrorf("classification", "must not be empty"))
	}
	p["sanitisedText"] = strings.TrimSpace(r.text("sanitisedText", maxText, true))
	if s := r.text("sourceText", maxText, false); s != "" {
		p["sourceText"] = strings.TrimSpace(s)
	}
	if d, ok := r.date("reviewDate"); ok {
		p["reviewDate"] = d
	}
	out := Row{Nodes: []Node{{Kind: keyline.KindIntelligenceItem, Key: urn, Props: p, Fixed: fixed}}}
	mentions, _ := r.list("mentions", maxRef+60)
	for _, m := range mentions {
		ref, ok := parseMention(r, m)
		if ok {
			out.Rels = append(out.Rels, ref)
		}
	}
	return out, urn
}

// trimField drops the Grading/LegacyGrading field prefix's dot path to a
// column name ("grade.source" -> "gradeSource").
func trimField(err error) error {
	ke, ok := err.(*keyline.Error)
	if !ok || ke == nil {
		return err
	}
	prefix, part, found := strings.Cut(ke.Field, ".")
	if found {
		ke.Field = prefix + strings.ToUpper(part[:1]) + part[1:]
	}
	return ke
}

// mentionPrefixes narrow a mention to one kind and normalise its key the
// way that kind's file did.
var mentionPrefixes = map[string]keyline.Kind{
	"PERSON": keyline.KindPerson, "LOCATION": keyline.KindLocation,
	"VEHICLE": keyline.KindVehicle, "PHONE": keyline.KindCommsDevice,
}

// parseMention reads "ref:ROLE", optionally "KIND:ref:ROLE" (KIND one of
// PERSON, LOCATION, VEHICLE, PHONE) when a bare reference would be
// ambiguous or needs normalising (a VRM with a space, a national number).
func parseMention(r *row, m string) (Rel, bool) {
	i := strings.LastIndex(m, ":")
	if i <= 0 || i == len(m)-1 {
		r.fail(keyline.FieldErrorf("mentions", "%q is not ref:ROLE", m))
		return Rel{}, false
	}
	ref, role := strings.TrimSpace(m[:i]), strings.TrimSpace(m[i+1:])
	r.fail(keyline.RequireText("mentions", role, 50))
	kinds := mentionable
	if p, rest, ok := strings.Cut(ref, ":"); ok {
		if k, known := mentionPrefixes[strings.ToUpper(p)]; known {
			kinds, ref = []keyline.Kind{k}, strings.TrimSpace(rest)
			var err error
			switch k {
			case keyline.KindVehicle:
				ref, err = keyline.NormaliseVRM("mentions", ref)
			case keyline.KindCommsDevice:
				if !strings.HasPrefix(strings.ToUpper(ref), "IMEI:") {
					ref, err = normalisePhone("mentions", ref)
				}
			}
			r.fail(err)
		}
	}
	if ref == "" {
		r.fail(keyline.FieldErrorf("mentions", "%q has no reference", m))
		return Rel{}, false
	}
	return Rel{Type: "MENTIONS", To: Ref{Kinds: kinds, Key: ref, Field: "mentions"},
		Props: map[string]any{"role": role}}, true
}

// --- contacts -----------------------------------------------------------------

func buildContact(r *row, c *mapCtx) (Row, string) {
	from, err := normalisePhone("fromNumber", r.str("fromNumber"))
	r.fail(err)
	to, err := normalisePhone("toNumber", r.str("toNumber"))
	r.fail(err)
	if from == to && from != "" {
		r.fail(keyline.FieldErrorf("toNumber", "a number cannot contact itself"))
	}
	device := func(n string) Node {
		return Node{Kind: keyline.KindCommsDevice, Key: n, Ensure: true,
			Props: map[string]any{"number": n, "kind": phoneKind(n)}}
	}
	out := Row{Nodes: []Node{device(from), device(to)}}
	// Call data always names both ends, so the link is not optional here;
	// "fromNumber" stands in for the reference column link() looks for.
	l := link(r, c, "CONTACTED", "fromNumber",
		Ref{Kinds: []keyline.Kind{keyline.KindCommsDevice}, Key: from, Field: "fromNumber"},
		Ref{Kinds: []keyline.Kind{keyline.KindCommsDevice}, Key: to, Field: "toNumber"})
	n, hasCount := r.int("count", 0)
	if hasCount && l != nil {
		l.Props["count"] = n
	}
	key := from + ">" + to
	if at, ok := oneContact(l, n, hasCount); ok {
		// One contact: its time is kept on the pair's link (contactTimes)
		// and counted once, so the file may hold many rows of the pair,
		// one per contact; the same contact twice is the same key.
		l.Props["contactAt"], l.Props["firstSeen"], l.Props["lastSeen"], l.Props["count"] = at, at, at, 1
		key += "@" + at.Format(time.RFC3339Nano)
	}
	withLink(&out, l)
	return out, key
}

// oneContact says whether a call-data row records one contact, and when:
// a row whose count is 1 or not given and that gives one time (firstSeen
// and lastSeen equal, or only one of them). Any other row (a count above
// 1, or 0, or a period, or no time) summarises the pair's contacts: its
// count replaces the link's and its period widens the link's, and no
// contact time is kept.
func oneContact(l *Link, count int, hasCount bool) (time.Time, bool) {
	if l == nil || (hasCount && count != 1) {
		return time.Time{}, false
	}
	first, okF := l.Props["firstSeen"].(time.Time)
	last, okL := l.Props["lastSeen"].(time.Time)
	switch {
	case okF && okL && first.Equal(last), okF && !okL:
		return first, true
	case okL && !okF:
		return last, true
	}
	return time.Time{}, false
}

// --- actions ------------------------------------------------------------------

func buildAction(r *row, c *mapCtx) (Row, string) {
	ref := r.ref("sourceRef", true)
	// The action's content rules are the domain's (keyline.ActionUpdate),
	// as for the API's raiseAction/updateAction; a row updates the action
	// its sourceRef names, so what it leaves out is left as it is.
	title := r.text("title", maxShort, true)
	u := keyline.ActionUpdate{Title: &title}
	if s := r.text("instructions", maxText, false); s != "" {
		u.Instructions = &s
	}
	if pr, ok := r.enum("priority", priorities); ok {
		u.Priority = &pr
	} else if r.err == nil {
		r.fail(keyline.FieldErrorf("priority", "must not be empty"))
	}
	// Later states carry obligations an import cannot evidence: an
	// allocation to an officer, a submitted result, the SIO's authority
	// and reason for a cancellation. So actions arrive RAISED, and a
	// re-import never moves an action's status.
	if st := strings.ToUpper(r.str("status")); st != "" && st != string(model.ActionStatusRaised) {
		r.fail(keyline.FieldErrorf("status", "imported actions are RAISED; allocate, result or refer them in Keyline (got %q)", r.str("status")))
	}
	if d, ok := r.date("dueDate"); ok {
		u.DueDate = &d
	}
	create := map[string]any{"status": string(model.ActionStatusRaised), "chaseCount": 0, "requiredSkills": []string{}}
	if sk, ok := r.list("requiredSkills", 50); ok {
		u.RequiredSkills = sk
	}
	p, err := u.UpdateProps("")
	if err != nil {
		r.fail(err)
		p = map[string]any{} // the row is refused
	}
	out := Row{Nodes: []Node{{Kind: keyline.KindAction, Key: ref, Props: p, CreateOnly: create}}}
	urns, _ := r.list("raisedFromUrn", 50)
	for _, u := range urns {
		out.Rels = append(out.Rels, Rel{Type: "RAISED_FROM",
			To: Ref{Kinds: []keyline.Kind{keyline.KindIntelligenceItem}, Key: u, Field: "raisedFromUrn"}})
	}
	return out, ref
}

// kindOf picks a file's kind: as given, or from its name's prefix
// ("nominals-2026-03.csv").
func kindOf(given, path string) (*kindSpec, error) {
	name := strings.ToLower(given)
	if name == "" {
		base := strings.ToLower(baseName(path))
		for _, k := range Kinds {
			if strings.HasPrefix(base, k) {
				name = k
				break
			}
		}
		if name == "" {
			return nil, fmt.Errorf("cannot tell the kind of %s from its name: name it <kind>...%s or give the kind (%s)", path, extOf(path), strings.Join(Kinds, ", "))
		}
	}
	k, ok := kinds[name]
	if !ok {
		return nil, fmt.Errorf("unknown kind %q (kinds: %s)", given, strings.Join(Kinds, ", "))
	}
	return k, nil
}
