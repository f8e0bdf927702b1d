package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	demo "github.com/keyline/keyline/seed"
	"github.com/keyline/keyline/synth"
)

func seedCmd(cfg *config) *cobra.Command {
	var ifEmpty bool
	var persons int
	var seedValue uint64
	cmd := &cobra.Command{
		Use:   "seed",
		Short: "Load the demo operation (Operation Kestrel), or with --synthetic N a large synthetic network",
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withStore(cmd.Context(), cfg, func(store *cypher.Store) error {
				return seed(cmd.Context(), cfg, store, ifEmpty, persons, seedValue)
			})
		},
	}
	cmd.Flags().BoolVar(&ifEmpty, "if-empty", false, "only load the demo when the database holds no records")
	cmd.Flags().IntVar(&persons, "synthetic", 0, "write a synthetic network of this many persons (e.g. 100000 or 1000000) into a new operation")
	cmd.Flags().Uint64Var(&seedValue, "seed", 2026, "random seed of the synthetic network (same seed, same network)")
	return cmd
}

// seed loads the demo operation, or a synthetic network.
func seed(ctx context.Context, cfg *config, store *cypher.Store, ifEmpty bool, persons int, seedValue uint64) error {
	log := cfg.logger()
	if persons > 0 {
		return seedSynthetic(ctx, persons, seedValue, store)
	}
	if ifEmpty {
		empty, err := store.Empty(ctx)
		if err != nil {
			return err
		}
		if !empty {
			fmt.Println("seed: the database already holds records; demo operation not loaded")
			return nil
		}
	}
	start := time.Now()
	sum, err := demo.Demo(ctx, store, log)
	if err != nil {
		return err
	}
	fmt.Printf("seed: loaded %s (%s) in %s: %d persons, %d intelligence items, %d links, %d actions, %d exhibits\n",
		demo.DemoReference, sum.Operation, time.Since(start).Round(time.Millisecond), sum.Persons, sum.Intelligence, sum.Links, sum.Actions, sum.Exhibits)
	return nil
}

func seedSynthetic(ctx context.Context, persons int, seedValue uint64, store *cypher.Store) error {
	actor := &keyline.Actor{Subject: "keyline-synth", Name: "Synthetic network generator", Roles: keyline.Roles, Clearance: keyline.TopSecret}
	ref := fmt.Sprintf("OP-SYNTH-%d-%d", persons, seedValue)
	op, err := store.CreateNode(ctx, actor, keyline.KindOperation, "", map[string]any{
		"reference": ref, "name": fmt.Sprintf("Synthetic network (%d persons, seed %d)", persons, seedValue),
		"status": "OPEN", "classification": "OFFICIAL_SENSITIVE", "opened": keyline.Date{Time: time.Now().UTC().Truncate(24 * time.Hour)},
	}, nil)
	if err != nil {
		return err
	}
	tty := term.IsTerminal(int(os.Stderr.Fd()))
	last := time.Time{}
	progress := func(stage string, done, total int) {
		if !tty && time.Since(last) < 5*time.Second && done < total {
			return
		}
		if tty && time.Since(last) < 200*time.Millisecond && done < total {
			return
		}
		last = time.Now()
		line := fmt.Sprintf("%-14s %10d / %-10d %5.1f%%", stage, done, total, 100*float64(done)/float64(max(total, 1)))
		if tty {
			fmt.Fprintf(os.Stderr, "\r%s", line)
			if done >= total {
				fmt.Fprintln(os.Stderr)
			}
		} else {
			fmt.Fprintln(os.Stderr, line)
		}
	}
	stats, err := synth.Generate(ctx, store, synth.Config{Persons: persons, Seed: seedValue, OperationID: op.ID(), Progress: progress})
	if err != nil {
		return err
	}
	fmt.Printf("seed: synthetic network %s (%s): %d nodes in %s, links in %s, %s in all\n", ref, op.ID(),
		stats.NodeCount(), stats.NodeTime.Round(time.Second), stats.LinkTime.Round(time.Second), stats.Elapsed.Round(time.Second))
	return nil
}
