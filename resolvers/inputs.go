package resolvers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/graph/model"
)

// Input rules. Each create* function validates a create input and returns
// the properties to store; each *Set function validates an update and
// returns only the fields given (nil removes a property). Errors name the
// input field at fault.

const (
	maxName  = 200
	maxShort = 500
	maxText  = 20_000
	maxList  = 50
)

// fields accumulates validated properties and the first error.
type fields struct {
	props map[string]any
	err   error
}

func newFields() *fields { return &fields{props: map[string]any{}} }

func (f *fields) fail(err error) {
	if f.err == nil && err != nil {
		f.err = err
	}
}

// text stores a required string.
func (f *fields) text(field, key, v string, max int) {
	f.fail(keyline.RequireText(field, v, max))
	f.props[key] = strings.TrimSpace(v)
}

// optText stores an optional string; an empty string clears it.
func (f *fields) optText(field, key string, v *string, max int) {
	if v == nil {
		return
	}
	f.fail(keyline.LimitText(field, *v, max))
	if s := strings.TrimSpace(*v); s != "" {
		f.props[key] = s
	} else {
		f.props[key] = nil
	}
}

func (f *fields) list(field, key string, vs []string, max int) {
	if vs == nil {
		return
	}
	if len(vs) > maxList {
		f.fail(keyline.FieldErrorf(field, "at most %d entries", maxList))
	}
	out := make([]string, 0, len(vs))
	for i, v := range vs {
		f.fail(keyline.RequireText(fmt.Sprintf("%s[%d]", field, i), v, max))
		if s := strings.TrimSpace(v); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	f.props[key] = out
}

func (f *fields) date(key string, d *keyline.Date) {
	if d != nil {
		f.props[key] = *d
	}
}

func (f *fields) set(key string, v any) { f.props[key] = v }

// done returns the properties; requireChange refuses an update that
// changes nothing.
func (f *fields) done(requireChange bool) (map[string]any, error) {
	if f.err != nil {
		return nil, f.err
	}
	if requireChange && len(f.props) == 0 {
		return nil, keyline.FieldErrorf("input", "nothing to change")
	}
	return f.props, nil
}

func enumStrings[T ~string](vs []T) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if !slices.Contains(out, string(v)) {
			out = append(out, string(v))
		}
	}
	return out
}

// requireKind checks an id names a record of one of the kinds.
func requireKind(field, id string, kinds ...keyline.Kind) error {
	k, ok := keyline.KindOfID(id)
	if !ok || !slices.Contains(kinds, k) {
		names := make([]string, len(kinds))
		for i, k := range kinds {
			names[i] = string(k)
		}
		return &keyline.Error{Code: keyline.CodeNotFound, Field: field,
			Message: fmt.Sprintf("%q is not the id of a %s", id, strings.Join(names, " or "))}
	}
	return nil
}

// --- operations, officers, policy file ----------------------------------

