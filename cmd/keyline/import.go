package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
	"github.com/keyline/keyline/importer"
)

// importCmd loads CSV and JSON Lines exports from other systems. It writes
// as the named officer, who must be a member of the operation; every batch
// is audited under their identity.
func importCmd(cfg *config) *cobra.Command {
	var opID, as, kind, rejects, sourceURN string
	var batch, workers int
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Import CSV (.csv) or JSON Lines (.jsonl) exports: nominals, addresses, vehicles, phones, intelligence, contacts, actions (docs/IMPORT.md)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			if opID == "" || as == "" {
				return fmt.Errorf("--operation and --as (your identity subject) are required")
			}
			return withStore(cmd.Context(), cfg, func(store *cypher.Store) error {
				actor, err := importActor(cmd, store, as)
				if err != nil {
					return err
				}
				if err := actor.AuthoriseWrite(opID); err != nil {
					return err
				}
				var rw *os.File
				if rejects != "" {
					if rw, err = os.Create(rejects); err != nil {
						return err
					}
					defer rw.Close()
				}
				tty := term.IsTerminal(int(os.Stderr.Fd()))
				for _, f := range files {
					opts := importer.Options{Path: f, Kind: kind, OperationID: opID, BatchSize: batch, Workers: workers, SourceURN: sourceURN,
						Progress: importer.TerminalProgress(os.Stderr, tty)}
					if rw != nil {
						opts.Rejects = rw
					}
					sum, err := importer.ImportFile(cmd.Context(), store, actor, opts)
					fmt.Printf("%s: %d rows, %d loaded (%d created, %d updated, %d unchanged; links %d created, %d updated), %d rejected, %.0f rows/s\n",
						f, sum.Rows, sum.Loaded, sum.Created, sum.Updated, sum.Unchanged, sum.LinksCreated, sum.LinksUpdated, sum.Rejected, sum.Rate())
					for i, r := range sum.Rejects {
						if i == 20 {
							fmt.Printf("  ... and %d more (use --rejects FILE for all)\n", len(sum.Rejects)-20)
							break
						}
						fmt.Println("  rejected", r)
					}
					if err != nil {
						return fmt.Errorf("%s: %w (batches reported are committed; run again to resume)", f, err)
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&opID, "operation", "", "operation id to import into")
	cmd.Flags().StringVar(&as, "as", "", "your identity subject (an officer who is a member of the operation)")
	cmd.Flags().StringVar(&kind, "kind", "", "file kind; inferred from the file name (e.g. nominals.csv) when omitted: "+strings.Join(importer.Kinds, ", "))
	cmd.Flags().StringVar(&rejects, "rejects", "", "write every rejected row (file, line, field, reason) to this CSV")
	cmd.Flags().StringVar(&sourceURN, "source-urn", "", "intelligence item cited by links of rows that give no sourceUrn")
	cmd.Flags().IntVar(&batch, "batch", importer.DefaultBatchSize, "rows per transaction")
	cmd.Flags().IntVar(&workers, "workers", importer.DefaultWorkers, "batches written at once (actions: always 1)")
	return cmd
}

// importActor is the officer with this subject, with their role and
// memberships from the graph.
func importActor(cmd *cobra.Command, store *cypher.Store, subject string) (*keyline.Actor, error) {
	officerID, ops, err := store.Membership(cmd.Context(), subject)
	if err != nil {
		return nil, err
	}
	if officerID == "" {
		return nil, fmt.Errorf("no officer has the subject %q", subject)
	}
	recs, err := store.NodesByID(cmd.Context(), cypher.Scope{Operations: []string{}, Cleared: []string{"OFFICIAL"}, Handling: []string{"P"}}, []string{officerID})
	if err != nil {
		return nil, err
	}
	role, _ := recs[officerID].Props["role"].(string)
	r, ok := keyline.ParseRole(role)
	if !ok {
		return nil, fmt.Errorf("officer %s has no Keyline role", officerID)
	}
	return &keyline.Actor{Subject: subject, OfficerID: officerID, Roles: []keyline.Role{r}, Operations: ops, Clearance: keyline.Secret}, nil
}
