// Package carb implements the CaRB benchmark for open information
// extraction (Bhardwaj, Aggarwal and Mausam, EMNLP 2019) as CaRB's own
// scorer defines it: gold and predicted tuples are grouped by sentence
// (sentences compared with spaces and punctuation removed), every
// predicted tuple is scored against every gold tuple by token overlap of
// the relation and of the two arguments (the second and later arguments
// joined, CaRB's "binary lenient tuple match"), and precision and recall
// are computed at every confidence threshold: recall with each gold tuple
// credited by its best match, precision with a one-to-one greedy matching.
// The result is the best F1 over the thresholds and the area under the
// precision–recall curve.
//
// Cross-checked rule by rule against CaRB's carb.py and matcher.py
// (dair-iitd/CaRB): the gold and tab readers (context arguments "C: "
// dropped, fields trimmed as there), the sentence key, the matcher (case
// and stopwords kept although the call passes ignore flags the matcher
// never reads; "be" matching any form of be; no match without a shared
// relation word or with fewer than two predicted arguments; the reversed
// match for gold relations containing said/told/added/adds/says, as a
// substring), thresholds from every predicted confidence, recall by each
// gold tuple's best match, precision by the greedy one-to-one matching,
// precision 1 and recall 0 where nothing is counted, and the area by the
// trapezoidal rule with (recall 0, precision 1) appended. No divergence
// was found; note that this area rewards a single confidence for all
// extractions (one point joined to (0, 1)) over a ranking whose top
// precision stays well below 1.
package carb

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Extraction is one tuple: a relation phrase with its arguments, read from
// a sentence, with a confidence (1 for gold tuples).
type Extraction struct {
	Sentence   string
	Confidence float64
	Relation   string
	Args       []string
}

// ReadGold reads CaRB gold tuples: one per line,
// sentence<TAB>relation<TAB>arg1<TAB>arg2…; arguments starting with "C: "
// (CaRB's context markers) are dropped, as CaRB's reader does.
func ReadGold(r io.Reader) ([]Extraction, error) {
	var out []Extraction
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		data := strings.Split(strings.TrimSpace(sc.Text()), "\t")
		if len(data) < 2 {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			return nil, fmt.Errorf("carb gold line %d: want sentence and relation, got %d fields", line, len(data))
		}
		e := Extraction{Sentence: strings.TrimSpace(data[0]), Confidence: 1, Relation: strings.TrimSpace(data[1])}
		for _, a := range data[2:] {
			if strings.Contains(a, "C: ") {
				continue
			}
			e.Args = append(e.Args, strings.TrimSpace(a))
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read carb gold: %w", err)
	}
	return out, nil
}

