package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newEntitiesCmd() *cobra.Command {
	var sf storeFlags
	var format, typ string
	c := &cobra.Command{
		Use:   "entities [flags]",
		Short: "List the store's entities with type, canonical name, aliases, statements and documents",
		Long: `entities lists every entity of the store, one per real-world thing as the
resolver grouped them: its key (the IRI after https://factgraph.github.io/entity/,
which an --entities-file refers to), type, canonical name, every alias seen,
the number of statements it takes part in, and the documents that mention it.

--format table (the default) is for reading; jsonl gives one JSON object per
entity: {"key","id","type","names","aliases","docs","statements"}.`,
		Example: `  factgraph entities --type PERSON
  factgraph entities --format jsonl | jq 'select(.aliases | length > 2)'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "table" && format != "jsonl" {
				return fmt.Errorf("unknown --format %q (use table or jsonl)", format)
			}
			ctx := cmd.Context()
			st, err := sf.open(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			ents, err := st.Entities(ctx)
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			if format == "jsonl" {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				for _, e := range ents {
					if typ != "" && !strings.EqualFold(e.Type, typ) {
						continue
					}
					if err := enc.Encode(e); err != nil {
						return fmt.Errorf("write output: %w", err)
					}
				}
				return out.Flush()
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "KEY\tTYPE\tNAME\tALIASES\tSTATEMENTS\tDOCS")
			for _, e := range ents {
				if typ != "" && !strings.EqualFold(e.Type, typ) {
					continue
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\n", e.Key, e.Type, strings.Join(e.Names, " / "),
					strings.Join(e.Aliases, "; "), e.Statements, len(e.Docs))
			}
			if err := tw.Flush(); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			return out.Flush()
		},
	}
	sf.register(c.Flags(), false)
	c.Flags().StringVarP(&format, "format", "f", "table", "output format: table or jsonl")
	c.Flags().StringVar(&typ, "type", "", "only entities of this type (PERSON, ORG, GPE, …)")
	return c
}
