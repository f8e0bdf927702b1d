// Package model holds the Go shapes of the GraphQL types. Node types are
// written by hand (nodes.go) with exactly their stored properties, so that
// every relationship field is a resolver that goes through the loaders;
// inputs, enums and connections are generated (models.generated.go).
package model

import (
	"encoding/json"
	"time"

	"github.com/keyline/keyline"
)

// Base is the bookkeeping every stored node carries. Property names match
// the Neo4j properties (docs/MODEL.md).
type Base struct {
	ID          string    `json:"id"`
	OperationID string    `json:"operationId,omitempty"`
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
	UpdatedBy   string    `json:"updatedBy"`
	Version     int       `json:"version"`
}

func (Base) IsNode()   {}
func (Base) IsRecord() {}

// NodeID returns the external id.
func (b Base) NodeID() string { return b.ID }

// Operation is a proactive investigation.
type Operation struct {
	Base
	Reference      string          `json:"reference"`
	Name           string          `json:"name"`
	Status         OperationStatus `json:"status"`
	Classification Classification  `json:"classification"`
	Opened         keyline.Date    `json:"opened"`
	Closed         *keyline.Date   `json:"closed,omitempty"`
	Summary        *string         `json:"summary,omitempty"`
	// The SIO's action timescales; unset means Keyline's defaults.
	PolicyHighHours  *int `json:"policyHighHours,omitempty"`
	PolicyMediumDays *int `json:"policyMediumDays,omitempty"`
	PolicyLowDays    *int `json:"policyLowDays,omitempty"`
}

// ActionPolicy returns the operation's timescales (defaults: High 24
// hours, Medium 7 days, Low 28 days, as in cypher/queries/action_raise).
func (o *Operation) ActionPolicy() *ActionPolicy {
	or := func(p *int, def int) int {
		if p == nil {
			return def
		}
		return *p
	}
	return &ActionPolicy{HighHours: or(o.PolicyHighHours, 24), MediumDays: or(o.PolicyMediumDays, 7), LowDays: or(o.PolicyLowDays, 28)}
}

// Officer is a member of the unit.
type Officer struct {
	Base
	CollarNumber string   `json:"collarNumber"`
	Name         string   `json:"name"`
	Rank         string   `json:"rank"`
	Role         Role     `json:"role"`
	Skills       []string `json:"skills"`
	Team         *string  `json:"team,omitempty"`
	Subject      *string  `json:"subject,omitempty"`
}

// LineOfEnquiry is an SIO's hypothesis or avenue.
type LineOfEnquiry struct {
	Base
	Title       string              `json:"title"`
	Description *string             `json:"description,omitempty"`
	Status      LineOfEnquiryStatus `json:"status"`
}

// Decision is an immutable policy file entry.
type Decision struct {
	Base
	Decision  string    `json:"decision"`
	Rationale string    `json:"rationale"`
	MadeAt    time.Time `json:"madeAt"`
}

// Person is a nominal.
type Person struct {
	Base
	Label          string          `json:"label"`
	GivenNames     string          `json:"givenNames"`
	FamilyName     string          `json:"familyName"`
	Aliases        []string        `json:"aliases"`
	DateOfBirth    *keyline.Date   `json:"dateOfBirth,omitempty"`
	PncID          *string         `json:"pncId,omitempty"`
	Identifiers    []string        `json:"identifiers"`
	WarningMarkers []WarningMarker `json:"warningMarkers"`
	Description    *string         `json:"description,omitempty"`
}

// Organisation is an OCG, business or other body.
type Organisation struct {
	Base
	Label       string           `json:"label"`
	Name        string           `json:"name"`
	Kind        OrganisationKind `json:"kind"`
	Reference   *string          `json:"reference,omitempty"`
	Description *string          `json:"description,omitempty"`
}

// Location is an address or point.
type Location struct {
	Base
	Label     string       `json:"label"`
	Address   string       `json:"address"`
	Postcode  *string      `json:"postcode,omitempty"`
	Latitude  *float64     `json:"latitude,omitempty"`
	Longitude *float64     `json:"longitude,omitempty"`
	Kind      LocationKind `json:"kind"`
}

