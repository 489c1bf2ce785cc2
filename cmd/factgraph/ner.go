package main

import "github.com/spf13/cobra"

// nerCommands returns the top-level NER commands (ner).
func nerCommands() []*cobra.Command { return nil }

// nerTrainCommands returns the "train" subcommands for the recognizer.
func nerTrainCommands() []*cobra.Command { return nil }

// nerEvalCommands returns the "eval" subcommands for the recognizer.
func nerEvalCommands() []*cobra.Command { return nil }
