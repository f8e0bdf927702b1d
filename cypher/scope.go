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
}

// ScopeOf derives the read scope of an actor. A nil actor sees nothing.
func ScopeOf(a *keyline.Actor) Scope {
	sc := Scope{Operations: []string{}, Cleared: []string{}}
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
	return sc
}

func (sc Scope) params(extra map[string]any) map[string]any {
	p := map[string]any{"allOps": sc.AllOperations, "ops": sc.Operations, "cleared": sc.Cleared}
	for k, v := range extra {
		p[k] = param(v)
	}
	return p
}
