package cypher

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/keyline/keyline"
)

// ServiceAccountRecord is a stored service account.
type ServiceAccountRecord struct {
	ID, Name   string
	Roles      []string
	Operations []string
	Clearance  string
	SecretHash string
	Revoked    bool
}

// ServiceAccount returns a service account by id, or nil if none.
func (s *Store) ServiceAccount(ctx context.Context, id string) (*ServiceAccountRecord, error) {
	rows, err := s.readOne(ctx, q("service_account_get"), map[string]any{"id": id})
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	p := asMap(rows[0]["props"])
	rec := &ServiceAccountRecord{ID: id, Roles: asStrings(p["roles"]), Operations: asStrings(p["operations"])}
	rec.Name, _ = p["name"].(string)
	rec.Clearance, _ = p["clearance"].(string)
	rec.SecretHash, _ = p["secretHash"].(string)
	rec.Revoked, _ = p["revoked"].(bool)
	return rec, nil
}

// CreateServiceAccount records a service account and the officer record
// it acts as (subject "svc:<id>"), a member of every operation of its
// scope, in one audited transaction. An operation of the scope that does
// not exist is refused: the account would silently reach less than asked.
func (s *Store) CreateServiceAccount(ctx context.Context, a *keyline.Actor, rec ServiceAccountRecord) error {
	return s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		props := map[string]any{"id": rec.ID, "name": rec.Name, "roles": rec.Roles, "operations": rec.Operations,
			"clearance": rec.Clearance, "secretHash": rec.SecretHash, "revoked": false, "createdAt": now(), "createdBy": a.Subject}
		officer := withBookkeeping(map[string]any{
			"collarNumber": "SVC-" + rec.ID[len(rec.ID)-8:], "name": rec.Name, "rank": "System",
			"role": string(keyline.RoleExternalSystem), "skills": []string{}, "subject": "svc:" + rec.ID,
		}, keyline.NewID(keyline.KindOfficer), now(), a)
		officer["label"], officer["searchText"] = keyline.Describe(keyline.KindOfficer, officer)
		rows, err := s.collect(ctx, tx, q("service_account_create"), map[string]any{
			"props": param(props), "officer": param(officer), "operations": rec.Operations})
		if err != nil {
			return err
		}
		joined := asStrings(rows[0]["joined"])
		for _, op := range rec.Operations {
			if !slices.Contains(joined, op) {
				return keyline.ErrNotFound(op)
			}
		}
		return s.audit(ctx, tx, a, auditEntry{action: "CREATE", kind: "ServiceAccount", id: rec.ID,
			after: map[string]any{"name": rec.Name, "roles": rec.Roles, "operations": rec.Operations, "clearance": rec.Clearance}})
	})
}

// RevokeServiceAccount revokes a service account (audited).
func (s *Store) RevokeServiceAccount(ctx context.Context, a *keyline.Actor, id string) error {
	return s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		rows, err := s.collect(ctx, tx, q("service_account_revoke"), map[string]any{"id": id, "now": now(), "actor": a.Subject})
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return keyline.ErrNotFound(id)
		}
		return s.audit(ctx, tx, a, auditEntry{action: "REVOKE", kind: "ServiceAccount", id: id})
	})
}
