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
	// LinkLevelKey and LinkLevel are the same rule for links as two
	// numbers (keyline.LinkLevels): a link is visible when its property
	// LinkLevelKey is at most LinkLevel, the caller's clearance rank.
	LinkLevelKey string
	LinkLevel    int
}

// ScopeOf derives the read scope of an actor from the one need-to-know
// rule (keyline.Actor.Sees): the Cypher fragments below apply the same
// rule to these lists. A nil actor, or one with an unknown clearance,
// sees nothing.
func ScopeOf(a *keyline.Actor) Scope {
	sc := Scope{Operations: []string{}, Cleared: []string{}, Handling: []string{}, LinkLevelKey: "sourceLevelP", LinkLevel: -1}
	if a == nil || !a.Clearance.Valid() {
		// No actor, or a clearance nobody issued: nothing at all.
		return sc
	}
	sc.LinkLevelKey, sc.LinkLevel = a.LinkLevelKey(), a.ClearanceRank()
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
	return sc
}

func (sc Scope) params(extra map[string]any) map[string]any {
	p := make(map[string]any, len(extra)+7)
	for k, v := range extra {
		p[k] = param(v)
	}
	// The scope is set last, so no caller-supplied parameter can widen it.
	p["allOps"], p["ops"], p["cleared"], p["handling"] = sc.AllOperations, sc.Operations, sc.Cleared, sc.Handling
	p["linkLevelKey"], p["linkLevel"] = sc.LinkLevelKey, sc.LinkLevel
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
//	__ENTITY_VISIBLE(n)__  __VISIBLE__ for an entity, which carries no
//	                     marking of its own: its operation
//	__LINK_VISIBLE(r)__  keyline.Actor.SeesLink: a link is visible only
//	                     when one of its sources is (its ends' operation
//	                     is checked with __VISIBLE__), by its levels
//	__SOURCE_MARK(s)__   keyline.SourceMark of a source, which the writes
//	                     that set a link's sources keep in r.sourceMarks
//	__LEVEL(marks)__, __LEVEL_P(marks)__  keyline.LinkLevels of marks,
//	                     kept beside them in r.sourceLevel, r.sourceLevelP
//
// Each reads the scope parameters that Scope.params sets last ($allOps,
// $ops, $cleared, $handling, $linkLevelKey, $linkLevel), so no
// caller parameter can widen them. TestScopeFragmentsMatchGo checks the Cypher and Go rules agree.
var scopeFragments = map[string]string{
	"VISIBLE": "((%[1]s:Officer OR (%[1]s.operationId IS NOT NULL AND ($allOps OR %[1]s.operationId IN $ops))) AND coalesce(%[1]s.classification, 'OFFICIAL') IN $cleared AND coalesce(%[1]s.gradeHandling, 'P') IN $handling)",
	// Entities (persons, organisations, locations, vehicles, comms
	// devices, events) carry no classification or handling code of their
	// own (docs/MODEL.md), so for them __VISIBLE__ is their operation
	// alone: the form the traversals use on every hop.
	"ENTITY_VISIBLE": "($allOps OR %[1]s.operationId IN $ops)",
	"MARKED":         "(coalesce(%[1]s.classification, 'OFFICIAL') IN $cleared AND coalesce(%[1]s.gradeHandling, 'P') IN $handling)",
	"MEMBER":         "(%[1]s IS NOT NULL AND ($allOps OR %[1]s IN $ops))",
	// An operation-level answer (a schedule, a dashboard, a chart of the
	// whole operation) needs the operation itself to be visible: its
	// membership and its own classification.
	"OPERATION_VISIBLE": "EXISTS { MATCH (scopeOp:Operation {id: %[1]s}) WHERE __VISIBLE(scopeOp)__ }",
	// keyline.Actor.SeesLink, by the link's levels (keyline.LinkLevels):
	// one property read and one comparison per relationship. Static
	// property names, not r[$linkLevelKey]: the dynamic lookup cost a links
	// page 13% (bench/filtercost), the static ones 0-3%.
	"LINK_VISIBLE": "(CASE WHEN $linkLevelKey = 'sourceLevel' THEN %[1]s.sourceLevel ELSE %[1]s.sourceLevelP END <= $linkLevel)",
	// keyline.SourceMark of a source record s, for the writes that keep a
	// link's sourceMarks.
	"SOURCE_MARK": "(coalesce(%[1]s.classification, 'OFFICIAL') + '/' + coalesce(%[1]s.gradeHandling, 'P'))",
	// The classification rank of a source record s (99 if unknown).
	"SOURCE_RANK": "coalesce({OFFICIAL: 0, OFFICIAL_SENSITIVE: 1, SECRET: 2, TOP_SECRET: 3}[coalesce(%[1]s.classification, 'OFFICIAL')], 99)",
	// keyline.LinkLevels of a list of marks, for the same writes.
	"LEVEL":   "reduce(lv = 99, m IN coalesce(%[1]s, []) | CASE WHEN coalesce({OFFICIAL: 0, OFFICIAL_SENSITIVE: 1, SECRET: 2, TOP_SECRET: 3}[split(m, '/')[0]], 99) < lv AND split(m, '/')[1] IN ['P', 'C'] THEN {OFFICIAL: 0, OFFICIAL_SENSITIVE: 1, SECRET: 2, TOP_SECRET: 3}[split(m, '/')[0]] ELSE lv END)",
	"LEVEL_P": "reduce(lv = 99, m IN coalesce(%[1]s, []) | CASE WHEN coalesce({OFFICIAL: 0, OFFICIAL_SENSITIVE: 1, SECRET: 2, TOP_SECRET: 3}[split(m, '/')[0]], 99) < lv AND split(m, '/')[1] = 'P' THEN {OFFICIAL: 0, OFFICIAL_SENSITIVE: 1, SECRET: 2, TOP_SECRET: 3}[split(m, '/')[0]] ELSE lv END)",
}

var scopeFragment = regexp.MustCompile(`__([A-Z_]+)\(([\w.$]+)\)__`)

// ExpandScope returns a statement's text with its scope fragments and
// link-type lists expanded, as the store loads it (for the peer
// benchmark's raw-Cypher floor, which runs Keyline's own statements).
func ExpandScope(text string) string { return expandScope(text) }

// Params returns the scope parameters with extra, as the store sends them
// (for the same floor).
func (sc Scope) Params(extra map[string]any) map[string]any { return sc.params(extra) }

// expandScope replaces every scope fragment and link-type list in a
// query's text; an unknown fragment name is a programming error.
func expandScope(text string) string {
	text = expandLinkTypes(text)
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
