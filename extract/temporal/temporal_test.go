package temporal

import (
	"strings"
	"testing"
	"time"
)

// thursday is the date of the article the examples come from: Thursday
// 18 March 2021.
var thursday = Reference{Date: time.Date(2021, 3, 18, 0, 0, 0, 0, time.UTC), Known: true}

func TestFindValues(t *testing.T) {
	tests := []struct {
		text string
		ref  Reference
		want string // "span|TYPE|value", the first expression found
	}{
		{"The embassy said on Wednesday that talks would start .", thursday, "Wednesday|DATE|2021-03-17"},
		{"Putin spoke on Thursday .", thursday, "Thursday|DATE|2021-03-18"},
		{"The report was published on Tuesday .", thursday, "Tuesday|DATE|2021-03-16"},
		{"The report was published last Thursday .", thursday, "last Thursday|DATE|2021-03-11"},
		{"He proposed a debate next Monday .", thursday, "next Monday|DATE|2021-03-22"},
		// Without "next" or "last", the tense of the clause decides.
		{"The council will hold the debate on Friday .", thursday, "Friday|DATE|2021-03-19"},
		{"The debate on Friday will be televised .", thursday, "Friday|DATE|2021-03-19"},
		{"A summit is to be held on Monday in Geneva .", thursday, "Monday|DATE|2021-03-22"},
		{"The ministry plans a vote on Tuesday .", thursday, "Tuesday|DATE|2021-03-23"},
		{"The debate on Friday drew thousands of viewers .", thursday, "Friday|DATE|2021-03-12"},
		{"The debate took place on Friday .", thursday, "Friday|DATE|2021-03-12"},
		{"Ministers will meet on Thursday .", thursday, "Thursday|DATE|2021-03-18"},
		{"He said on Monday that the talks will resume .", thursday, "Monday|DATE|2021-03-15"},
		{"Talks resume this Saturday .", thursday, "this Saturday|DATE|2021-03-20"},
		{"Update from March 17th , 10:35 p.m. :", thursday, "March 17th|DATE|2021-03-17"},
		{"Moscow , March 19 : Russia has reacted", thursday, "March 19|DATE|2021-03-19"},
		{"Mar 19 , 2021", Reference{}, "Mar 19 , 2021|DATE|2021-03-19"},
		{"Since taking office in January , Biden has changed course .", thursday, "January|DATE|2021-01"},
		{"He won the vote in November .", thursday, "November|DATE|2020-11"},
		{"Their first call was last month .", thursday, "last month|DATE|2021-02"},
		{"The ministry will report next year .", thursday, "next year|DATE|2022"},
		{"the interference in the 2020 presidential election", thursday, "2020|DATE|2020"},
		{"It happened 3 days ago .", thursday, "3 days ago|DATE|2021-03-15"},
		{"the first time in over 20 years", thursday, "over 20 years|DATE|P20Y"},
		{"a 20 year old student", thursday, "20 year old|DATE|P20Y"},
		// A singular unit after a year is no duration.
		{"FIFA World Cup 2018 day five", thursday, "2018|DATE|2018"},
		{"BRUSSELS 1996-08-22", Reference{}, "1996-08-22|DATE|1996-08-22"},
		{"the talks of 17 March 2021 failed", Reference{}, "17 March 2021|DATE|2021-03-17"},
		{"on Wednesday", Reference{}, "Wednesday|DATE|"},
		{"Update from March 18 , 2 p.m. :", thursday, "March 18|DATE|2021-03-18"},
		{"at 2 p.m. local time", thursday, "2 p.m.|TIME|T14:00"},
		{"at 11.50 a.m. sharp", thursday, "11.50 a.m.|TIME|T11:50"},
		{"the 14:30 train", Reference{}, "14:30|TIME|T14:30"},
		{"It fell 5 percent .", Reference{}, "5 percent|PERCENT|5%"},
		{"It rose 2.5 % .", Reference{}, "2.5 %|PERCENT|2.5%"},
		{"up 12 pct", Reference{}, "12 pct|PERCENT|12%"},
		{"It cost $ 5 million .", Reference{}, "$ 5 million|MONEY|5000000 USD"},
		{"It cost $5 billion .", Reference{}, "$5 billion|MONEY|5000000000 USD"},
		{"assets of 13.5 billion dlrs", Reference{}, "13.5 billion dlrs|MONEY|13500000000 USD"},
		{"a fine of 200 euros", Reference{}, "200 euros|MONEY|200 EUR"},
		{"crop estimates around 6.4 mln bags", Reference{}, "6.4 mln bags|QUANTITY|6400000 bag"},
		{"15 kilos of beans", Reference{}, "15 kilos|QUANTITY|15 kg"},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.text)
		vs := Find(words, tt.ref)
		if len(vs) == 0 {
			t.Errorf("%q: nothing found, want %s", tt.text, tt.want)
			continue
		}
		v := vs[0]
		got := strings.Join(words[v.Start:v.End], " ") + "|" + v.Type + "|" + v.Value
		if got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestTimeTakesPrecedingDate(t *testing.T) {
	words := strings.Fields("Update from March 18 , 1:30 p.m. : Putin spoke")
	vs := Find(words, thursday)
	if len(vs) != 2 {
		t.Fatalf("got %v, want a DATE and a TIME", vs)
	}
	if vs[1].Type != "TIME" || vs[1].Value != "2021-03-18T13:30" {
		t.Errorf("time = %+v, want TIME 2021-03-18T13:30", vs[1])
	}
}

func TestNoFalseValues(t *testing.T) {
	for _, text := range []string{
		"You may go now .",
		"They will march on the capital .",
		"The two countries disagree .",
		"He has 3 children .",
		"a a a a",
	} {
		if vs := Find(strings.Fields(text), thursday); len(vs) != 0 {
			t.Errorf("%q: found %+v, want nothing", text, vs)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"on Wednesday", "March 17th , 2 p.m.", "$ 5 million", "12 % 1:30 a.m. 2021-02-30", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		for _, v := range Find(words, thursday) {
			if v.Start < 0 || v.End > len(words) || v.Start >= v.End {
				t.Fatalf("bad span %+v for %d words", v, len(words))
			}
		}
	})
}
