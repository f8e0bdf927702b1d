package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/auth"
	"github.com/keyline/keyline/cypher"
)

// serviceAccountCmd manages API keys for external systems. It is an
// administrator's tool: it talks to Neo4j directly, and every change is
// audited under the administrator's name.
func serviceAccountCmd(cfg *config) *cobra.Command {
	var admin string
	cmd := &cobra.Command{Use: "service-account", Short: "Create or revoke API keys for external systems"}
	cmd.PersistentFlags().StringVar(&admin, "admin", "", "your identity, recorded in the audit trail (required)")
	var name, clearance string
	var roles, ops []string
	create := &cobra.Command{
		Use:   "create",
		Short: "Create a service account and print its API key once",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if admin == "" || name == "" || len(ops) == 0 {
				return fmt.Errorf("--admin, --name and at least one --operation are required")
			}
			for _, r := range roles {
				if _, ok := keyline.ParseRole(r); !ok {
					return fmt.Errorf("unknown role %q", r)
				}
			}
			if _, ok := auth.ParseClassification(clearance); !ok {
				return fmt.Errorf("unknown clearance %q", clearance)
			}
			return withStore(cmd.Context(), cfg, func(store *cypher.Store) error {
				id := strings.TrimPrefix(keyline.NewID(keyline.KindOfficer), "off_")
				key, hash, err := auth.NewAPIKey(id)
				if err != nil {
					return err
				}
				a := &keyline.Actor{Subject: admin}
				if err := store.CreateServiceAccount(cmd.Context(), a, cypher.ServiceAccountRecord{ID: id, Name: name,
					Roles: upper(roles), Operations: ops, Clearance: strings.ToUpper(clearance), SecretHash: hash}); err != nil {
					return err
				}
				fmt.Printf("service account %s created. API key (shown once; send as 'Authorization: ApiKey <key>'):\n%s\n", id, key)
				return nil
			})
		},
	}
	create.Flags().StringVar(&name, "name", "", "the external system's name")
	create.Flags().StringSliceVar(&roles, "role", []string{"external_system"}, "roles granted")
	create.Flags().StringSliceVar(&ops, "operation", nil, "operation ids it may reach (repeatable)")
	create.Flags().StringVar(&clearance, "clearance", "OFFICIAL_SENSITIVE", "highest classification it may read")
	revoke := &cobra.Command{
		Use:   "revoke ID",
		Short: "Revoke a service account's key",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if admin == "" {
				return fmt.Errorf("--admin is required")
			}
			return withStore(cmd.Context(), cfg, func(store *cypher.Store) error {
				if err := store.RevokeServiceAccount(cmd.Context(), &keyline.Actor{Subject: admin}, args[0]); err != nil {
					return err
				}
				fmt.Println("revoked", args[0])
				return nil
			})
		},
	}
	cmd.AddCommand(create, revoke)
	return cmd
}

// withStore opens the store, applies pending migrations (logging each),
// runs fn and closes the store.
func withStore(ctx context.Context, cfg *config, fn func(*cypher.Store) error) error {
	log := cfg.logger()
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	applied, err := store.Migrate(ctx)
	if err != nil {
		return err
	}
	for _, m := range applied {
		log.Info().Str("migration", m).Msg("migration applied")
	}
	return fn(store)
}

func upper(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToUpper(s)
	}
	return out
}
