package resolvers

import (
	"regexp"
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
	maxName  = keyline.MaxName
	maxShort = keyline.MaxShort
	maxText  = keyline.MaxText
)

func enumStrings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return keyline.Distinct(out)
}

// --- operations, officers, policy file ----------------------------------

var operationReference = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{2,40}$`)

func createOperationProps(in model.CreateOperationInput) (map[string]any, error) {
	f := keyline.NewChanges()
	ref := strings.ToUpper(strings.TrimSpace(in.Reference))
	if !operationReference.MatchString(ref) {
		f.Fail(keyline.FieldErrorf("input.reference", "reference must be 3 to 41 letters, digits or hyphens, e.g. OP-KESTREL-2026"))
	}
	f.Set("reference", ref)
	f.Text("input.name", "name", in.Name, maxName)
	if in.SioID != nil {
		f.Fail(keyline.RequireKind("input.sioId", *in.SioID, keyline.KindOfficer))
	}
	f.Set("status", string(model.OperationStatusOpen))
	f.Set("classification", string(in.Classification))
	opened := keyline.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)}
	if in.Opened != nil {
		opened = *in.Opened
	}
	f.Set("opened", opened)
	f.OptText("input.summary", "summary", in.Summary, maxText)
	return f.Done(false)
}

func updateOperationSet(in model.UpdateOperationInput) (map[string]any, error) {
	f := keyline.NewChanges()
	if in.Name != nil {
		f.Text("input.name", "name", *in.Name, maxName)
	}
	if in.Status != nil {
		f.Set("status", string(*in.Status))
	}
	if in.Classification != nil {
		f.Set("classification", string(*in.Classification))
	}
	f.Date("closed", in.Closed)
	f.OptText("input.summary", "summary", in.Summary, maxText)
	if in.SioID != nil {
		f.Fail(keyline.RequireKind("input.sioId", *in.SioID, keyline.KindOfficer))
	}
	// The SIO is a relationship, so a change of SIO alone is a change.
	return f.Done(in.SioID == nil)
}

func createOfficerProps(in model.CreateOfficerInput) (map[string]any, error) {
	f := keyline.NewChanges()
	f.Text("input.collarNumber", "collarNumber", in.CollarNumber, 20)
	f.Text("input.name", "name", in.Name, maxName)
	f.Text("input.rank", "rank", in.Rank, 50)
	f.Set("role", string(in.Role))
	f.List("input.skills", "skills", in.Skills, 50)
	if in.Skills == nil {
		f.Set("skills", []string{})
	}
	f.OptText("input.team", "team", in.Team, 100)
	f.OptText("input.subject", "subject", in.Subject, 200)
	return f.Done(false)
}

func updateOfficerSet(in model.UpdateOfficerInput) (map[string]any, error) {
	f := keyline.NewChanges()
	if in.Name != nil {
		f.Text("input.name", "name", *in.Name, maxName)
	}
	if in.Rank != nil {
		f.Text("input.rank", "rank", *in.Rank, 50)
	}
	if in.Role != nil {
		f.Set("role", string(*in.Role))
	}
	f.List("input.skills", "skills", in.Skills, 50)
	f.OptText("input.team", "team", in.Team, 100)
	return f.Done(true)
}

func createLineOfEnquiryProps(in model.CreateLineOfEnquiryInput) (map[string]any, error) {
	f := keyline.NewChanges()
	f.Text("input.title", "title", in.Title, maxShort)
	f.OptText("input.description", "description", in.Description, maxText)
	f.Set("status", string(model.LineOfEnquiryStatusOpen))
	return f.Done(false)
}

func updateLineOfEnquirySet(in model.UpdateLineOfEnquiryInput) (map[string]any, error) {
	f := keyline.NewChanges()
	if in.Title != nil {
		f.Text("input.title", "title", *in.Title, maxShort)
	}
	f.OptText("input.description", "description", in.Description, maxText)
	if in.Status != nil {
		f.Set("status", string(*in.Status))
	}
	return f.Done(true)
}

func recordDecisionProps(in model.RecordDecisionInput) (map[string]any, error) {
	f := keyline.NewChanges()
	f.Text("input.decision", "decision", in.Decision, maxText)
	f.Text("input.rationale", "rationale", in.Rationale, maxText)
	madeAt := time.Now().UTC()
	if in.MadeAt != nil {
		if in.MadeAt.After(time.Now().Add(5 * time.Minute)) {
			f.Fail(keyline.FieldErrorf("input.madeAt", "a decision cannot be recorded as made in the future"))
		}
		madeAt = in.MadeAt.UTC()
	}
	f.Set("madeAt", madeAt)
	if in.LineOfEnquiryID != nil {
		f.Fail(keyline.RequireKind("input.lineOfEnquiryId", *in.LineOfEnquiryID, keyline.KindLineOfEnquiry))
	}
	if in.SupersedesID != nil {
		f.Fail(keyline.RequireKind("input.supersedesId", *in.SupersedesID, keyline.KindDecision))
	}
	return f.Done(false)
}

// --- entities -------------------------------------------------------------

func personUpdate(given, family *string, aliases []string, dob *keyline.Date, pnc *string, ids []string, markers []model.WarningMarker, desc *string) keyline.PersonUpdate {
	u := keyline.PersonUpdate{GivenNames: given, FamilyName: family, Aliases: aliases, DateOfBirth: dob, PNCID: pnc, Identifiers: ids, Description: desc}
	if markers != nil {
		u.WarningMarkers = enumStrings(markers)
	}
	return u
}

func createPersonProps(in model.CreatePersonInput) (map[string]any, error) {
	return personUpdate(&in.GivenNames, &in.FamilyName, in.Aliases, in.DateOfBirth, in.PncID, in.Identifiers, in.WarningMarkers, in.Description).CreateProps("input.")
}

func updatePersonSet(in model.UpdatePersonInput) (map[string]any, error) {
	return personUpdate(in.GivenNames, in.FamilyName, in.Aliases, in.DateOfBirth, in.PncID, in.Identifiers, in.WarningMarkers, in.Description).UpdateProps("input.")
}

func createOrganisationProps(in model.CreateOrganisationInput) (map[string]any, error) {
	f := keyline.NewChanges()
	f.Text("input.name", "name", in.Name, maxName)
	f.Set("kind", string(in.Kind))
	f.OptText("input.reference", "reference", in.Reference, 100)
	f.OptText("input.description", "description", in.Description, maxText)
	return f.Done(false)
}

func updateOrganisationSet(in model.UpdateOrganisationInput) (map[string]any, error) {
	f := keyline.NewChanges()
	if in.Name != nil {
		f.Text("input.name", "name", *in.Name, maxName)
	}
	if in.Kind != nil {
		f.Set("kind", string(*in.Kind))
	}
	f.OptText("input.reference", "reference", in.Reference, 100)
	f.OptText("input.description", "description", in.Description, maxText)
	return f.Done(true)
}

func locationFields(f *keyline.Changes, address, postcode *string, lat, lon *float64) {
	if address != nil {
		f.Text("input.address", "address", *address, maxShort)
	}
	if postcode != nil {
		if *postcode == "" {
			f.Set("postcode", nil)
		} else {
			pc, err := keyline.NormalisePostcode("input.postcode", *postcode)
			f.Fail(err)
			f.Set("postcode", pc)
		}
	}
	if lat != nil {
		if *lat < -90 || *lat > 90 {
			f.Fail(keyline.FieldErrorf("input.latitude", "latitude must be between -90 and 90"))
		}
		f.Set("latitude", *lat)
	}
	if lon != nil {
		if *lon < -180 || *lon > 180 {
			f.Fail(keyline.FieldErrorf("input.longitude", "longitude must be between -180 and 180"))
		}
		f.Set("longitude", *lon)
	}
}

func createLocationProps(in model.CreateLocationInput) (map[string]any, error) {
	f := keyline.NewChanges()
	locationFields(f, &in.Address, in.Postcode, in.Latitude, in.Longitude)
	if (in.Latitude == nil) != (in.Longitude == nil) {
		f.Fail(keyline.FieldErrorf("input.longitude", "give both latitude and longitude, or neither"))
	}
	f.Set("kind", string(in.Kind))
	return f.Done(false)
}

func updateLocationSet(in model.UpdateLocationInput) (map[string]any, error) {
	f := keyline.NewChanges()
	locationFields(f, in.Address, in.Postcode, in.Latitude, in.Longitude)
	if in.Kind != nil {
		f.Set("kind", string(*in.Kind))
	}
	return f.Done(true)
}

func vehicleFields(f *keyline.Changes, vrm, make, mdl, colour *string) {
	if vrm != nil {
		v, err := keyline.NormaliseVRM("input.vrm", *vrm)
		f.Fail(err)
		f.Set("vrm", v)
	}
	f.OptText("input.make", "make", make, 50)
	f.OptText("input.model", "model", mdl, 50)
	f.OptText("input.colour", "colour", colour, 30)
}

func createVehicleProps(in model.CreateVehicleInput) (map[string]any, error) {
	f := keyline.NewChanges()
	vehicleFields(f, &in.Vrm, in.Make, in.Model, in.Colour)
	return f.Done(false)
}

func updateVehicleSet(in model.UpdateVehicleInput) (map[string]any, error) {
	f := keyline.NewChanges()
	vehicleFields(f, in.Vrm, in.Make, in.Model, in.Colour)
	return f.Done(true)
}

var emailPattern = regexp.MustCompile(`^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s]+$`)

func commsFields(f *keyline.Changes, number, imei, email, handle, line *string) {
	if number != nil {
		n, err := keyline.NormalisePhone("input.number", *number)
		f.Fail(err)
		f.Set("number", n)
	}
	if imei != nil {
		f.Fail(keyline.ValidateIMEI("input.imei", *imei))
		f.Set("imei", *imei)
	}
	if email != nil {
		e := strings.ToLower(strings.TrimSpace(*email))
		if !emailPattern.MatchString(e) {
			f.Fail(keyline.FieldErrorf("input.email", "%q is not an email address", *email))
		}
		f.Set("email", e)
	}
	f.OptText("input.handle", "handle", handle, 100)
	f.OptText("input.lineName", "lineName", line, 100)
}

func createCommsDeviceProps(in model.CreateCommsDeviceInput) (map[string]any, error) {
	f := keyline.NewChanges()
	commsFields(f, in.Number, in.Imei, in.Email, in.Handle, in.LineName)
	f.Set("kind", string(in.Kind))
	need := map[model.CommsKind]string{
		model.CommsKindMobile: "number", model.CommsKindLandline: "number", model.CommsKindHandset: "imei",
		model.CommsKindEmail: "email", model.CommsKindSocialHandle: "handle",
	}[in.Kind]
	if !f.Has(need) {
		f.Fail(keyline.FieldErrorf("input."+need, "a %s needs its %s", in.Kind, need))
	}
	return f.Done(false)
}

func updateCommsDeviceSet(in model.UpdateCommsDeviceInput) (map[string]any, error) {
	f := keyline.NewChanges()
	commsFields(f, in.Number, in.Imei, in.Email, in.Handle, in.LineName)
	return f.Done(true)
}

func eventFields(f *keyline.Changes, occurred *time.Time, summary, crimeNo, class *string) {
	if occurred != nil {
		f.Set("occurredAt", occurred.UTC())
	}
	if summary != nil {
		f.Text("input.summary", "summary", *summary, 1000)
	}
	f.OptText("input.crimeNumber", "crimeNumber", crimeNo, 50)
	f.OptText("input.classification", "crimeClassification", class, 200)
}

func createEventProps(in model.CreateEventInput) (map[string]any, error) {
	f := keyline.NewChanges()
	f.Set("kind", string(in.Kind))
	eventFields(f, &in.OccurredAt, &in.Summary, in.CrimeNumber, in.Classification)
	return f.Done(false)
}

func updateEventSet(in model.UpdateEventInput) (map[string]any, error) {
	f := keyline.NewChanges()
	if in.Kind != nil {
		f.Set("kind", string(*in.Kind))
	}
	eventFields(f, in.OccurredAt, in.Summary, in.CrimeNumber, in.Classification)
	return f.Done(true)
}

// --- targets, intelligence, actions, exhibits ------------------------------

func nominateTargetProps(in model.NominateTargetInput) (map[string]any, error) {
	f := keyline.NewChanges()
	f.Fail(keyline.RequireKind("input.subjectId", in.SubjectID, keyline.KindPerson, keyline.KindOrganisation))
	if len(in.ThreatAreas) == 0 {
		f.Fail(keyline.FieldErrorf("input.threatAreas", "name at least one threat area"))
	}
	f.Set("threatAreas", enumStrings(in.ThreatAreas))
	f.Set("nimLevel", string(in.NimLevel))
	f.Set("status", string(model.TargetStatusDraft))
	f.OptText("input.rationale", "rationale", in.Rationale, maxText)
	if in.OwnerID != nil {
		f.Fail(keyline.RequireKind("input.ownerId", *in.OwnerID, keyline.KindOfficer))
	}
	return f.Done(false)
}

func updateTargetSet(in model.UpdateTargetInput) (map[string]any, error) {
	f := keyline.NewChanges()
	if in.NimLevel != nil {
		f.Set("nimLevel", string(*in.NimLevel))
	}
	if in.ThreatAreas != nil {
		if len(in.ThreatAreas) == 0 {
			f.Fail(keyline.FieldErrorf("input.threatAreas", "name at least one threat area"))
		}
		f.Set("threatAreas", enumStrings(in.ThreatAreas))
	}
	f.OptText("input.rationale", "rationale", in.Rationale, maxText)
	if in.OwnerID != nil {
		f.Fail(keyline.RequireKind("input.ownerId", *in.OwnerID, keyline.KindOfficer))
	}
	return f.Done(in.OwnerID == nil)
}

// gradingOf reads a GraphQL grading.
func gradingOf(in *model.GradingInput) *keyline.Grading {
	if in == nil {
		return nil
	}
	g := &keyline.Grading{Source: in.Source, Assessment: in.Assessment, Handling: in.Handling}
	if in.Conditions != nil {
		g.Conditions = *in.Conditions
	}
	return g
}

func createIntelligenceProps(in model.CreateIntelligenceItemInput) (map[string]any, error) {
	class := keyline.Classification(in.Classification)
	u := keyline.IntelligenceUpdate{URN: in.Urn, ReceivedAt: in.ReceivedAt, ReportedAt: in.ReportedAt, SourceType: string(in.SourceType),
		Grading: gradingOf(in.Grading), Classification: &class, SanitisedText: &in.SanitisedText, SourceText: in.SourceText, ReviewDate: in.ReviewDate}
	if l := in.LegacyGrading; l != nil {
		u.LegacyGrading = &keyline.LegacyGrading{Source: l.Source, Information: l.Information, Handling: l.Handling}
	}
	for _, m := range in.Mentions {
		u.Mentions = append(u.Mentions, keyline.Mention{EntityID: m.EntityID, Role: m.Role})
	}
	return u.CreateProps("input.", time.Now())
}

func updateIntelligenceSet(in model.UpdateIntelligenceItemInput, legacy bool) (map[string]any, error) {
	var class *keyline.Classification
	if in.Classification != nil {
		c := keyline.Classification(*in.Classification)
		class = &c
	}
	return keyline.IntelligenceUpdate{ReportedAt: in.ReportedAt, Grading: gradingOf(in.Grading), Classification: class,
		SanitisedText: in.SanitisedText, SourceText: in.SourceText, ReviewDate: in.ReviewDate}.UpdateProps("input.", legacy)
}

func raiseActionProps(in model.RaiseActionInput) (map[string]any, error) {
	priority := string(in.Priority)
	return keyline.ActionUpdate{Title: &in.Title, Instructions: in.Instructions, Priority: &priority, DueDate: in.DueDate,
		RequiredSkills: in.RequiredSkills, RaisedFrom: in.RaisedFromIds}.CreateProps("input.")
}

func updateActionSet(in model.UpdateActionInput) (map[string]any, error) {
	return keyline.ActionUpdate{Title: in.Title, Instructions: in.Instructions, Priority: (*string)(in.Priority), DueDate: in.DueDate,
		RequiredSkills: in.RequiredSkills}.UpdateProps("input.")
}

func actionPolicyProps(in model.ActionPolicyInput) (map[string]any, error) {
	f := keyline.NewChanges()
	check := func(field string, v, lo, hi int) {
		if v < lo || v > hi {
			f.Fail(keyline.FieldErrorf(field, "must be between %d and %d", lo, hi))
		}
	}
	check("input.highHours", in.HighHours, 1, 168)
	check("input.mediumDays", in.MediumDays, 1, 90)
	check("input.lowDays", in.LowDays, 1, 365)
	if in.HighHours > in.MediumDays*24 || in.MediumDays > in.LowDays {
		f.Fail(keyline.FieldErrorf("input", "timescales must not get shorter as priority falls"))
	}
	f.Set("policyHighHours", in.HighHours)
	f.Set("policyMediumDays", in.MediumDays)
	f.Set("policyLowDays", in.LowDays)
	return f.Done(false)
}

var exhibitReference = regexp.MustCompile(`^[A-Z]{2,4}/[0-9]{1,5}$`)

func exhibitFields(f *keyline.Changes, kind, desc *string, status *model.DisclosureStatus, reason *string, review *keyline.Date) {
	if kind != nil {
		f.Text("input.kind", "kind", strings.ToUpper(*kind), 50)
	}
	if desc != nil {
		f.Text("input.description", "description", *desc, maxText)
	}
	if status != nil {
		f.Set("disclosureStatus", string(*status))
		if *status == model.DisclosureStatusUnusedSensitive && (reason == nil || strings.TrimSpace(*reason) == "") {
			f.Fail(keyline.FieldErrorf("input.sensitivityReason", "sensitive unused material needs the reason it is sensitive (MG6D)"))
		}
	}
	f.OptText("input.sensitivityReason", "sensitivityReason", reason, maxShort)
	f.Date("reviewDate", review)
}

func createExhibitProps(in model.CreateExhibitInput) (map[string]any, error) {
	f := keyline.NewChanges()
	ref := strings.ToUpper(strings.TrimSpace(in.Reference))
	if !exhibitReference.MatchString(ref) {
		f.Fail(keyline.FieldErrorf("input.reference", "an exhibit reference is the officer's initials and a sequence, e.g. JS/3"))
	}
	f.Set("reference", ref)
	exhibitFields(f, &in.Kind, &in.Description, &in.DisclosureStatus, in.SensitivityReason, in.ReviewDate)
	f.Date("obtainedOn", in.ObtainedOn)
	f.Set("continuity", []string{})
	if in.ObtainedByID != nil {
		f.Fail(keyline.RequireKind("input.obtainedById", *in.ObtainedByID, keyline.KindAction))
	}
	return f.Done(false)
}

func updateExhibitSet(in model.UpdateExhibitInput) (map[string]any, error) {
	f := keyline.NewChanges()
	exhibitFields(f, in.Kind, in.Description, in.DisclosureStatus, in.SensitivityReason, in.ReviewDate)
	return f.Done(true)
}

func continuityEntry(in model.ContinuityInput) (map[string]any, error) {
	f := keyline.NewChanges()
	at := time.Now().UTC()
	if in.At != nil {
		at = in.At.UTC()
	}
	f.Set("at", at.Format(time.RFC3339Nano))
	f.Text("input.heldBy", "heldBy", in.HeldBy, maxName)
	f.Text("input.location", "location", in.Location, maxName)
	f.Text("input.purpose", "purpose", in.Purpose, maxShort)
	return f.Done(false)
}

// --- links ------------------------------------------------------------------

func linkProps(in model.LinkInput) (map[string]any, error) {
	return keyline.LinkUpdate{Type: string(in.Type), Kind: in.Kind, Role: in.Role, Count: in.Count, FirstSeen: in.FirstSeen, LastSeen: in.LastSeen,
		Confidence: &in.Confidence, SourceIDs: in.SourceIds}.CreateProps("input.")
}

func updateLinkSet(in model.UpdateLinkInput, typ model.LinkType) (map[string]any, error) {
	return keyline.LinkUpdate{Type: string(typ), Kind: in.Kind, Role: in.Role, Count: in.Count, FirstSeen: in.FirstSeen, LastSeen: in.LastSeen,
		Confidence: in.Confidence, SourceIDs: in.SourceIds}.UpdateProps("input.")
}
