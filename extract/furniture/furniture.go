// Package furniture recognises page furniture in scraped articles: the
// navigation links, share buttons, comment prompts, cookie notices and
// "also read" teasers that a web page wraps around the article text.
//
// Detection works on single lines. A line is scored by a small classifier
// over its features: a list of known furniture phrases, words that belong to
// a web page's user interface ("share", "reply", "subscribe", "cookies"), an
// imperative UI verb at its start, its length, and signs that it is a real
// sentence (verbs, a final full stop, quotation marks). The classifier is
// deliberately conservative: a line needs user-interface vocabulary before
// anything else counts, and long lines or finished sentences are kept unless
// they match a known furniture phrase exactly, so that headlines and
// sub-headings of the article are never taken for furniture.
package furniture

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Threshold is the score from which Score calls a line furniture.
const Threshold = 0.6

// maxScoredWords is the longest line (in words) that the feature score looks
// at; longer lines are furniture only when they match a phrase.
const maxScoredWords = 12

// exact holds normalised lines (see normalize) that are furniture on their own.
var exact = setOf(
	"press enter to skip to content", "skip to content", "skip to main content",
	"skip to navigation", "skip to main navigation", "skip to footer", "jump to content",
	"be first to comment", "be the first to comment", "leave a reply", "leave a comment",
	"leave a reply cancel reply", "cancel reply", "post a comment", "add a comment",
	"comments", "comment", "no comments", "0 comments", "show comments", "view comments",
	"your email address will not be published required fields are marked",
	"your email address will not be published",
	"back to top", "back to top button", "scroll to top", "go to top", "top",
	"also read", "read also", "read more", "read more here", "see also", "related",
	"related articles", "related posts", "related stories", "related news", "related content",
	"more on this", "more on this topic", "more on this story", "recommended", "recommended for you",
	"you may also like", "you might also like", "read next", "must read", "trending", "most read",
	"most popular", "continue reading", "click here", "loading", "like loading", "like this",
	"share this", "share this article", "share this story", "share this post", "share", "tweet",
	"share on facebook", "share on twitter", "share on whatsapp", "share via email",
	"print", "print this page", "email", "whatsapp", "facebook", "twitter", "telegram", "linkedin",
	"pinterest", "reddit", "copy link", "link copied",
	"advertisement", "advertising", "sponsored", "sponsored content", "ad", "ads",
	"subscribe", "subscribe now", "sign up", "sign in", "log in", "login", "register", "logout",
	"subscribe to our newsletter", "sign up for our newsletter", "newsletter",
	"follow us", "follow us on", "follow us on facebook", "follow us on twitter",
	"menu", "main menu", "search", "close", "open menu", "toggle navigation", "navigation",
	"previous article", "next article", "previous post", "next post", "previous", "next",
	"tags", "filed under", "posted in", "categories", "home", "accept", "accept all",
	"accept cookies", "reject all", "manage cookies", "cookie settings", "privacy policy",
	"terms of use", "terms and conditions", "all rights reserved",
)

// teaserMarkers are furniture lines that announce a link to another article;
// the short line after them is that link's title (see Clean).
var teaserMarkers = setOf(
	"also read", "read also", "read more", "see also", "related", "related articles",
	"related posts", "related stories", "related news", "more on this", "more on this topic",
	"more on this story", "recommended", "recommended for you", "you may also like",
	"you might also like", "read next", "must read",
)

// prefixes are normalised beginnings of furniture lines of up to
// maxPrefixWords words.
var prefixes = []string{
	"press enter to skip", "skip to ", "your email address will not be published",
	"required fields are marked", "click here to ", "sign up for our ", "sign up to our ",
	"subscribe to our ", "follow us on ", "share this ", "share on ", "you must be logged in",
	"log in to ", "sign in to ", "to continue reading", "this article was originally published",
	"all rights reserved",
}

// labelPrefixes are lower-cased beginnings, with their colon, of teaser lines
// such as "Read more: Kremlin denies the report".
var labelPrefixes = []string{
	"read more:", "also read:", "read also:", "see also:", "related:", "related article:",
	"related story:", "recommended:", "read next:", "watch:", "listen:", "advertisement:",
}

const maxPrefixWords = 20

// cookieSignals are phrases of cookie and consent banners, which speak to
// the reader; such a banner is furniture up to maxCookieWords words even
// though it is a full sentence.
var cookieSignals = []string{
	"we use cookies", "this site uses cookies", "this website uses cookies", "our use of cookies",
	"our cookie policy", "by continuing to use this", "by continuing to browse",
	"by using this site you agree", "by using this website you agree", "you agree to our use of",
}

const maxCookieWords = 60

// uiWords are the core words of a web page's user interface. A line needs
// at least one of them to be scored at all.
var uiWords = setOf(
	"share", "shares", "shared", "tweet", "comment", "comments", "reply", "replies", "subscribe",
	"subscribers", "newsletter", "newsletters", "cookies", "cookie", "login", "logout", "signup",
	"skip", "menu", "advertisement", "advertisements", "sponsored", "print", "email", "e-mail",
	"click", "tap", "navigation", "permalink", "bookmark", "rss", "copyright", "loading",
)