var operationReference = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{2,40}$`)

func createOperationProps(in model.CreateOperationInput) (map[string]any, error) {
	f := newFields()
	ref := strings.ToUpper(strings.TrimSpace(in.Reference))
	if !operationReference.MatchString(ref) {
		f.fail(keyline.FieldErrorf("input.reference", "reference must be 3 to 41 letters, digits or hyphens, e.g. OP-KESTREL-2026"))
	}
	f.set("reference", ref)
	f.text("input.name", "name", in.Name, maxName)
	if in.SioID != nil {
		f.fail(requireKind("input.sioId", *in.SioID, keyline.KindOfficer))
	}
	f.set("status", string(model.OperationStatusOpen))
	f.set("classification", string(in.Classification))
	opened := keyline.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)}
	if in.Opened != nil {
		opened = *in.Opened
	}
	f.set("opened", opened)
	f.optText("input.summary", "summary", in.Summary, maxText)
	return f.done(false)
}

func updateOperationSet(in model.UpdateOperationInput) (map[string]any, error) {
	f := newFields()
	if in.Name != nil {
		f.text("input.name", "name", *in.Name, maxName)
	}
	if in.Status != nil {
		f.set("status", string(*in.Status))
	}
	if in.Classification != nil {
		f.set("classification", string(*in.Classification))
	}
	f.date("closed", in.Closed)
	f.optText("input.summary", "summary", in.Summary, maxText)
	if in.SioID != nil {
		f.fail(requireKind("input.sioId", *in.SioID, keyline.KindOfficer))
	}
	// The SIO is a relationship, so a change of SIO alone is a change.
	return f.done(in.SioID == nil)
}

func createOfficerProps(in model.CreateOfficerInput) (map[string]any, error) {
	f := newFields()
	f.text("input.collarNumber", "collarNumber", in.CollarNumber, 20)
	f.text("input.name", "name", in.Name, maxName)
	f.text("input.rank", "rank", in.Rank, 50)
	f.set("role", string(in.Role))
	f.list("input.skills", "skills", in.Skills, 50)
	if in.Skills == nil {
		f.set("skills", []string{})
	}
	f.optText("input.team", "team", in.Team, 100)
	f.optText("input.subject", "subject", in.Subject, 200)
	return f.done(false)
}

func updateOfficerSet(in model.UpdateOfficerInput) (map[string]any, error) {
	f := newFields()
	if in.Name != nil {
		f.text("input.name", "name", *in.Name, maxName)
	}
	if in.Rank != nil {
		f.text("input.rank", "rank", *in.Rank, 50)
	}
	if in.Role != nil {
		f.set("role", string(*in.Role))
	}
	f.list("input.skills", "skills", in.Skills, 50)
	f.optText("input.team", "team", in.Team, 100)
	return f.done(true)
}

func createLineOfEnquiryProps(in model.CreateLineOfEnquiryInput) (map[string]any, error) {
	f := newFields()
	f.text("input.title", "title", in.Title, maxShort)
	f.optText("input.description", "description", in.Description, maxText)
	f.set("status", string(model.LineOfEnquiryStatusOpen))
	return f.done(false)
}

func updateLineOfEnquirySet(in model.UpdateLineOfEnquiryInput) (map[string]any, error) {
	f := newFields()
	if in.Title != nil {
		f.text("input.title", "title", *in.Title, maxShort)
	}
	f.optText("input.description", "description", in.Description, maxText)
	if in.Status != nil {
		f.set("status", string(*in.Status))
	}
	return f.done(true)
}

func recordDecisionProps(in model.RecordDecisionInput) (map[string]any, error) {
	f := newFields()
	f.text("input.decision", "decision", in.Decision, maxText)
	f.text("input.rationale", "rationale", in.Rationale, maxText)
	madeAt := time.Now().UTC()
	if in.MadeAt != nil {
		if in.MadeAt.After(time.Now().Add(5 * time.Minute)) {
			f.fail(keyline.FieldErrorf("input.madeAt", "a decision cannot be recorded as made in the future"))
		}
		madeAt = in.MadeAt.UTC()
	}
	f.set("madeAt", madeAt)
	if in.LineOfEnquiryID != nil {
		f.fail(requireKind("input.lineOfEnquiryId", *in.LineOfEnquiryID, keyline.KindLineOfEnquiry))
	}
	if in.SupersedesID != nil {
		f.fail(requireKind("input.supersedesId", *in.SupersedesID, keyline.KindDecision))
	}
	return f.done(false)
}

// --- entities -------------------------------------------------------------

var identifierPattern = regexp.MustCompile(`^[A-Z][A-Z_]{1,20}:.{1,100}$`)

func personFields(f *fields, given, family *string, aliases []string, dob *keyline.Date, pnc *string, ids []string, markers []model.WarningMarker, desc *string) {
	if given != nil {
		f.text("input.givenNames", "givenNames", *given, maxName)
	}
	if family != nil {
		f.text("input.familyName", "familyName", *family, maxName)
	}
	f.list("input.aliases", "aliases", aliases, maxName)
	if dob != nil {
		if dob.After(time.Now()) {
			f.fail(keyline.FieldErrorf("input.dateOfBirth", "a date of birth cannot be in the future"))
		}
		f.date("dateOfBirth", dob)
	}
	if pnc != nil {
		if *pnc == "" {
			f.set("pncId", nil)
		} else {
			v := strings.ToUpper(strings.TrimSpace(*pnc))
			f.fail(keyline.ValidatePNC("input.pncId", v))
			f.set("pncId", v)
		}
	}
	for i, id := range ids {
		if !identifierPattern.MatchString(id) {
			f.fail(keyline.FieldErrorf(fmt.Sprintf("input.identifiers[%d]", i), "identifiers are written KIND:value, e.g. PASSPORT:123456789"))
		}
	}
	f.list("input.identifiers", "identifiers", ids, 120)
	if markers != nil {
		f.set("warningMarkers", enumStrings(markers))
	}
	f.optText("input.description", "description", desc, maxText)
}

func createPersonProps(in model.CreatePersonInput) (map[string]any, error) {
	f := newFields()
	personFields(f, &in.GivenNames, &in.FamilyName, in.Aliases, in.DateOfBirth, in.PncID, in.Identifiers, in.WarningMarkers, in.Description)
	for _, k := range []string{"aliases", "identifiers", "warningMarkers"} {
		if _, ok := f.props[k]; !ok {
			f.set(k, []string{})
		}
	}
	return f.done(false)
}

func updatePersonSet(in model.UpdatePersonInput) (map[string]any, error) {
	f := newFields()
	personFields(f, in.GivenNames, in.FamilyName, in.Aliases, in.DateOfBirth, in.PncID, in.Identifiers, in.WarningMarkers, in.Description)
	return f.done(true)
}

func createOrganisationProps(in model.CreateOrganisationInput) (map[string]any, error) {
	f := newFields()
	f.text("input.name", "name", in.Name, maxName)
	f.set("kind", string(in.Kind))
	f.optText("input.reference", "reference", in.Reference, 100)
	f.optText("input.description", "description", in.Description, maxText)
	return f.done(false)
}

func updateOrganisationSet(in model.UpdateOrganisationInput) (map[string]any, error) {
	f := newFields()
	if in.Name != nil {
		f.text("input.name", "name", *in.Name, maxName)
	}
	if in.Kind != nil {
		f.set("kind", string(*in.Kind))
	}
	f.optText("input.reference", "reference", in.Reference, 100)
	f.optText("input.description", "description", in.Description, maxText)
	return f.done(true)
}

func locationFields(f *fields, address, postcode *string, lat, lon *float64) {
	if address != nil {
		f.text("input.address", "address", *address, maxShort)
	}
	if postcode != nil {
		if *postcode == "" {
			f.set("postcode", nil)
		} else {
			pc, err := keyline.NormalisePostcode("input.postcode", *postcode)
			f.fail(err)
			f.set("postcode", pc)
		}
	}
	if lat != nil {
		if *lat < -90 || *lat > 90 {
			f.fail(keyline.FieldErrorf("input.latitude", "latitude must be between -90 and 90"))
		}
		f.set("latitude", *lat)
	}
	if lon != nil {
		if *lon < -180 || *lon > 180 {
			f.fail(keyline.FieldErrorf("input.longitude", "longitude must be between -180 and 180"))
		}
		f.set("longitude", *lon)
	}
}

func createLocationProps(in model.CreateLocationInput) (map[string]any, error) {
	f := newFields()
	locationFields(f, &in.Address, in.Postcode, in.Latitude, in.Longitude)
	if (in.Latitude == nil) != (in.Longitude == nil) {
		f.fail(keyline.FieldErrorf("input.longitude", "give both latitude and longitude, or neither"))
	}
	f.set("kind", string(in.Kind))
	return f.done(false)
}

func updateLocationSet(in model.UpdateLocationInput) (map[string]any, error) {
	f := newFields()
	locationFields(f, in.Address, in.Postcode, in.Latitude, in.Longitude)
	if in.Kind != nil {
		f.set("kind", string(*in.Kind))
	}
	return f.done(true)
}

func vehicleFields(f *fields, vrm, make, mdl, colour *string) {
	if vrm != nil {
		v, err := keyline.NormaliseVRM("input.vrm", *vrm)
		f.fail(err)
		f.set("vrm", v)
	}
	f.optText("input.make", "make", make, 50)
	f.optText("input.model", "model", mdl, 50)
	f.optText("input.colour", "colour", colour, 30)
}

func createVehicleProps(in model.CreateVehicleInput) (map[string]any, error) {
	f := newFields()
	vehicleFields(f, &in.Vrm, in.Make, in.Model, in.Colour)
	return f.done(false)
}

func updateVehicleSet(in model.UpdateVehicleInput) (map[string]any, error) {
	f := newFields()
	vehicleFields(f, in.Vrm, in.Make, in.Model, in.Colour)
	return f.done(true)
}

var emailPattern = regexp.MustCompile(`^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s]+$`)

func commsFields(f *fields, number, imei, email, handle, line *string) {
	if number != nil {
		n, err := keyline.NormalisePhone("input.number", *number)
		f.fail(err)
		f.set("number", n)
	}
	if imei != nil {
		f.fail(keyline.ValidateIMEI("input.imei", *imei))
		f.set("imei", *imei)
	}
	if email != nil {
		e := strings.ToLower(strings.TrimSpace(*email))
		if !emailPattern.MatchString(e) {
			f.fail(keyline.FieldErrorf("input.email", "%q is not an email address", *email))
		}
		f.set("email", e)
	}
	f.optText("input.handle", "handle", handle, 100)
	f.optText("input.lineName", "lineName", line, 100)
}

func createCommsDeviceProps(in model.CreateCommsDeviceInput) (map[string]any, error) {
	f := newFields()
	commsFields(f, in.Number, in.Imei, in.Email, in.Handle, in.LineName)
	f.set("kind", string(in.Kind))
	need := map[model.CommsKind]string{
		model.CommsKindMobile: "number", model.CommsKindLandline: "number", model.CommsKindHandset: "imei",
		model.CommsKindEmail: "email", model.CommsKindSocialHandle: "handle",
	}[in.Kind]
	if f.props[need] == nil {
		f.fail(keyline.FieldErrorf("input."+need, "a %s needs its %s", in.Kind, need))
	}
	return f.done(false)
}

func updateCommsDeviceSet(in model.UpdateCommsDeviceInput) (map[string]any, error) {
	f := newFields()
	commsFields(f, in.Number, in.Imei, in.Email, in.Handle, in.LineName)
	return f.done(true)
}

func eventFields(f *fields, occurred *time.Time, summary, crimeNo, class *string) {
	if occurred != nil {
		f.set("occurredAt", occurred.UTC())
	}
	if summary != nil {
		f.text("input.summary", "summary", *summary, 1000)
	}
	f.optText("input.crimeNumber", "crimeNumber", crimeNo, 50)
	f.optText("input.classification", "crimeClassification", class, 200)
}

func createEventProps(in model.CreateEventInput) (map[string]any, error) {
	f := newFields()
	f.set("kind", string(in.Kind))
	eventFields(f, &in.OccurredAt, &in.Summary, in.CrimeNumber, in.Classification)
	return f.done(false)
}

func updateEventSet(in model.UpdateEventInput) (map[string]any, error) {
	f := newFields()
	if in.Kind != nil {
		f.set("kind", string(*in.Kind))
	}
	eventFields(f, in.OccurredAt, in.Summary, in.CrimeNumber, in.Classification)
	return f.done(true)
}

// --- targets, intelligence, actions, exhibits ------------------------------

func nominateTargetProps(in model.NominateTargetInput) (map[string]any, error) {
	f := newFields()
	f.fail(requireKind("input.subjectId", in.SubjectID, keyline.KindPerson, keyline.KindOrganisation))
	if len(in.ThreatAreas) == 0 {
		f.fail(keyline.FieldErrorf("input.threatAreas", "name at least one threat area"))
	}
	f.set("threatAreas", enumStrings(in.ThreatAreas))
	f.set("nimLevel", string(in.NimLevel))
	f.set("status", string(model.TargetStatusDraft))
	f.optText("input.rationale", "rationale", in.Rationale, maxText)
	if in.OwnerID != nil {
		f.fail(requireKind("input.ownerId", *in.OwnerID, keyline.KindOfficer))
	}
	return f.done(false)
}

func updateTargetSet(in model.UpdateTargetInput) (map[string]any, error) {
	f := newFields()
	if in.NimLevel != nil {
		f.set("nimLevel", string(*in.NimLevel))
	}
	if in.ThreatAreas != nil {
		if len(in.ThreatAreas) == 0 {
			f.fail(keyline.FieldErrorf("input.threatAreas", "name at least one threat area"))
		}
		f.set("threatAreas", enumStrings(in.ThreatAreas))
	}
	f.optText("input.rationale", "rationale", in.Rationale, maxText)
	if in.OwnerID != nil {
		f.fail(requireKind("input.ownerId", *in.OwnerID, keyline.KindOfficer))
	}
	return f.done(in.OwnerID == nil)
}

func gradingProps(f *fields, field string, g keyline.Grading) {
	f.fail(g.Validate(field))
	f.set("gradeSource", g.Source)
	f.set("gradeAssessment", g.Assessment)
	f.set("gradeHandling", g.Handling)
	if g.Conditions != "" {
		f.set("gradeConditions", g.Conditions)
	} else {
		f.set("gradeConditions", nil)
	}
}

func gradingOf(in *model.GradingInput) keyline.Grading {
	g := keyline.Grading{Source: in.Source, Assessment: in.Assessment, Handling: in.Handling}
	if in.Conditions != nil {
		g.Conditions = strings.TrimSpace(*in.Conditions)
	}
	return g
}

func createIntelligenceProps(in model.CreateIntelligenceItemInput) (map[string]any, error) {
	f := newFields()
	switch {
	case in.Grading != nil && in.LegacyGrading != nil:
		f.fail(keyline.FieldErrorf("input.legacyGrading", "give a 3x5x2 grading or a legacy 5x5x5 grading, not both"))
	case in.Grading != nil:
		gradingProps(f, "input.grading", gradingOf(in.Grading))
	case in.LegacyGrading != nil:
		l := keyline.LegacyGrading{Source: in.LegacyGrading.Source, Information: in.LegacyGrading.Information, Handling: in.LegacyGrading.Handling}
		g, err := l.Map("input.legacyGrading")
		f.fail(err)
		if err == nil {
			gradingProps(f, "input.legacyGrading", g)
		}
		f.set("legacySource", l.Source)
		f.set("legacyInformation", l.Information)
		f.set("legacyHandling", l.Handling)
	default:
		f.fail(keyline.FieldErrorf("input.grading", "every intelligence item must be graded"))
	}
	urn := ""
	if in.Urn != nil {
		urn = strings.TrimSpace(*in.Urn)
		f.fail(keyline.RequireText("input.urn", urn, 50))
	} else {
		urn = fmt.Sprintf("INT/%d/%s", time.Now().UTC().Year(), strings.ToUpper(keyline.NewID(keyline.KindIntelligenceItem)[len("int_")+10:]))
	}
	f.set("urn", urn)
	received := time.Now().UTC()
	if in.ReceivedAt != nil {
		received = in.ReceivedAt.UTC()
	}
	f.set("receivedAt", received)
	if in.ReportedAt != nil {
		f.set("reportedAt", in.ReportedAt.UTC())
	}
	f.set("sourceType", string(in.SourceType))
	f.set("classification", string(in.Classification))
	f.text("input.sanitisedText", "sanitisedText", in.SanitisedText, maxText)
	f.optText("input.sourceText", "sourceText", in.SourceText, maxText)
	f.date("reviewDate", in.ReviewDate)
	for i, m := range in.Mentions {
		f.fail(requireKind(fmt.Sprintf("input.mentions[%d].entityId", i), m.EntityID, keyline.EntityKinds...))
		f.fail(keyline.RequireText(fmt.Sprintf("input.mentions[%d].role", i), m.Role, 50))
	}
	return f.done(false)
}

func updateIntelligenceSet(in model.UpdateIntelligenceItemInput, legacy bool) (map[string]any, error) {
	f := newFields()
	if in.ReportedAt != nil {
		f.set("reportedAt", in.ReportedAt.UTC())
	}
	if in.Grading != nil {
		if legacy {
			f.fail(keyline.FieldErrorf("input.grading", "a legacy 5x5x5 item keeps its original grade; record a new item to regrade"))
		}
		gradingProps(f, "input.grading", gradingOf(in.Grading))
	}
	if in.Classification != nil {
		f.set("classification", string(*in.Classification))
	}
	if in.SanitisedText != nil {
		f.text("input.sanitisedText", "sanitisedText", *in.SanitisedText, maxText)
	}
	f.optText("input.sourceText", "sourceText", in.SourceText, maxText)
	f.date("reviewDate", in.ReviewDate)
	return f.done(true)
}

func raiseActionProps(in model.RaiseActionInput) (map[string]any, error) {
	f := newFields()
	f.text("input.title", "title", in.Title, maxShort)
	f.optText("input.instructions", "instructions", in.Instructions, maxText)
	f.set("priority", string(in.Priority))
	f.set("status", string(model.ActionStatusRaised))
	// Without a due date, the store applies the operation's timescale.
	f.date("dueDate", in.DueDate)
	f.list("input.requiredSkills", "requiredSkills", upperAll(in.RequiredSkills), 50)
	if in.RequiredSkills == nil {
		f.set("requiredSkills", []string{})
	}
	f.set("chaseCount", 0)
	for i, id := range in.RaisedFromIds {
		f.fail(requireKind(fmt.Sprintf("input.raisedFromIds[%d]", i), id,
			keyline.KindIntelligenceItem, keyline.KindLineOfEnquiry, keyline.KindDecision, keyline.KindAction))
	}
	return f.done(false)
}

func updateActionSet(in model.UpdateActionInput) (map[string]any, error) {
	f := newFields()
	if in.Title != nil {
		f.text("input.title", "title", *in.Title, maxShort)
	}
	f.optText("input.instructions", "instructions", in.Instructions, maxText)
	if in.Priority != nil {
		f.set("priority", string(*in.Priority))
	}
	f.date("dueDate", in.DueDate)
	f.list("input.requiredSkills", "requiredSkills", upperAll(in.RequiredSkills), 50)
	return f.done(true)
}

func upperAll(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToUpper(strings.TrimSpace(s))
	}
	return out
}

func actionPolicyProps(in model.ActionPolicyInput) (map[string]any, error) {
	f := newFields()
	check := func(field string, v, lo, hi int) {
		if v < lo || v > hi {
			f.fail(keyline.FieldErrorf(field, "must be between %d and %d", lo, hi))
		}
	}
	check("input.highHours", in.HighHours, 1, 168)
	check("input.mediumDays", in.MediumDays, 1, 90)
	check("input.lowDays", in.LowDays, 1, 365)
	if in.HighHours > in.MediumDays*24 || in.MediumDays > in.LowDays {
		f.fail(keyline.FieldErrorf("input", "timescales must not get shorter as priority falls"))
	}
	f.set("policyHighHours", in.HighHours)
	f.set("policyMediumDays", in.MediumDays)
	f.set("policyLowDays", in.LowDays)
	return f.done(false)
}

var exhibitReference = regexp.MustCompile(`^[A-Z]{2,4}/[0-9]{1,5}$`)

func exhibitFields(f *fields, kind, desc *string, status *model.DisclosureStatus, reason *string, review *keyline.Date) {
	if kind != nil {
		f.text("input.kind", "kind", strings.ToUpper(*kind), 50)
	}
	if desc != nil {
		f.text("input.description", "description", *desc, maxText)
	}
	if status != nil {
		f.set("disclosureStatus", string(*status))
		if *status == model.DisclosureStatusUnusedSensitive && (reason == nil || strings.TrimSpace(*reason) == "") {
			f.fail(keyline.FieldErrorf("input.sensitivityReason", "sensitive unused material needs the reason it is sensitive (MG6D)"))
		}
	}
	f.optText("input.sensitivityReason", "sensitivityReason", reason, maxShort)
	f.date("reviewDate", review)
}

func createExhibitProps(in model.CreateExhibitInput) (map[string]any, error) {
	f := newFields()
	ref := strings.ToUpper(strings.TrimSpace(in.Reference))
	if !exhibitReference.MatchString(ref) {
		f.fail(keyline.FieldErrorf("input.reference", "an exhibit reference is the officer's initials and a sequence, e.g. JS/3"))
	}
	f.set("reference", ref)
	exhibitFields(f, &in.Kind, &in.Description, &in.DisclosureStatus, in.SensitivityReason, in.ReviewDate)
	f.date("obtainedOn", in.ObtainedOn)
	f.set("continuity", []string{})
	if in.ObtainedByID != nil {
		f.fail(requireKind("input.obtainedById", *in.ObtainedByID, keyline.KindAction))
	}
	return f.done(false)
}

func updateExhibitSet(in model.UpdateExhibitInput) (map[string]any, error) {
	f := newFields()
	exhibitFields(f, in.Kind, in.Description, in.DisclosureStatus, in.SensitivityReason, in.ReviewDate)
	return f.done(true)
}

func continuityEntry(in model.ContinuityInput) (map[string]any, error) {
	f := newFields()
	at := time.Now().UTC()
	if in.At != nil {
		at = in.At.UTC()
	}
	f.set("at", at.Format(time.RFC3339Nano))
	f.text("input.heldBy", "heldBy", in.HeldBy, maxName)
	f.text("input.location", "location", in.Location, maxName)
	f.text("input.purpose", "purpose", in.Purpose, maxShort)
	return f.done(false)
}

// --- links ------------------------------------------------------------------

func linkFields(f *fields, typ model.LinkType, kind, role *string, count *int, first, last *time.Time, conf *float64) {
	f.optText("input.kind", "kind", kind, 50)
	if role != nil {
		r := strings.ToUpper(strings.TrimSpace(*role))
		if typ == model.LinkTypeMemberOf && !model.MembershipRole(r).IsValid() {
			f.fail(keyline.FieldErrorf("input.role", "a MEMBER_OF role is PRINCIPAL, SIGNIFICANT or PERIPHERAL"))
		}
		f.fail(keyline.LimitText("input.role", r, 50))
		f.set("role", r)
	}
	if count != nil {
		if *count < 0 {
			f.fail(keyline.FieldErrorf("input.count", "a contact count cannot be negative"))
		}
		f.set("count", *count)
	}
	if first != nil {
		f.set("firstSeen", first.UTC())
	}
	if last != nil {
		f.set("lastSeen", last.UTC())
	}
	if first != nil && last != nil && last.Before(*first) {
		f.fail(keyline.FieldErrorf("input.lastSeen", "last seen cannot be before first seen"))
	}
	if conf != nil {
		f.fail(keyline.ValidateConfidence("input.confidence", *conf))
		f.set("confidence", *conf)
	}
}

func linkProps(in model.LinkInput) (map[string]any, error) {
	f := newFields()
	linkFields(f, in.Type, in.Kind, in.Role, in.Count, in.FirstSeen, in.LastSeen, &in.Confidence)
	if in.Type == model.LinkTypeMemberOf && in.Role == nil {
		f.fail(keyline.FieldErrorf("input.role", "a MEMBER_OF link needs the member's role"))
	}
	checkSourceIDs(f, in.SourceIds)
	return f.done(false)
}

func updateLinkSet(in model.UpdateLinkInput, typ model.LinkType) (map[string]any, error) {
	f := newFields()
	linkFields(f, typ, in.Kind, in.Role, in.Count, in.FirstSeen, in.LastSeen, in.Confidence)
	if in.SourceIds != nil {
		checkSourceIDs(f, in.SourceIds)
	}
	return f.done(in.SourceIds == nil)
}

func checkSourceIDs(f *fields, ids []string) {
	if len(ids) == 0 {
		f.fail(keyline.FieldErrorf("input.sourceIds", "a link must cite at least one intelligence item or exhibit"))
	}
	for i, id := range ids {
		f.fail(requireKind(fmt.Sprintf("input.sourceIds[%d]", i), id, keyline.KindIntelligenceItem, keyline.KindExhibit))
	}
}