// Vehicle is a vehicle identified by its VRM.
type Vehicle struct {
	Base
	Label  string  `json:"label"`
	Vrm    string  `json:"vrm"`
	Make   *string `json:"make,omitempty"`
	Model  *string `json:"model,omitempty"`
	Colour *string `json:"colour,omitempty"`
}

// CommsDevice is a phone number, handset, email or handle.
type CommsDevice struct {
	Base
	Label    string    `json:"label"`
	Kind     CommsKind `json:"kind"`
	Number   *string   `json:"number,omitempty"`
	Imei     *string   `json:"imei,omitempty"`
	Email    *string   `json:"email,omitempty"`
	Handle   *string   `json:"handle,omitempty"`
	LineName *string   `json:"lineName,omitempty"`
}

// Event is a dated occurrence.
type Event struct {
	Base
	Label          string    `json:"label"`
	Kind           EventKind `json:"kind"`
	OccurredAt     time.Time `json:"occurredAt"`
	Summary        string    `json:"summary"`
	CrimeNumber    *string   `json:"crimeNumber,omitempty"`
	Classification *string   `json:"crimeClassification,omitempty"`
}

func (Person) IsEntity()       {}
func (Organisation) IsEntity() {}
func (Location) IsEntity()     {}
func (Vehicle) IsEntity()      {}
func (CommsDevice) IsEntity()  {}
func (Event) IsEntity()        {}

// Target is a nominated subject. Its assessment and latest score are
// stored as JSON (they are read whole and never queried inside); score and
// band are also plain properties so rankings can sort on them.
type Target struct {
	Base
	Status          TargetStatus `json:"status"`
	NimLevel        NimLevel     `json:"nimLevel"`
	ThreatAreas     []ThreatArea `json:"threatAreas"`
	Rationale       *string      `json:"rationale,omitempty"`
	AssessmentJSON  *string      `json:"assessment,omitempty"`
	PriorityJSON    *string      `json:"priority,omitempty"`
	Score           *float64     `json:"score,omitempty"`
	LastReviewScore *float64     `json:"lastReviewScore,omitempty"`
	TacticalLog     []string     `json:"tacticalOptions"`
}

// Assessment decodes the recorded assessment.
func (t *Target) Assessment() *PriorityAssessment {
	if t.AssessmentJSON == nil {
		return nil
	}
	var a PriorityAssessment
	if json.Unmarshal([]byte(*t.AssessmentJSON), &a) != nil {
		return nil
	}
	return &a
}

// Priority decodes the latest score.
func (t *Target) Priority() *PriorityScore {
	if t.PriorityJSON == nil {
		return nil
	}
	var p PriorityScore
	if json.Unmarshal([]byte(*t.PriorityJSON), &p) != nil {
		return nil
	}
	return &p
}

