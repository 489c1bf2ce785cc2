package tokenize

// trainHook collects training examples while a splitter runs over text with
// known gold segmentation: decisions follow the gold standard.
type trainHook struct {
	// splitAt and endAt hold the gold word starts inside chunks and the
	// gold sentence ends, as byte offsets.
	splitAt map[int]bool
	endAt   map[int]bool

	// noSplits leaves split decisions to the model; noBounds records no
	// sentence examples.
	noSplits, noBounds bool

	splits, bounds []example
}

// example is one classifier decision: its features and the gold label.
type example struct {
	feats []uint64
	label bool
}

func (h *trainHook) split(fs []uint64, pos int) bool {
	y := h.splitAt[pos]
	h.splits = append(h.splits, example{feats: append([]uint64(nil), fs...), label: y})
	return y
}

func (h *trainHook) boundary(fs []uint64, pos int) bool {
	y := h.endAt[pos]
	if h.noBounds {
		return y
	}
	h.bounds = append(h.bounds, example{feats: append([]uint64(nil), fs...), label: y})
	return y
}
