package main

import (
	"context"
	"fmt"

	"github.com/rs/zerolog"
	"github.com/spf13/cobra"

	"github.com/keyline/keyline/cypher"
)

func openStore(ctx context.Context, cfg *config, log zerolog.Logger) (*cypher.Store, error) {
	// Environment only: whether reads carry bookmarks is a property of
	// the deployment (a cluster or one server), not of a run.
	p, err := cypher.ParseBookmarkPolicy(env("KEYLINE_NEO4J_BOOKMARKS", ""))
	if err != nil {
		return nil, fmt.Errorf("KEYLINE_NEO4J_BOOKMARKS: %w", err)
	}
	nc := cfg.Neo4j
	nc.Bookmarks = p
	return cypher.Open(ctx, nc, log)
}

func migrateCmd(cfg *config) *cobra.Command {
	return &cobra.Command{
		Use:   "migrate",
		Short: "Apply the schema migrations (constraints and indexes) not yet applied",
		RunE: func(cmd *cobra.Command, _ []string) error {
			log := cfg.logger()
			store, err := openStore(cmd.Context(), cfg, log)
			if err != nil {
				return err
			}
			defer store.Close(context.Background())
			applied, err := store.Migrate(cmd.Context())
			if err != nil {
				return err
			}
			if len(applied) == 0 {
				fmt.Println("migrations: up to date")
			}
			for _, m := range applied {
				fmt.Println("migrations: applied", m)
			}
			return nil
		},
	}
}
