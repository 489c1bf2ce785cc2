package main

import "github.com/spf13/cobra"

// nlpCommands returns the top-level NLP commands (parse).
func nlpCommands() []*cobra.Command { return nil }

// nlpTrainCommands returns the "train" subcommands for the tokenizer, tagger,
// lemmatizer and parser.
func nlpTrainCommands() []*cobra.Command { return nil }

// nlpEvalCommands returns the "eval" subcommands for parsing.
func nlpEvalCommands() []*cobra.Command { return nil }
