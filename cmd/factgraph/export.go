package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/factgraph/factgraph/graph"
	"github.com/factgraph/factgraph/schema"
)

func newExportCmd() *cobra.Command {
	var sf storeFlags
	var format, output string
	c := &cobra.Command{
		Use:   "export [flags]",
		Short: "Write the whole graph for other tools (N-Quads, JSON-LD, GraphML, CSV, JSON Lines)",
		Long: `export writes every quad of the store. N-Quads keeps each quad's label (the
document it came from) and escapes what N-Quads forbids, so that cayley load,
rapper or rdflib read it back; CSV has the columns subject, predicate,
object, object_kind, label; JSON Lines one object per quad.`,
		Example: `  factgraph export --format nquads -o graph.nq
  factgraph export --format graphml -o graph.graphml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := sf.open(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			if output == "" || output == "-" {
				_, err := st.Export(ctx, cmd.OutOrStdout(), format)
				return err
			}
			// Write to a temporary file beside the target and rename, so a
			// failed export never leaves a truncated file behind.
			tmp, err := os.CreateTemp(filepath.Dir(output), ".factgraph-export-*")
			if err != nil {
				return fmt.Errorf("create output: %w", err)
			}
			defer os.Remove(tmp.Name())
			n, err := st.Export(ctx, tmp, format)
			if cerr := tmp.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
			if err := os.Rename(tmp.Name(), output); err != nil {
				return fmt.Errorf("write %s: %w", output, err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "exported %d quads to %s\n", n, output)
			return nil
		},
	}
	sf.register(c.Flags(), false)
	c.Flags().StringVarP(&format, "format", "f", "nquads", "format: "+strings.Join(graph.ExportFormats, ", "))
	c.Flags().StringVarP(&output, "output", "o", "", "output file (default stdout)")
	return c
}

func newDeleteCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "delete [flags] DOCUMENT-ID...",
		Short: "Remove articles and exactly the quads they contributed",
		Long: `delete removes every quad labelled with the document's IRI, in one
transaction per document. Entities and facts that other documents also state
stay, with those documents as their sources. DOCUMENT-ID is the id printed by
build and extract (the "id" of the document record), or the document IRI.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return fmt.Errorf("delete needs at least one DOCUMENT-ID (the ids are listed by `factgraph query documents`)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := sf.open(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			missing := 0
			for _, id := range args {
				iri := schema.DocIRI(id)
				if strings.HasPrefix(id, schema.Base) {
					iri = schema.DocIRI(schema.DocID(quadIRI(id)))
				}
				n, err := st.DeleteLabel(ctx, iri)
				if err != nil {
					return err
				}
				if n == 0 {
					warnf("no document %q in the store", id)
					missing++
					continue
				}
				fmt.Fprintf(cmd.OutOrStdout(), "deleted %s (%d quads)\n", id, n)
			}
			if missing > 0 {
				return &exitError{code: 1, err: fmt.Errorf("%d document(s) not found", missing)}
			}
			return nil
		},
	}
	sf.register(c.Flags(), true)
	return c
}
