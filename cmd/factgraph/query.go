package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/factgraph/factgraph/queries"
)

func newQueryCmd() *cobra.Command {
	var sf storeFlags
	var (
		list   bool
		params []string
		limit  int
		lang   string
		show   bool
	)
	c := &cobra.Command{
		Use:   "query [flags] (GIZMO | @FILE | NAME)",
		Short: "Run a Gizmo query, or a canned one by name; JSON out",
		Long: `query runs a Gizmo query on the store and prints the results as a JSON array.
The argument is Gizmo text, @FILE to read it from a file, or the name of a
canned query (see --list). Canned queries take parameters with --param.

Every query runs after the factgraph prelude, which defines the vocabulary
(fg("said"), NAME, SUBJ, OBJ, SOURCE, …) and helpers (entity(name),
nameOf(node)); --show prints the full text, ready to paste into the UI.`,
		Example: `  factgraph query --list
  factgraph query about --param entity="Dmitry Peskov"
  factgraph query who-said-what --param speaker=Putin
  factgraph query 'g.V().Has(fg("entityType"), "PERSON").Out(NAME).All()'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if list {
				return cobra.NoArgs(cmd, args)
			}
			return cobra.ExactArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			if list {
				tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
				for _, q := range queries.List() {
					first := strings.SplitN(q.Description, "\n", 2)[0]
					var ps []string
					for _, p := range q.Params {
						if p.Optional {
							ps = append(ps, "[--param "+p.Name+"=…]")
						} else {
							ps = append(ps, "--param "+p.Name+"=…")
						}
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\n", q.Name, strings.Join(ps, " "), strings.TrimPrefix(first, q.Name+": "))
				}
				return tw.Flush()
			}
			pm := map[string]string{}
			for _, p := range params {
				k, v, ok := strings.Cut(p, "=")
				if !ok {
					return fmt.Errorf("--param %q: write it as name=value", p)
				}
				pm[k] = v
			}
			text, err := queryText(args[0], pm, lang)
			if err != nil {
				return err
			}
			if show {
				fmt.Fprintln(out, text)
				return nil
			}
			ctx := cmd.Context()
			st, err := sf.open(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.Query(ctx, lang, text, limit)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(out)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(res)
		},
	}
	sf.register(c.Flags(), false)
	c.Flags().BoolVar(&list, "list", false, "list the canned queries")
	c.Flags().StringArrayVarP(&params, "param", "p", nil, "parameter of a canned query, name=value (repeatable)")
	c.Flags().IntVar(&limit, "limit", 1000, "maximum number of results")
	c.Flags().StringVar(&lang, "lang", "gizmo", "query language: gizmo or graphql")
	c.Flags().BoolVar(&show, "show", false, "print the query text instead of running it")
	return c
}

// queryText resolves the query argument: @FILE, a canned name or text.
func queryText(arg string, params map[string]string, lang string) (string, error) {
	body := arg
	if strings.HasPrefix(arg, "@") {
		b, err := os.ReadFile(arg[1:])
		if err != nil {
			return "", fmt.Errorf("read query: %w", err)
		}
		body = string(b)
	} else if q, err := queries.Get(arg); err == nil {
		return q.Render(params)
	}
	if lang != "gizmo" {
		return body, nil
	}
	return queries.Wrap(body, params)
}
