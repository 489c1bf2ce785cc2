// Package temporal finds dates, times, money, percentages and quantities in
// tokenised text and normalises them: DATE values are ISO 8601 dates,
// months, years or weeks ("2021-03-17", "2021-03", "2021", "2021-W10") or
// durations ("P20Y"), resolved against the article's date when it is known
// ("on Wednesday" in an article of Thursday 2021-03-18 is 2021-03-17);
// TIME values are "T14:30" (with the date when one precedes it); MONEY is
// "5000000 USD"; PERCENT is "5%"; QUANTITY is "6400000 bags".
//
// The rules work on tokens rather than raw strings so that their spans line
// up with the tokens the rest of the pipeline uses.
package temporal

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Reference is what relative expressions are resolved against.
type Reference struct {
	Date  time.Time
	Known bool
}

// Value is one expression found: tokens [Start, End), its type (DATE,
// TIME, MONEY, PERCENT, QUANTITY) and its normalised value ("" when it
// cannot be normalised, e.g. "Wednesday" without a reference date).
type Value struct {
	Start, End int
	Type       string
	Value      string
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar": 3, "mar.": 3,
	"april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun": 6, "jun.": 6, "july": 7, "jul": 7,
	"jul.": 7, "august": 8, "aug": 8, "aug.": 8, "september": 9, "sep": 9, "sep.": 9, "sept": 9,
	"sept.": 9, "october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11,
	"december": 12, "dec": 12, "dec.": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
	"sun.": 0, "mon.": 1, "tue.": 2, "tues.": 2, "wed.": 3, "thu.": 4, "thur.": 4, "thurs.": 4,
	"fri.": 5, "sat.": 6,
}

// finder scans one sentence.
type finder struct {
	w   []string // as written
	lw  []string // lower case
	ref Reference
	out []Value
}

// Find returns the expressions of a sentence's tokens, left to right,
// without overlaps.
func Find(words []string, ref Reference) []Value {
	f := &finder{w: words, lw: make([]string, len(words)), ref: ref}
	for i, w := range words {
		f.lw[i] = strings.ToLower(w)
	}
	for i := 0; i < len(words); {
		if v, ok := f.at(i); ok && v.End > i {
			f.out = append(f.out, v)
			i = v.End
			continue
		}
		i++
	}
	return f.out
}

func (f *finder) word(i int) string {
	if i < 0 || i >= len(f.lw) {
		return ""
	}
	return f.lw[i]
}

// starters are the words other than numbers that can start an expression.
var starters = map[string]bool{
	"last": true, "next": true, "this": true, "past": true, "coming": true, "previous": true,
	"today": true, "tonight": true, "yesterday": true, "tomorrow": true, "over": true,
	"nearly": true, "almost": true, "about": true, "some": true, "more": true, "around": true,
	"noon": true, "midday": true, "midnight": true, "early": true, "late": true, "mid": true,
}

// mayStart reports whether an expression can start at token i.
func (f *finder) mayStart(i int) bool {
	w := f.lw[i]
	if w == "" {
		return false
	}
	if c := w[0]; c >= '0' && c <= '9' || c == '$' || c == '.' || c >= 0x80 {
		return true
	}
	if starters[w] {
		return true
	}
	if _, ok := months[w]; ok {
		return true
	}
	if _, ok := weekdays[w]; ok {
		return true
	}
	if _, ok := numberWords[w]; ok {
		return true
	}
	for _, sc := range currencySymbols {
		if strings.HasPrefix(w, sc[0]) {
			return true
		}
	}
	return strings.IndexByte(w, '-') > 0
}

// at tries every rule at token i, longest match first.
func (f *finder) at(i int) (Value, bool) {
	if !f.mayStart(i) {
		return Value{}, false
	}
	for _, rule := range []func(int) (Value, bool){
		f.money, f.percent, f.timeOfDay, f.dateMDY, f.dateDMY, f.monthYear, f.isoDate,
		f.relative, f.weekday, f.monthAlone, f.duration, f.year, f.quantity,
	} {
		if v, ok := rule(i); ok {
			return v, true
		}
	}
	return Value{}, false
}

