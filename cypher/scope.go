package cypher

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/keyline/keyline"
)

// Scope is the need-to-know filter every read applies in Cypher: the
// operations the caller may see and the classifications they are cleared
// for. Built from the actor in one place, so no resolver can forget it.
type Scope struct {
	AllOperations bool
	Operations    []string
	Cleared       []string
	// Handling lists the 3x5x2 handling codes the caller may receive:
	// external systems get only P, because C-coded material may be shared
	// only subject to its conditions, which a machine outside the unit
	// cannot be trusted to honour.
	Handling []string
	// Marks lists the source marks (keyline.SourceMark) the caller sees:
	// a link is visible when one of its sources' marks is among them.
	Marks []string
}

// ScopeOf derives the read scope of an actor from the one need-to-know
// rule (keyline.Actor.Sees): the Cypher fragments below apply the same
// rule to these lists. A nil actor sees nothing.
func ScopeOf(a *keyline.Actor) Scope {
	sc := Scope{Operations: []string{}, Cleared: []string{}, Handling: []string{}, Marks: []string{}}
	if a == nil {
		return sc
	}
	sc.AllOperations = a.ReadsAcrossOperations()
	sc.Operations = slices.Clone(a.Operations)
	if sc.Operations == nil {
		sc.Operations = []string{}
	}
	for _, c := range keyline.Classifications {
		if a.Cleared(c) {
			sc.Cleared = append(sc.Cleared, string(c))
		}
	}
	for _, h := range []string{keyline.HandlingP, keyline.HandlingC} {
		if a.ReceivesHandling(h) {
			sc.Handling = append(sc.Handling, h)
		}
	}
	sc.Marks = a.VisibleSourceMarks()
	return sc
}

func (sc Scope) params(extra map[string]any) map[string]any {
	p := make(map[string]any, len(extra)+5)
	for k, v := range extra {
		p[k] = param(v)
	}
	// The scope is set last, so no caller-supplied parameter can widen it.
	p["allOps"], p["ops"], p["cleared"], p["handling"], p["marks"] = sc.AllOperations, sc.Operations, sc.Cleared, sc.Handling, sc.Marks
	return p
}

// The need-to-know rule in Cypher, written once and expanded into the
// query files that name it (never copied into them):
//
//	__VISIBLE(n)__       keyline.Actor.Sees: n's operation (officers are
//	                     unit-wide), classification and handling code
//	__MARKED(n)__        keyline.Actor.SeesMarking: classification and
//	                     handling only, where the operation is checked
//	                     on the way in
//	__MEMBER(expr)__     the operation half alone, for an operation id
//	__OPERATION_VISIBLE(expr)__  the operation with that id is visible
//	                     (membership and its own classification), for
//	                     operation-level answers such as a schedule
//	__LINK_VISIBLE(r)__  keyline.Actor.SeesLink: a link is visible only
//	                     when one of its sources is (its ends' operation
//	                     is checked with __VISIBLE__)
//	__SOURCE_MARK(s)__   keyline.SourceMark of a source, which the writes
//	                     that set a link's sources keep in r.sourceMarks
//
// Each reads the scope parameters that Scope.params sets last ($allOps,
// $ops, $cleared, $handling, $marks), so no caller parameter can widen
// them. TestScopeFragmentsMatchGo checks the Cypher and Go rules agree.
var scopeFragments = map[string]string{
	"VISIBLE": "((%[1]s:Officer OR (%[1]s.operationId IS NOT NULL AND ($allOps OR %[1]s.operationId IN $ops))) AND coalesce(%[1]s.classification, 'OFFICIAL') IN $cleared AND coalesce(%[1]s.gradeHandling, 'P') IN $handling)",
	"MARKED":  "(coalesce(%[1]s.classification, 'OFFICIAL') IN $cleared AND coalesce(%[1]s.gradeHandling, 'P') IN $handling)",
	"MEMBER":  "(%[1]s IS NOT NULL AND ($allOps OR %[1]s IN $ops))",
	// An operation-level answer (a schedule, a dashboard, a chart of the
	// whole operation) needs the operation itself to be visible: its
	// membership and its own classification.
	"OPERATION_VISIBLE": "EXISTS { MATCH (scopeOp:Operation {id: %[1]s}) WHERE __VISIBLE(scopeOp)__ }",
	"LINK_VISIBLE":      "any(mark IN coalesce(%[1]s.sourceMarks, []) WHERE mark IN $marks)",
	// keyline.SourceMark of a source record s, for the writes that keep a
	// link's sourceMarks.
	"SOURCE_MARK": "(coalesce(%[1]s.classification, 'OFFICIAL') + '/' + coalesce(%[1]s.gradeHandling, 'P'))",
}

var scopeFragment = regexp.MustCompile(`__([A-Z_]+)\(([\w.$]+)\)__`)

// expandScope replaces every scope fragment in a query's text; an unknown
// fragment name is a programming error.
func expandScope(text string) string {
	for scopeFragment.MatchString(text) {
		text = expandScopeOnce(text)
	}
	return text
}

func expandScopeOnce(text string) string {
	return scopeFragment.ReplaceAllStringFunc(text, func(m string) string {
		sub := scopeFragment.FindStringSubmatch(m)
		f, ok := scopeFragments[sub[1]]
		if !ok {
			panic(fmt.Sprintf("cypher: unknown scope fragment %s", m))
		}
		return fmt.Sprintf(f, sub[2])
	})
}
