package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/keyline/keyline/auth"
)

func devTokenCmd(cfg *config) *cobra.Command {
	var role string
	var ttl time.Duration
	cmd := &cobra.Command{
		Use:   "dev-token --role ROLE",
		Short: "Print a development bearer token for the demo user of a role (development mode only)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			user, ok := auth.DevUserForRole(strings.ReplaceAll(role, "-", "_"))
			if !ok {
				var roles []string
				for _, u := range auth.DevUsers {
					roles = append(roles, strings.ToLower(string(u.Roles[0])))
				}
				return fmt.Errorf("no demo user for role %q; roles: %s", role, strings.Join(roles, ", "))
			}
			signer, err := auth.LoadOrCreateDevKey(cfg.DevKeyPath)
			if err != nil {
				return err
			}
			tok, err := signer.Issue(user, ttl)
			if err != nil {
				return err
			}
			fmt.Println(tok)
			return nil
		},
	}
	cmd.Flags().StringVar(&role, "role", "analyst", "role of the demo user: analyst, investigator, action_manager, sio, deputy_sio, auditor, external_system")
	cmd.Flags().DurationVar(&ttl, "ttl", 12*time.Hour, "token lifetime")
	cmd.Flags().StringVar(&cfg.DevKeyPath, "dev-key", cfg.DevKeyPath, "development signing key (KEYLINE_DEV_KEY)")
	return cmd
}
