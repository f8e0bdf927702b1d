package cypher

import (
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
}

// ScopeOf derives the read scope of an actor. A nil actor sees nothing.
func ScopeOf(a *keyline.Actor) Scope {
	sc := Scope{Operations: []string{}, Cleared: []string{}, Handling: []string{}}
	if a == nil {
		return sc
	}
	sc.Handling = []string{"P", "C"}
	if a.Has(keyline.RoleExternalSystem) && len(a.Roles) == 1 {
		sc.Handling = []string{"P"}
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
	return sc
}

func (sc Scope) params(extra map[string]any) map[string]any {
	p := make(map[string]any, len(extra)+4)
	for k, v := range extra {
		p[k] = param(v)
	}
	// The scope is set last, so no caller-supplied parameter can widen it.
	p["allOps"], p["ops"], p["cleared"], p["handling"] = sc.AllOperations, sc.Operations, sc.Cleared, sc.Handling
	return p
}