// day parses "17", "17th", "17," as a day of the month.
func day(s string) (int, bool) {
	s = strings.TrimSuffix(s, ",")
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		s = strings.TrimSuffix(s, suf)
	}
	d, err := strconv.Atoi(s)
	if err != nil || d < 1 || d > 31 || len(s) > 2 {
		return 0, false
	}
	return d, true
}

func yearOf(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 || y > 2199 {
		return 0, false
	}
	return y, true
}

// guessYear returns the year of a month and day without one: the reference
// year, or the year before when that date would be more than a month ahead
// (news reports mostly look back).
func (f *finder) guessYear(m time.Month, d int) (int, bool) {
	if !f.ref.Known {
		return 0, false
	}
	y := f.ref.Date.Year()
	if d == 0 {
		d = 1
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Sub(f.ref.Date) > 62*24*time.Hour {
		y--
	}
	return y, true
}

func isoDay(y int, m time.Month, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, int(m), d) }

// dateMDY: "March 17th", "March 17, 2021", "Mar 19 2021".
func (f *finder) dateMDY(i int) (Value, bool) {
	m, ok := months[f.word(i)]
	if !ok {
		return Value{}, false
	}
	d, ok := day(f.word(i + 1))
	if !ok {
		return Value{}, false
	}
	end := i + 2
	if f.word(end) == "," {
		end++
	}
	if y, ok := yearOf(f.word(end)); ok {
		return Value{i, end + 1, "DATE", isoDay(y, m, d)}, true
	}
	end = i + 2
	if y, ok := f.guessYear(m, d); ok {
		return Value{i, end, "DATE", isoDay(y, m, d)}, true
	}
	return Value{i, end, "DATE", fmt.Sprintf("XXXX-%02d-%02d", int(m), d)}, true
}

// dateDMY: "17 March 2021", "19 March".
func (f *finder) dateDMY(i int) (Value, bool) {
	d, ok := day(f.word(i))
	if !ok {
		return Value{}, false
	}
	j := i + 1
	if f.word(j) == "of" {
		j++
	}
	m, ok := months[f.word(j)]
	if !ok || f.w[j] == "may" {
		return Value{}, false
	}
	if y, ok := yearOf(strings.TrimSuffix(f.word(j+1), ",")); ok {
		return Value{i, j + 2, "DATE", isoDay(y, m, d)}, true
	}
	if y, ok := f.guessYear(m, d); ok {
		return Value{i, j + 1, "DATE", isoDay(y, m, d)}, true
	}
	return Value{i, j + 1, "DATE", fmt.Sprintf("XXXX-%02d-%02d", int(m), d)}, true
}

// monthYear: "March 2021", "January of 2020".
func (f *finder) monthYear(i int) (Value, bool) {
	m, ok := months[f.word(i)]
	if !ok {
		return Value{}, false
	}
	j := i + 1
	if f.word(j) == "of" || f.word(j) == "," {
		j++
	}
	if y, ok := yearOf(f.word(j)); ok {
		return Value{i, j + 1, "DATE", fmt.Sprintf("%04d-%02d", y, int(m))}, true
	}
	return Value{}, false
}

// monthAlone: "in January", "last month" is handled by relative.
func (f *finder) monthAlone(i int) (Value, bool) {
	m, ok := months[f.word(i)]
	if !ok || strings.HasSuffix(f.word(i), ".") && len(f.word(i)) < 4 {
		return Value{}, false
	}
	w := f.w[i]
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return Value{}, false // "may", "march" as verbs
	}
	if f.word(i) == "may" {
		switch f.word(i - 1) {
		case "in", "since", "until", "by", "early", "late", "mid", "last", "next", "this", "of":
		default:
			return Value{}, false
		}
	}
	if f.word(i) == "march" && f.word(i-1) != "in" && f.word(i-1) != "since" && f.word(i-1) != "until" &&
		f.word(i-1) != "last" && f.word(i-1) != "next" && f.word(i-1) != "this" && f.word(i-1) != "early" && f.word(i-1) != "late" {
		return Value{}, false
	}
	start := i
	switch f.word(i - 1) {
	case "last", "next", "this", "early", "late", "mid":
		start = i - 1
	}
	if !f.ref.Known {
		return Value{start, i + 1, "DATE", fmt.Sprintf("XXXX-%02d", int(m))}, true
	}
	y := f.ref.Date.Year()
	switch f.word(i - 1) {
	case "next":
		if m <= f.ref.Date.Month() {
			y++
		}
	case "last":
		if m >= f.ref.Date.Month() {
			y--
		}
	case "this":
	default:
		if m > f.ref.Date.Month()+1 {
			y--
		}
	}
	return Value{start, i + 1, "DATE", fmt.Sprintf("%04d-%02d", y, int(m))}, true
}