// Movement is the change in score since the last review.
func (t *Target) Movement() *float64 {
	if t.Score == nil || t.LastReviewScore == nil {
		return nil
	}
	m := float64(int((*t.Score-*t.LastReviewScore)*10+0.5*sign(*t.Score-*t.LastReviewScore))) / 10
	return &m
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// TacticalOptions decodes the recorded options.
func (t *Target) TacticalOptions() []*TacticalOption {
	out := make([]*TacticalOption, 0, len(t.TacticalLog))
	for _, raw := range t.TacticalLog {
		var o TacticalOption
		if json.Unmarshal([]byte(raw), &o) == nil {
			out = append(out, &o)
		}
	}
	return out
}

// IntelligenceItem is a graded report. The source-revealing text is held
// in HeldSourceText and reaches a client only through the @sourceRevealing
// field rule.
type IntelligenceItem struct {
	Base
	Urn               string         `json:"urn"`
	ReceivedAt        time.Time      `json:"receivedAt"`
	ReportedAt        *time.Time     `json:"reportedAt,omitempty"`
	SourceType        SourceType     `json:"sourceType"`
	GradeSource       string         `json:"gradeSource"`
	GradeAssessment   string         `json:"gradeAssessment"`
	GradeHandling     string         `json:"gradeHandling"`
	GradeConditions   *string        `json:"gradeConditions,omitempty"`
	LegacySource      *string        `json:"legacySource,omitempty"`
	LegacyInformation *string        `json:"legacyInformation,omitempty"`
	LegacyHandling    *string        `json:"legacyHandling,omitempty"`
	Classification    Classification `json:"classification"`
	SanitisedText     string         `json:"sanitisedText"`
	HeldSourceText    *string        `json:"sourceText,omitempty"`
	ReviewDate        *keyline.Date  `json:"reviewDate,omitempty"`
	RetentionLog      []string       `json:"retention"`
	Disposed          bool           `json:"disposed"`
}

// Retention decodes the MOPI decisions.
func (i *IntelligenceItem) Retention() []*RetentionDecision { return decodeRetention(i.RetentionLog) }

func (IntelligenceItem) IsSource() {}

// Grade returns the domain grade.
func (i *IntelligenceItem) Grade() keyline.Grading {
	g := keyline.Grading{Source: i.GradeSource, Assessment: i.GradeAssessment, Handling: i.GradeHandling}
	if i.GradeConditions != nil {
		g.Conditions = *i.GradeConditions
	}
	return g
}

// Grading is the item's 3x5x2 grade for the API.
func (i *IntelligenceItem) Grading() *Grading {
	g := i.Grade()
	return &Grading{Source: g.Source, Assessment: g.Assessment, Handling: g.Handling, Conditions: i.GradeConditions, Code: g.String()}
}

// LegacyGrading is the preserved 5x5x5 grade, if any.
func (i *IntelligenceItem) LegacyGrading() *LegacyGrading {
	if i.LegacySource == nil || i.LegacyInformation == nil || i.LegacyHandling == nil {
		return nil
	}
	l := keyline.LegacyGrading{Source: *i.LegacySource, Information: *i.LegacyInformation, Handling: *i.LegacyHandling}
	return &LegacyGrading{Source: l.Source, Information: l.Information, Handling: l.Handling, Code: l.String()}
}

// Action is a HOLMES2-style action.
type Action struct {
	Base
	Number             string         `json:"number"`
	Seq                int            `json:"seq"`
	Title              string         `json:"title"`
	Instructions       *string        `json:"instructions,omitempty"`
	Priority           ActionPriority `json:"priority"`
	Status             ActionStatus   `json:"status"`
	DueDate            *keyline.Date  `json:"dueDate,omitempty"`
	Result             *string        `json:"result,omitempty"`
	CancellationReason *string        `json:"cancellationReason,omitempty"`
	ReferralReason     *string        `json:"referralReason,omitempty"`
	RequiredSkills     []string       `json:"requiredSkills"`
	ChaseCount         int            `json:"chaseCount"`
	LastChasedAt       *time.Time     `json:"lastChasedAt,omitempty"`
	ResultedAt         *time.Time     `json:"resultedAt,omitempty"`
	HistoryLog         []string       `json:"history"`
}

// Overdue reports whether the action is open and past its due date.
func (a *Action) Overdue() bool {
	return a.DueDate != nil && keyline.ActionOpen(keyline.ActionStatus(a.Status)) &&
		a.DueDate.Before(time.Now().UTC().Truncate(24*time.Hour))
}

// History decodes the lifecycle log.
func (a *Action) History() []*ActionHistoryEntry {
	out := make([]*ActionHistoryEntry, 0, len(a.HistoryLog))
	for _, raw := range a.HistoryLog {
		var h ActionHistoryEntry
		if json.Unmarshal([]byte(raw), &h) == nil {
			out = append(out, &h)
		}
	}
	return out
}

// Exhibit is an item of evidence. Continuity is stored as an append-only
// list of JSON entries, oldest first.
type Exhibit struct {
	Base
	Reference         string           `json:"reference"`
	Kind              string           `json:"kind"`
	Description       string           `json:"description"`
	ObtainedOn        *keyline.Date    `json:"obtainedOn,omitempty"`
	DisclosureStatus  DisclosureStatus `json:"disclosureStatus"`
	SensitivityReason *string          `json:"sensitivityReason,omitempty"`
	ReviewDate        *keyline.Date    `json:"reviewDate,omitempty"`
	ContinuityLog     []string         `json:"continuity"`
	RetentionLog      []string         `json:"retention"`
	Disposed          bool             `json:"disposed"`
}

// Retention decodes the MOPI decisions.
func (e *Exhibit) Retention() []*RetentionDecision { return decodeRetention(e.RetentionLog) }

func decodeRetention(log []string) []*RetentionDecision {
	out := make([]*RetentionDecision, 0, len(log))
	for _, raw := range log {
		var d RetentionDecision
		if json.Unmarshal([]byte(raw), &d) == nil {
			out = append(out, &d)
		}
	}
	return out
}

func (Exhibit) IsSource() {}

// Continuity decodes the custody chain.
func (e *Exhibit) Continuity() []*ContinuityEvent {
	out := make([]*ContinuityEvent, 0, len(e.ContinuityLog))
	for _, raw := range e.ContinuityLog {
		var c ContinuityEvent
		if json.Unmarshal([]byte(raw), &c) == nil {
			out = append(out, &c)
		}
	}
	return out
}

// Link is a relationship between two entities with its provenance. From,
// To and the viewpoint are filled by the store query that found the link.
type Link struct {
	Base
	Type       LinkType   `json:"type"`
	Kind       *string    `json:"kind,omitempty"`
	Role       *string    `json:"role,omitempty"`
	Count      *int       `json:"count,omitempty"`
	FirstSeen  *time.Time `json:"firstSeen,omitempty"`
	LastSeen   *time.Time `json:"lastSeen,omitempty"`
	Confidence float64    `json:"confidence"`
	SourceIDs  []string   `json:"sources"`
	// SourceMarks are the marks of the sources (keyline.SourceMark): the
	// link is visible only to whoever sees one of them.
	SourceMarks []string `json:"sourceMarks"`

	FromEntity Entity `json:"-"`
	ToEntity   Entity `json:"-"`
	// Viewpoint is the id of the entity the link was reached from.
	Viewpoint string `json:"-"`
}

// From, To and Other are the link's ends, filled when it was read. As
// plain methods (not resolvers) gqlgen marshals them inline rather than in
// a goroutine per link and end.

// From is the entity the link starts from.
func (l *Link) From() Entity { return l.FromEntity }

// To is the entity the link points to.
func (l *Link) To() Entity { return l.ToEntity }

// Other is, seen from the entity the link was reached from, the entity
// at the other end.
func (l *Link) Other() Entity {
	if b, ok := l.FromEntity.(interface{ NodeID() string }); ok && b.NodeID() == l.Viewpoint {
		return l.ToEntity
	}
	return l.FromEntity
}

// OperationOf returns the id of the operation holding the record.
func (b Base) OperationOf() string { return b.OperationID }

// AuditEvent is one entry of the append-only audit trail.
type AuditEvent struct {
	ID          string    `json:"id"`
	At          time.Time `json:"at"`
	Actor       string    `json:"actor"`
	OfficerID   *string   `json:"officerId,omitempty"`
	RequestID   *string   `json:"requestId,omitempty"`
	Action      string    `json:"action"`
	EntityKind  string    `json:"entityKind"`
	EntityID    string    `json:"entityId"`
	OperationID *string   `json:"operationId,omitempty"`
	Before      *string   `json:"before,omitempty"`
	After       *string   `json:"after,omitempty"`
	Reason      *string   `json:"reason,omitempty"`
	Purpose     *string   `json:"purpose,omitempty"`
	// Question, Parameters and ResultSize describe a SEARCH, ANALYSE or
	// EXPORT event (cypher.Question).
	Question   *string `json:"question,omitempty"`
	Parameters *string `json:"parameters,omitempty"`
	ResultSize *int    `json:"resultSize,omitempty"`
	// Withheld is set by the trail's reader, never stored: the event's
	// values were removed because the reader may not see its marking.
	Withheld bool `json:"-"`
}

// SavedSearch is a named, parameterised link query.
type SavedSearch struct {
	Base
	Name       string          `json:"name"`
	Kind       SavedSearchKind `json:"kind"`
	Parameters string          `json:"parameters"`
}
