package model

import "github.com/keyline/keyline"

// Marked is a record need to know can judge: its operation,
// classification and handling code (keyline.Actor.Sees).
type Marked interface {
	Marking() keyline.Marking
}

// Marking of a record that carries no classification or handling code of
// its own: OFFICIAL, P, in its operation.
func (b Base) Marking() keyline.Marking { return keyline.Marking{OperationID: b.OperationID} }

// Marking of an operation: its own classification.
func (o Operation) Marking() keyline.Marking {
	return keyline.Marking{OperationID: o.ID, Classification: keyline.Classification(o.Classification)}
}

// Marking of an officer: unit-wide.
func (o Officer) Marking() keyline.Marking { return keyline.Marking{UnitWide: true} }

// Marking of an intelligence item: its classification and handling code.
func (i IntelligenceItem) Marking() keyline.Marking {
	return keyline.Marking{OperationID: i.OperationID, Classification: keyline.Classification(i.Classification), Handling: i.GradeHandling}
}

// LinkMarks are the marks of a link's sources (keyline.Actor.SeesLink).
func (l Link) LinkMarks() []string { return l.SourceMarks }