// ReadPredictions reads extractions in CaRB's tab-separated system format:
// sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2…
func ReadPredictions(r io.Reader) ([]Extraction, error) {
	var out []Extraction
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		data := strings.Split(strings.TrimSpace(sc.Text()), "\t")
		if len(data) < 3 {
			return nil, fmt.Errorf("carb predictions line %d: want sentence, confidence and relation, got %d fields", line, len(data))
		}
		conf, err := strconv.ParseFloat(data[1], 64)
		if err != nil {
			return nil, fmt.Errorf("carb predictions line %d: confidence: %w", line, err)
		}
		out = append(out, Extraction{Sentence: data[0], Confidence: conf, Relation: data[2], Args: data[3:]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read carb predictions: %w", err)
	}
	return out, nil
}

// WriteTSV writes extractions in CaRB's system format, one per line.
// Tabs and newlines inside fields are replaced by spaces.
func WriteTSV(w io.Writer, es []Extraction) error {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	bw := bufio.NewWriter(w)
	for _, e := range es {
		bw.WriteString(clean.Replace(e.Sentence))
		bw.WriteByte('\t')
		bw.WriteString(strconv.FormatFloat(e.Confidence, 'f', 4, 64))
		bw.WriteByte('\t')
		bw.WriteString(clean.Replace(e.Relation))
		for _, a := range e.Args {
			bw.WriteByte('\t')
			bw.WriteString(clean.Replace(a))
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write extractions: %w", err)
	}
	return nil
}

// NormalizeSentence is CaRB's sentence key: spaces removed, PTB bracket
// escapes undone, ASCII punctuation removed.
func NormalizeSentence(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	s = ptbUnescape.Replace(s)
	var b strings.Builder
	for _, r := range s {
		if r < 128 && strings.ContainsRune(asciiPunct, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

var ptbUnescape = strings.NewReplacer("-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}")

// Point is one point of the precision–recall curve: the scores of the
// extractions with confidence ≥ Threshold.
type Point struct {
	Threshold, Precision, Recall, F1 float64
}

// Result is a CaRB score.
type Result struct {
	// Precision, Recall and F1 at the threshold with the best F1.
	Precision, Recall, F1 float64
	Threshold             float64
	// AUC is the area under the precision–recall curve, with the point
	// (recall 0, precision 1) added, by the trapezoidal rule.
	AUC float64
	// Curve has one point per distinct predicted confidence, ascending.
	Curve []Point
	// Gold and Predicted count the tuples scored: all gold tuples and the
	// predicted tuples of sentences that have gold tuples.
	Gold, Predicted int
}

// Match scores a predicted tuple against a gold one with CaRB's
// binary lenient tuple match and returns its precision and recall.
func Match(ref, ex *Extraction) (precision, recall float64) {
	m := match(ref, ex)
	return m[0], m[1]
}

// match scores a predicted tuple against a gold one: CaRB's
// binary_linient_tuple_match, returning (precision, recall).
func match(ref, ex *Extraction) [2]float64 {
	r := binarize(trimEmpty(ref.Args))
	e := binarize(trimEmpty(ex.Args))
	straight := lenientMatch(ref.Relation, r, ex.Relation, e)
	said := false
	for _, v := range []string{"said", "told", "added", "adds", "says"} {
		if strings.Contains(ref.Relation, v) {
			said = true
			break
		}
	}
	if !said {
		return straight
	}
	if len(ex.Args) >= 2 {
		e = []string{strings.Join(ex.Args[1:], " "), ex.Args[0]}
	}
	reverse := lenientMatch(ref.Relation, r, ex.Relation, e)
	// Python compares the [precision, recall] lists lexicographically.
	if reverse[0] > straight[0] || reverse[0] == straight[0] && reverse[1] > straight[1] {
		return reverse
	}
	return straight
}

// trimEmpty drops trailing empty arguments: CaRB reads tuples from
// stripped lines, so an empty last argument is no argument (an extraction
// with an empty second argument does not match a two-argument gold tuple).
func trimEmpty(args []string) []string {
	for len(args) > 0 && strings.TrimSpace(args[len(args)-1]) == "" {
		args = args[:len(args)-1]
	}
	return args
}

func binarize(args []string) []string {
	if len(args) >= 2 {
		return []string{args[0], strings.Join(args[1:], " ")}
	}
	return args
}

// removeFirst removes the first occurrence of w from words.
func removeFirst(words []string, w string) ([]string, bool) {
	for i, x := range words {
		if x == w {
			return append(words[:i:i], words[i+1:]...), true
		}
	}
	return words, false
}

// overlap counts the gold words found in predicted, each predicted word
// used once, and returns what is left of predicted.
func overlap(gold, predicted []string) (int, []string) {
	n := 0
	for _, w := range gold {
		var ok bool
		if predicted, ok = removeFirst(predicted, w); ok {
			n++
		}
	}
	return n, predicted
}

var formsOfBe = []string{"be", "is", "am", "are", "was", "were", "been", "being"}

// lenientMatch is CaRB's linient_tuple_match on binarized arguments.
func lenientMatch(refRel string, refArgs []string, exRel string, exArgs []string) [2]float64 {
	var precNum, precDen, recNum, recDen int
	pred := strings.Fields(exRel)
	gold := strings.Fields(refRel)
	precDen += len(pred)
	recDen += len(gold)
	m, rest := overlap(gold, append([]string(nil), pred...))
	if _, ok := removeFirst(rest, "be"); ok {
		for _, f := range formsOfBe {
			if contains(gold, f) {
				m++
				break
			}
		}
	}
	if m == 0 {
		return [2]float64{}
	}
	precNum += m
	recNum += m
	for i := range refArgs {
		g := strings.Fields(refArgs[i])
		recDen += len(g)
		if len(exArgs) <= i {
			if i < 2 {
				return [2]float64{}
			}
			continue
		}
		p := strings.Fields(exArgs[i])
		precDen += len(p)
		m, _ := overlap(g, p)
		precNum += m
		recNum += m
	}
	var out [2]float64
	if precDen > 0 {
		out[0] = float64(precNum) / float64(precDen)
	}
	if recDen > 0 {
		out[1] = float64(recNum) / float64(recDen)
	}
	return out
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// group collects extractions by normalised sentence. As in CaRB, when two
// different sentence texts normalise to the same key, the later text's
// tuples replace the earlier's.
func group(es []Extraction) map[string][]*Extraction {
	byText := map[string][]*Extraction{}
	var order []string
	for i := range es {
		t := es[i].Sentence
		if _, ok := byText[t]; !ok {
			order = append(order, t)
		}
		byText[t] = append(byText[t], &es[i])
	}
	out := make(map[string][]*Extraction, len(order))
	for _, t := range order {
		out[NormalizeSentence(t)] = byText[t]
	}
	return out
}

// Group returns the extractions by CaRB's sentence key (NormalizeSentence
// of the sentence text), with CaRB's rule for texts sharing a key.
func Group(es []Extraction) map[string][]*Extraction { return group(es) }

// Score computes the CaRB measure of pred against gold.
func Score(gold, pred []Extraction) Result {
	g := group(gold)
	p := group(pred)
	seen := map[float64]bool{}
	var thresholds []float64
	for _, es := range p {
		for _, e := range es {
			if !seen[e.Confidence] {
				seen[e.Confidence] = true
				thresholds = append(thresholds, e.Confidence)
			}
		}
	}
	sort.Float64s(thresholds)
	index := make(map[float64]int, len(thresholds))
	for i, t := range thresholds {
		index[t] = i
	}
	n := len(thresholds)
	pn, pl, rn, rl := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	var res Result
	for key, golds := range g {
		preds := p[key]
		res.Gold += len(golds)
		res.Predicted += len(preds)
		scores := make([][][2]float64, len(golds))
		for i, ge := range golds {
			scores[i] = make([][2]float64, len(preds))
			for j, pe := range preds {
				scores[i][j] = match(ge, pe)
			}
		}
		confs := make([]float64, len(preds))
		for j, pe := range preds {
			confs[j] = pe.Confidence
		}
		sort.Float64s(confs)
		prev := 0
		for _, conf := range confs {
			c := index[conf]
			if c+1 <= prev {
				continue // a repeated confidence adds nothing (empty range in CaRB)
			}
			var ext []int
			for j, pe := range preds {
				if pe.Confidence >= conf {
					ext = append(ext, j)
				}
			}
			recall := 0.0
			for i := range scores {
				best := 0.0
				for k, j := range ext {
					if k == 0 || scores[i][j][1] > best {
						best = scores[i][j][1]
					}
				}
				recall += best
			}
			precision := 0.0
			usedRow := make([]bool, len(scores))
			usedCol := make([]bool, len(preds))
			for t := 0; t < min(len(scores), len(ext)); t++ {
				row, col, best := -1, -1, -1.0
				for i := range scores {
					if usedRow[i] {
						continue
					}
					for _, j := range ext {
						if usedCol[j] {
							continue
						}
						if scores[i][j][0] > best {
							best, row, col = scores[i][j][0], i, j
						}
					}
				}
				usedRow[row], usedCol[col] = true, true
				precision += scores[row][col][0]
			}
			for k := prev; k <= c; k++ {
				pn[k] += precision
				pl[k] += float64(len(ext))
				rn[k] += recall
				rl[k] += float64(len(scores))
			}
			prev = c + 1
		}
		for k := prev; k < n; k++ {
			rl[k] += float64(len(scores))
		}
	}
	if n == 0 {
		return res
	}
	res.Curve = make([]Point, n)
	bestF1 := -1.0
	for k := range n {
		pt := Point{Threshold: thresholds[k], Precision: 1}
		if pl[k] > 0 {
			pt.Precision = pn[k] / pl[k]
		}
		if rl[k] > 0 {
			pt.Recall = rn[k] / rl[k]
		}
		if pt.Precision+pt.Recall > 0 {
			pt.F1 = 2 * pt.Precision * pt.Recall / (pt.Precision + pt.Recall)
		}
		res.Curve[k] = pt
		if pt.F1 > bestF1 {
			bestF1 = pt.F1
			res.Precision, res.Recall, res.F1, res.Threshold = pt.Precision, pt.Recall, pt.F1, pt.Threshold
		}
	}
	res.AUC = auc(res.Curve)
	return res
}

// auc is the trapezoidal area under the curve's points in threshold order
// (recall falling) followed by (recall 0, precision 1), as CaRB computes it
// with scikit-learn.
func auc(curve []Point) float64 {
	xs := make([]float64, 0, len(curve)+1)
	ys := make([]float64, 0, len(curve)+1)
	for _, pt := range curve {
		xs = append(xs, pt.Recall)
		ys = append(ys, pt.Precision)
	}
	xs = append(xs, 0)
	ys = append(ys, 1)
	area := 0.0
	for i := 1; i < len(xs); i++ {
		area += (xs[i] - xs[i-1]) * (ys[i] + ys[i-1]) / 2
	}
	return -area // recall falls along the curve
}