// isoDate: "2021-03-18", "18.03.2021", "03/18/2021".
func (f *finder) isoDate(i int) (Value, bool) {
	w := f.word(i)
	if t, err := time.Parse("2006-01-02", w); err == nil {
		return Value{i, i + 1, "DATE", t.Format("2006-01-02")}, true
	}
	for _, layout := range []string{"01/02/2006", "1/2/2006", "02.01.2006", "2.1.2006"} {
		if t, err := time.Parse(layout, w); err == nil {
			return Value{i, i + 1, "DATE", t.Format("2006-01-02")}, true
		}
	}
	return Value{}, false
}

// weekday: "Wednesday", "on Wednesday", "last Tuesday", "next Monday".
func (f *finder) weekday(i int) (Value, bool) {
	wd, ok := weekdays[f.word(i)]
	if !ok {
		return Value{}, false
	}
	start := i
	mod := f.word(i - 1)
	switch mod {
	case "last", "next", "this", "coming", "previous":
		start = i - 1
	}
	if !f.ref.Known {
		return Value{start, i + 1, "DATE", ""}, true
	}
	ref := f.ref.Date
	diff := int(ref.Weekday()) - int(wd)
	var t time.Time
	switch mod {
	case "next", "coming":
		ahead := (int(wd) - int(ref.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		t = ref.AddDate(0, 0, ahead)
	case "last", "previous":
		back := (diff + 7) % 7
		if back == 0 {
			back = 7
		}
		t = ref.AddDate(0, 0, -back)
	default:
		// Without "next" or "last", the sentence's tense decides: "will
		// debate on Friday", "to be held on Friday", "plans … on Friday"
		// mean the coming Friday (today included); otherwise news means
		// the most recent such day (today included). "this Friday" leans
		// to the coming one when the sentence does not say.
		tense := f.tense(start, i+1)
		if tense == 0 && mod == "this" {
			tense = 1
		}
		if tense > 0 {
			t = ref.AddDate(0, 0, (int(wd)-int(ref.Weekday())+7)%7)
		} else {
			t = ref.AddDate(0, 0, -((diff + 7) % 7))
		}
	}
	return Value{start, i + 1, "DATE", t.Format("2006-01-02")}, true
}

// futureCues mark a clause about what is to come; futurePhrases are cues of
// several words. pastCues are past-tense forms without the -ed ending.
var (
	futureCues = map[string]bool{
		"will": true, "'ll": true, "shall": true, "wo": true, "plans": true, "plan": true, "planned": true,
		"planning": true, "scheduled": true, "schedule": true, "due": true, "expected": true, "expects": true,
		"upcoming": true, "intends": true, "intend": true, "aims": true, "hopes": true, "going": true,
		"tomorrow": true, "next": true, "forthcoming": true, "coming": true, "ahead": true,
		"is": true, "are": true, "'re": true, "am": true,
	}
	futurePhrases = [][]string{{"to", "be", "held"}, {"set", "to"}, {"to", "be"}, {"is", "to"}, {"are", "to"}}
	pastCues      = map[string]bool{
		"was": true, "were": true, "had": true, "did": true, "said": true, "told": true, "took": true,
		"met": true, "went": true, "came": true, "gave": true, "made": true, "held": true, "spoke": true,
		"began": true, "won": true, "lost": true, "left": true, "saw": true, "wrote": true, "sent": true,
		"fell": true, "rose": true, "ran": true, "got": true, "found": true, "thought": true, "felt": true,
		"became": true, "brought": true, "bought": true, "sold": true, "paid": true, "led": true,
		"put": true, "hit": true, "set": true, "struck": true, "fought": true, "flew": true, "knew": true,
		"ago": true, "yesterday": true, "last": true, "earlier": true, "has": true, "have": true,
	}
)

// tense reads the words around an expression [start, end) of the sentence
// for its clause's tense: 1 for future ("will", "to be held", "plans"), -1
// for past ("said", "was", a verb in -ed), 0 when nothing says. The cue
// nearest to the expression decides (a tie goes to the one before it);
// cues beyond a clause boundary ("that", ";", a full stop) are not read.
func (f *finder) tense(start, end int) int {
	cue := func(k int) int {
		w := f.word(k)
		for _, p := range futurePhrases {
			ok := true
			for n, pw := range p {
				if f.word(k+n) != pw {
					ok = false
					break
				}
			}
			if ok {
				return 1
			}
		}
		if futureCues[w] {
			// "will" as a name or noun is rare in news; "set" alone is
			// past or present, "set to" is a phrase above.
			return 1
		}
		past := pastCues[w]
		if !past && len(w) > 4 && strings.HasSuffix(w, "ed") && f.w[k] == w {
			_, day := weekdays[w] // "wed."
			past = !day
		}
		if past {
			// A participle after "be" or "to" is no past: "to be
			// held", "will be decided", "to put".
			if p := f.word(k - 1); p == "be" || p == "to" {
				return 1
			}
			return -1
		}
		return 0
	}
	stop := func(k int) bool {
		switch f.word(k) {
		case "that", ";", ".", "!", "?", "which", "who", "because", "but", "while", "whereas", ":":
			return true
		}
		return false
	}
	left, right := true, true
	for d := 1; d <= 12 && (left || right); d++ {
		if l := start - d; left && l >= 0 && !stop(l) {
			if c := cue(l); c != 0 {
				return c
			}
		} else {
			left = false
		}
		if r := end - 1 + d; right && r < len(f.lw) && !stop(r) {
			if c := cue(r); c != 0 {
				return c
			}
		} else {
			right = false
		}
	}
	return 0
}

// relative: today, yesterday, tomorrow, last/this/next week|month|year,
// N days|weeks|months|years ago.
func (f *finder) relative(i int) (Value, bool) {
	w := f.word(i)
	ref := f.ref
	val := func(t time.Time, layout string) string {
		if !ref.Known {
			return ""
		}
		return t.Format(layout)
	}
	switch w {
	case "today", "tonight":
		return Value{i, i + 1, "DATE", val(ref.Date, "2006-01-02")}, true
	case "yesterday":
		return Value{i, i + 1, "DATE", val(ref.Date.AddDate(0, 0, -1), "2006-01-02")}, true
	case "tomorrow":
		return Value{i, i + 1, "DATE", val(ref.Date.AddDate(0, 0, 1), "2006-01-02")}, true
	case "last", "this", "next", "past":
		delta := map[string]int{"last": -1, "this": 0, "next": 1, "past": -1}[w]
		unit := f.word(i + 1)
		if !ref.Known {
			switch unit {
			case "week", "month", "year", "weekend":
				return Value{i, i + 2, "DATE", ""}, true
			}
			return Value{}, false
		}
		switch unit {
		case "week", "weekend":
			y, wk := ref.Date.AddDate(0, 0, 7*delta).ISOWeek()
			return Value{i, i + 2, "DATE", fmt.Sprintf("%04d-W%02d", y, wk)}, true
		case "month":
			t := time.Date(ref.Date.Year(), ref.Date.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, delta, 0)
			return Value{i, i + 2, "DATE", t.Format("2006-01")}, true
		case "year":
			return Value{i, i + 2, "DATE", strconv.Itoa(ref.Date.Year() + delta)}, true
		}
	}
	// "N days ago"
	if n, used, ok := f.number(i); ok {
		j := i + used
		unit := strings.TrimSuffix(f.word(j), "s")
		if f.word(j+1) == "ago" {
			days := map[string][3]int{"day": {0, 0, 1}, "week": {0, 0, 7}, "month": {0, 1, 0}, "year": {1, 0, 0}}
			if u, ok := days[unit]; ok && n == float64(int(n)) {
				k := int(n)
				if !ref.Known {
					return Value{i, j + 2, "DATE", ""}, true
				}
				t := ref.Date.AddDate(-u[0]*k, -u[1]*k, -u[2]*k)
				layout := "2006-01-02"
				if unit == "year" {
					layout = "2006"
				} else if unit == "month" {
					layout = "2006-01"
				}
				return Value{i, j + 2, "DATE", t.Format(layout)}, true
			}
		}
	}
	return Value{}, false
}

// duration: "20 years", "three months", "over 20 years".
func (f *finder) duration(i int) (Value, bool) {
	start := i
	j := i
	switch f.word(i) {
	case "over", "nearly", "almost", "about", "some", "more", "around":
		j++
		if f.word(i) == "more" {
			if f.word(j) != "than" {
				return Value{}, false
			}
			j++
		}
	}
	n, used, ok := f.number(j)
	if !ok {
		return Value{}, false
	}
	j += used
	unit := strings.TrimSuffix(f.word(j), "s")
	code := map[string]string{"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "0Y", "century": "00Y"}[unit]
	if code == "" {
		return Value{}, false
	}
	if unit == f.word(j) && n != 1 && f.word(j+1) != "old" {
		// A singular unit after another number is no duration: "World
		// Cup 2018 day five" (but "a 20 year old").
		return Value{}, false
	}
	v := "P" + trimNum(n) + code
	if code == "0Y" {
		v = "P" + trimNum(n*10) + "Y"
	} else if code == "00Y" {
		v = "P" + trimNum(n*100) + "Y"
	}
	if f.word(j+1) == "old" {
		j++
	}
	return Value{start, j + 1, "DATE", v}, true
}

// year: "2020", "in 1988", "the 1990s".
func (f *finder) year(i int) (Value, bool) {
	w := f.word(i)
	if strings.HasSuffix(w, "s") && len(w) == 5 {
		if y, ok := yearOf(w[:4]); ok && y%10 == 0 {
			return Value{i, i + 1, "DATE", w[:3] + "X"}, true
		}
	}
	y, ok := yearOf(w)
	if !ok || y < 1900 || y > 2100 {
		return Value{}, false
	}
	// Not a count of things: "2000 tonnes", "1996 dollars" are left to
	// the number rules.
	if _, ok := units[f.word(i+1)]; ok {
		return Value{}, false
	}
	if _, ok := currencyWords[f.word(i+1)]; ok {
		return Value{}, false
	}
	return Value{i, i + 1, "DATE", strconv.Itoa(y)}, true
}

// timeOfDay: "2 p.m.", "1:30 p.m.", "11.50 a.m.", "14:00", "noon", "midnight".
func (f *finder) timeOfDay(i int) (Value, bool) {
	w := f.word(i)
	switch w {
	case "noon", "midday":
		return f.withDate(i, i+1, 12, 0), true
	case "midnight":
		return f.withDate(i, i+1, 0, 0), true
	}
	h, m, ok := clock(w)
	if !ok {
		return Value{}, false
	}
	j := i + 1
	mer := f.word(j)
	// "p.m ." is split by some tokenisers.
	pm := mer == "p.m." || mer == "p.m" || mer == "pm" || mer == "p.m.:"
	am := mer == "a.m." || mer == "a.m" || mer == "am" || mer == "a.m.:"
	if !pm && !am {
		// A bare clock needs a colon: "14:00".
		if !strings.Contains(w, ":") || h > 23 {
			return Value{}, false
		}
		return f.withDate(i, j, h, m), true
	}
	if h > 12 || h == 0 {
		return Value{}, false
	}
	if pm && h < 12 {
		h += 12
	}
	if am && h == 12 {
		h = 0
	}
	return f.withDate(i, j+1, h, m), true
}

func clock(w string) (int, int, bool) {
	sep := strings.IndexAny(w, ":.")
	hs, ms := w, "0"
	if sep >= 0 {
		hs, ms = w[:sep], w[sep+1:]
		if len(ms) != 2 {
			return 0, 0, false
		}
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || len(hs) > 2 || h > 24 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

// withDate builds a TIME value, dated by a DATE just before it ("March 18,
// 2 p.m.").
func (f *finder) withDate(start, end, h, m int) Value {
	v := fmt.Sprintf("T%02d:%02d", h, m)
	if n := len(f.out); n > 0 {
		last := f.out[n-1]
		gap := start - last.End
		if last.Type == "DATE" && len(last.Value) == 10 && (gap == 0 || gap == 1 && (f.word(start-1) == "," || f.word(start-1) == "at")) {
			v = last.Value + v
		}
	}
	return Value{start, end, "TIME", v}
}

func trimNum(n float64) string { return strconv.FormatFloat(n, 'f', -1, 64) }
