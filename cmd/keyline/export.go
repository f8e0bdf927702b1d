package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// exportCmd fetches a link-analysis chart from a running Keyline, with the
// caller's own token, so the command line gets exactly what the API allows.
func exportCmd() *cobra.Command {
	var url, token, params, saved, out string
	cmd := &cobra.Command{
		Use:   "export KIND.FORMAT",
		Short: "Export a chart (network, paths, common-links, key-players as anx, graphml or json) from a running server",
		Long: "Export a chart from a running Keyline server. KIND is network, paths, common-links or key-players and\n" +
			"--params the JSON of that query's input; or give --saved ID to export a saved search. FORMAT is anx, graphml or json.\n" +
			"Example: keyline export network.anx --params '{\"seedIds\":[\"per_...\"],\"hops\":2}' --token \"$TOKEN\" > chart.anx",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = os.Getenv("KEYLINE_TOKEN")
			}
			var req *http.Request
			var err error
			if saved != "" {
				_, format, _ := strings.Cut(args[0], ".")
				req, err = http.NewRequestWithContext(cmd.Context(), http.MethodGet, url+"/export/saved/"+saved+"."+format, nil)
			} else {
				req, err = http.NewRequestWithContext(cmd.Context(), http.MethodPost, url+"/export/"+args[0], strings.NewReader(params))
				if err == nil {
					req.Header.Set("Content-Type", "application/json")
				}
			}
			if err != nil {
				return err
			}
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
				return fmt.Errorf("export refused (%s): %s", resp.Status, strings.TrimSpace(string(msg)))
			}
			w := io.Writer(os.Stdout)
			if out != "" {
				f, err := os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			_, err = io.Copy(w, resp.Body)
			return err
		},
	}
	cmd.Flags().StringVar(&url, "url", "http://127.0.0.1:8080", "Keyline server")
	cmd.Flags().StringVar(&token, "token", "", "bearer token (KEYLINE_TOKEN)")
	cmd.Flags().StringVar(&params, "params", "{}", "JSON input of the query")
	cmd.Flags().StringVar(&saved, "saved", "", "export this saved search instead")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}
