package temporal

import (
	"strconv"
	"strings"
)

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"a": 1, "an": 1, "dozen": 12, "several": 3, "few": 3,
}

var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9,
	"bln": 1e9, "bn": 1e9, "trillion": 1e12, "tln": 1e12,
}

// currencyWords maps currency names and symbols to ISO 4217 codes.
var currencyWords = map[string]string{
	"$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD",
	"usd": "USD", "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR", "£": "GBP",
	"pound": "GBP", "pounds": "GBP", "sterling": "GBP", "stg": "GBP", "gbp": "GBP", "¥": "JPY",
	"yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB",
	"ruble": "RUB", "rubles": "RUB", "rub": "RUB", "franc": "CHF", "francs": "CHF", "chf": "CHF",
	"rupee": "INR", "rupees": "INR", "c$": "CAD", "a$": "AUD", "hk$": "HKD", "marks": "DEM",
	"cents": "USD/100", "cent": "USD/100", "pence": "GBP/100", "p": "GBP/100",
	"lire": "ITL", "lira": "ITL", "peso": "MXN", "pesos": "MXN", "crowns": "SEK", "kronor": "SEK",
	"cruzados": "BRC", "riyals": "SAR", "rand": "ZAR",
}

// currencySymbols are written before the amount, longest first.
var currencySymbols = [][2]string{
	{"us$", "USD"}, {"hk$", "HKD"}, {"c$", "CAD"}, {"a$", "AUD"}, {"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"},
}

// units are the measure words of QUANTITY.
var units = map[string]string{
	"km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
	"miles": "mile", "mile": "mile", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
	"feet": "ft", "foot": "ft", "kg": "kg", "kilos": "kg", "kilograms": "kg", "kilogram": "kg",
	"tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "barrels": "barrel", "barrel": "barrel",
	"bpd": "barrel/day", "bags": "bag", "acres": "acre", "hectares": "ha", "litres": "l",
	"liters": "l", "gallons": "gallon", "ounces": "oz", "oz": "oz", "degrees": "degree",
	"megawatts": "MW", "mw": "MW", "kilowatts": "kW", "cubic": "", "square": "", "sq": "",
	"bushels": "bushel", "bales": "bale", "lbs": "lb", "grams": "g", "cm": "cm", "mm": "mm",
}

// number parses a number phrase at token i: "5", "6.4", "1,200",
// "13.5 billion", "three", "two million". It returns the value and the
// number of tokens used.
func (f *finder) number(i int) (float64, int, bool) {
	w := f.word(i)
	var v float64
	ok := false
	if n, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64); err == nil && w != "" && (w[0] >= '0' && w[0] <= '9' || w[0] == '.') {
		v, ok = n, true
	} else if n, found := numberWords[w]; found {
		if (w == "a" || w == "an" || w == "several" || w == "few") && scales[f.word(i+1)] == 0 && f.word(i+1) != "dozen" {
			return 0, 0, false
		}
		v, ok = n, true
		// "twenty five", "twenty-five"
		if n >= 20 && n < 100 {
			if m, found := numberWords[f.word(i+1)]; found && m < 10 && f.word(i+1) != "a" {
				v += m
				i++
			}
		}
	} else if k := strings.IndexByte(w, '-'); k > 0 {
		a, b := numberWords[w[:k]], numberWords[w[k+1:]]
		if a >= 20 && b > 0 && b < 10 {
			v, ok = a+b, true
		}
	}
	if !ok {
		return 0, 0, false
	}
	used := 1
	for {
		s, found := scales[f.word(i+used)]
		if !found || (f.word(i+used) == "m" && f.w[i+used] != "m") {
			break
		}
		v *= s
		used++
	}
	return v, used, true
}

// money: "$5", "$ 5 million", "13.5 billion dlrs", "5 million euros",
// "US$ 2.5 billion".
func (f *finder) money(i int) (Value, bool) {
	w := f.word(i)
	// Symbol first, possibly glued: "$5", "£3.2".
	for _, sc := range currencySymbols {
		sym, code := sc[0], sc[1]
		if w == sym {
			if n, used, ok := f.number(i + 1); ok {
				return Value{i, i + 1 + used, "MONEY", trimNum(n) + " " + code}, true
			}
		} else if strings.HasPrefix(w, sym) {
			rest := w[len(sym):]
			if n, err := strconv.ParseFloat(strings.ReplaceAll(rest, ",", ""), 64); err == nil {
				used := 1
				for {
					s, ok := scales[f.word(i+used)]
					if !ok {
						break
					}
					n *= s
					used++
				}
				return Value{i, i + used, "MONEY", trimNum(n) + " " + code}, true
			}
		}
	}
	n, used, ok := f.number(i)
	if !ok {
		return Value{}, false
	}
	j := i + used
	code, ok := currencyWords[f.word(j)]
	if !ok || f.word(j) == "$" || f.word(j) == "p" {
		return Value{}, false
	}
	if k := strings.Index(code, "/"); k > 0 {
		n /= 100
		code = code[:k]
	}
	end := j + 1
	if (f.word(j) == "dollars" || f.word(j) == "dlrs") && f.word(j+1) == "us" {
		end++
	}
	return Value{i, end, "MONEY", trimNum(n) + " " + code}, true
}

// percent: "5 percent", "5 pct", "5 %", "5%", "five per cent".
func (f *finder) percent(i int) (Value, bool) {
	w := f.word(i)
	if strings.HasSuffix(w, "%") {
		if n, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSuffix(w, "%"), ",", ""), 64); err == nil {
			return Value{i, i + 1, "PERCENT", trimNum(n) + "%"}, true
		}
	}
	n, used, ok := f.number(i)
	if !ok {
		return Value{}, false
	}
	j := i + used
	switch f.word(j) {
	case "%", "percent", "pct", "per-cent", "percentage":
		if f.word(j) == "percentage" {
			if f.word(j+1) != "points" && f.word(j+1) != "point" {
				return Value{}, false
			}
			return Value{i, j + 2, "PERCENT", trimNum(n) + "%"}, true
		}
		return Value{i, j + 1, "PERCENT", trimNum(n) + "%"}, true
	case "per":
		if f.word(j+1) == "cent" {
			return Value{i, j + 2, "PERCENT", trimNum(n) + "%"}, true
		}
	}
	return Value{}, false
}

// quantity: "6.4 mln bags", "15 kilos", "200 km", "30 square miles".
func (f *finder) quantity(i int) (Value, bool) {
	n, used, ok := f.number(i)
	if !ok {
		return Value{}, false
	}
	j := i + used
	u, ok := units[f.word(j)]
	if !ok {
		return Value{}, false
	}
	if u == "" { // "square", "cubic": the unit follows
		u2, ok := units[f.word(j+1)]
		if !ok || u2 == "" {
			return Value{}, false
		}
		u = f.word(j) + " " + u2
		j++
	}
	return Value{i, j + 1, "QUANTITY", trimNum(n) + " " + u}, true
}
