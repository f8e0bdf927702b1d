// Package resolvers implements the GraphQL schema. Resolvers stay thin:
// they read the actor from the context, validate input, and call the store
// through the request's loaders, which batch every nested read into a
// bounded number of Cypher round trips.
package resolvers

import (
	"github.com/rs/zerolog"

	"github.com/keyline/keyline/cypher"
)

// Resolver is the root resolver; it holds the store and nothing
// request-specific (that lives in the context: actor, loaders, reads).
type Resolver struct {
	Store *cypher.Store
	Log   zerolog.Logger
	// MembershipChanged, when set, is told after a write that changes an
	// operation's members (the authenticator's membership cache).
	MembershipChanged func()
}

// membershipChanged tells the authenticator that members changed.
func (r *Resolver) membershipChanged() {
	if r.MembershipChanged != nil {
		r.MembershipChanged()
	}
}
