// Command keyline serves Keyline's GraphQL API and runs its maintenance
// tasks: migrate, seed, serve, dev-token.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := newRoot().ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "keyline:", err)
		os.Exit(1)
	}
}

func newRoot() *cobra.Command {
	cfg := defaultConfig()
	root := &cobra.Command{
		Use:           "keyline",
		Short:         "Keyline: the investigation graph of a Serious and Organised Crime Unit, over GraphQL",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cfg.bindDatabase(root.PersistentFlags())
	root.PersistentFlags().StringVar(&cfg.LogLevel, "log-level", cfg.LogLevel, "log level: debug, info, warn, error (KEYLINE_LOG_LEVEL)")
	root.AddCommand(migrateCmd(cfg), seedCmd(cfg), serveCmd(cfg), devTokenCmd(cfg), serviceAccountCmd(cfg), exportCmd(), importCmd(cfg))
	return root
}