// uiContext are words that appear in UI lines beside the core words:
// function words, the names of share targets and page parts. A line is
// scored only when every word is a UI word, a context word or a number, so
// that a headline with a single content word ("Email leak embarrasses
// minister") is never furniture.
var uiContext = setOf(
	"a", "an", "the", "this", "that", "these", "to", "on", "in", "at", "of", "for", "via", "by",
	"from", "and", "or", "our", "us", "we", "you", "your", "my", "me", "it", "its", "here", "now",
	"new", "more", "all", "no", "not", "be", "is", "are", "first", "up", "out", "off", "per",
	"page", "window", "opens", "open", "link", "links", "article", "articles", "story", "stories",
	"post", "posts", "site", "website", "button", "buttons", "icon", "below", "above", "top",
	"bottom", "next", "previous", "prev", "older", "newer", "home", "back", "like", "likes",
	"follow", "followers", "view", "views", "read", "min", "mins", "minute", "minutes", "closed",
	"required", "fields", "marked", "please", "log", "sign", "facebook", "twitter", "whatsapp",
	"telegram", "linkedin", "pinterest", "reddit", "x", "messenger", "friend", "friends", "count",
	"leave", "press", "enter", "continue", "reading", "please", "free", "today", "daily", "weekly",
)

// imperatives are verbs that open UI prompts ("Press …", "Click …").
var imperatives = setOf(
	"press", "click", "tap", "skip", "share", "leave", "subscribe", "sign", "follow", "read",
	"accept", "back", "join", "continue", "see", "view", "show", "load", "add", "post", "jump",
	"go", "log", "print", "email", "tweet", "reply", "comment", "please",
)

// verbLike are frequent finite verbs of news sentences; their presence is a
// sign of real text.
var verbLike = setOf(
	"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
	"could", "should", "may", "might", "must", "said", "says", "say", "told", "tells",
	"announced", "reported", "did", "does", "do",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// IsFurniture reports whether line, one line of text, is page furniture.
func IsFurniture(line string) bool { return Score(line) >= Threshold }

// IsTeaserMarker reports whether line announces a link to another article
// ("also read", "Read more", "Related"), after which the next short line is
// usually that article's title.
func IsTeaserMarker(line string) bool { return teaserMarkers[normalize(line)] }

// Score rates how much line looks like page furniture, from 0 (article text)
// to 1 (certainly furniture). Lines scoring Threshold or more are furniture.
func Score(line string) float64 {
	if len(line) > 250 {
		// Only a cookie banner is furniture at this length; look for one
		// before paying for normalisation.
		lower := strings.ToLower(line)
		if len(line) > 1000 || !strings.Contains(lower, "cookie") && !strings.Contains(lower, "continuing to") && !strings.Contains(lower, "you agree") {
			return 0
		}
	}
	norm := normalize(line)
	if norm == "" {
		return 0
	}
	if exact[norm] {
		return 1
	}
	words := strings.Fields(norm)
	n := len(words)
	trimmed := strings.TrimSpace(line)
	if n <= maxPrefixWords {
		for _, p := range prefixes {
			if strings.HasPrefix(norm, p) {
				return 0.9
			}
		}
		lower := strings.ToLower(trimmed)
		for _, p := range labelPrefixes {
			if strings.HasPrefix(lower, p) {
				return 0.9
			}
		}
		if strings.HasPrefix(trimmed, "©") || strings.HasPrefix(norm, "copyright ") {
			return 0.9
		}
	}
	if n <= maxCookieWords {
		for _, c := range cookieSignals {
			if strings.Contains(norm, c) {
				return 0.9
			}
		}
	}
	if n > maxScoredWords {
		return 0
	}

	core := 0
	for _, w := range words {
		switch {
		case uiWords[w]:
			core++
		case uiContext[w] || isNumber(w):
		default:
			return 0 // a content word: article text, not furniture
		}
	}
	if core == 0 {
		return 0
	}
	s := 0.35*float64(min(core, 2)) + 0.15
	if imperatives[words[0]] {
		s += 0.15
	}
	if n <= 3 {
		s += 0.15
	}
	verb := false
	for _, w := range words {
		if verbLike[w] {
			verb = true
			break
		}
	}
	if !verb {
		s += 0.1
	}
	if n >= 4 && endsSentence(trimmed) {
		s -= 0.15
	}
	if strings.ContainsAny(trimmed, "\"“”„«»") {
		s -= 0.3
	}
	return min(max(s, 0), 1)
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// Clean removes the furniture lines of text, and the title line after a
// teaser marker when it looks like a link title (at most 12 words, no final
// full stop, not a quotation, a paragraph of its own). Runs of blank lines
// left behind are collapsed into one. Other lines are kept byte for byte.
func Clean(text string) string {
	lines := strings.Split(text, "\n")
	drop := make([]bool, len(lines))
	for i, l := range lines {
		if !IsFurniture(l) {
			continue
		}
		drop[i] = true
		if !IsTeaserMarker(l) {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		if j < len(lines) && isTeaserTitle(lines[j]) && (j+1 == len(lines) || strings.TrimSpace(lines[j+1]) == "") {
			drop[j] = true
		}
	}
	var b strings.Builder
	b.Grow(len(text))
	blank, first := false, true
	for i, l := range lines {
		if drop[i] {
			continue
		}
		if strings.TrimSpace(l) == "" {
			if blank {
				continue
			}
			blank = true
			l = ""
		} else {
			blank = false
		}
		if !first {
			b.WriteByte('\n')
		}
		first = false
		b.WriteString(l)
	}
	return b.String()
}

func isTeaserTitle(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || IsFurniture(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if strings.ContainsRune("\"“”„«‘'", r) {
		return false
	}
	return len(strings.Fields(t)) <= maxScoredWords && !endsSentence(t)
}

// endsSentence reports whether s ends with sentence punctuation, looking
// through closing quotes and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'”’»)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// normalize lower-cases line, turns every run of characters other than
// letters, digits and '-' into one space and trims it: `Press "Enter" to
// skip to content` becomes "press enter to skip to content".
func normalize(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	space := false
	for _, r := range line {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			space = true
		}
	}
	if !strings.Contains(b.String(), "-") {
		return b.String()
	}
	fields := strings.Fields(b.String())
	kept := fields[:0]
	for _, f := range fields {
		if f = strings.Trim(f, "-"); f != "" {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}
