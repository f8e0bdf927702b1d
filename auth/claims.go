package auth

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lestrrat-go/jwx/v3/jwt"

	"github.com/keyline/keyline"
)

// Claim names Keyline reads beyond the registered ones.
const (
	claimName      = "name"
	claimRoles     = "roles"
	claimClearance = "clearance"
)

// actorFromToken turns a verified token into an actor. Roles the unit does
// not recognise are ignored (a provider may carry roles for other systems),
// but a token with none of ours grants nothing and is refused.
func actorFromToken(tok jwt.Token) (*keyline.Actor, error) {
	sub, _ := tok.Subject()
	if sub == "" {
		return nil, errors.New("token has no subject")
	}
	if strings.HasPrefix(sub, serviceSubjectPrefix) {
		// Service identities come only from API keys; a token claiming
		// one would borrow that account's operation scope.
		return nil, errors.New("token subject uses the service-account prefix")
	}
	var name string
	if tok.Has(claimName) {
		var v any
		if err := tok.Get(claimName, &v); err == nil {
			name, _ = v.(string)
		}
	}
	roles, err := tokenRoles(tok)
	if err != nil {
		return nil, err
	}
	clearance := keyline.Official
	if tok.Has(claimClearance) {
		var v any
		if err := tok.Get(claimClearance, &v); err != nil {
			return nil, fmt.Errorf("clearance claim: %w", err)
		}
		s, _ := v.(string)
		c, ok := ParseClassification(s)
		if !ok {
			return nil, fmt.Errorf("clearance claim %q is not a classification", s)
		}
		clearance = c
	}
	return &keyline.Actor{Subject: sub, Name: name, Roles: roles, Clearance: clearance}, nil
}

// tokenRoles reads the roles claim: an array of names, or (as some
// providers emit for a single value) one name.
func tokenRoles(tok jwt.Token) ([]keyline.Role, error) {
	if !tok.Has(claimRoles) {
		return nil, errors.New("token has no roles claim")
	}
	var v any
	if err := tok.Get(claimRoles, &v); err != nil {
		return nil, fmt.Errorf("roles claim: %w", err)
	}
	var names []string
	switch v := v.(type) {
	case string:
		names = []string{v}
	case []string:
		names = v
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				names = append(names, s)
			}
		}
	}
	roles := parseRoles(names)
	if len(roles) == 0 {
		return nil, errors.New("token carries no Keyline role")
	}
	return roles, nil
}

// parseRoles keeps the recognised roles, once each, in the order given.
func parseRoles(names []string) []keyline.Role {
	var roles []keyline.Role
	seen := map[keyline.Role]bool{}
	for _, n := range names {
		if r, ok := keyline.ParseRole(strings.TrimSpace(n)); ok && !seen[r] {
			seen[r] = true
			roles = append(roles, r)
		}
	}
	return roles
}

// ParseClassification accepts a classification as identity providers write
// it: any case, with "_", "-" or a space between words ("official-sensitive").
func ParseClassification(s string) (keyline.Classification, bool) {
	norm := strings.Map(func(r rune) rune {
		switch r {
		case '-', ' ':
			return '_'
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(s)))
	c := keyline.Classification(norm)
	return c, c.Valid()
}
