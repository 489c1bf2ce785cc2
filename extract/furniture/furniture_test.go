package furniture

import "testing"

func TestIsFurniture(t *testing.T) {
	furniture := []string{
		`Press "Enter" to skip to content`,
		"Skip to content",
		"Be First to Comment",
		"Leave a Reply",
		"Your email address will not be published. Required fields are marked *",
		"Back to top button",
		"also read",
		"Also Read:",
		"Share this:",
		"Share on Facebook",
		"Click to share on Twitter (Opens in new window)",
		"Advertisement",
		"Read more",
		"Read more: Ferry fares to fall in July",
		"3 Comments",
		"Comments are closed.",
		"Please leave a comment.",
		"Print this page",
		"Subscribe to our newsletter",
		"Sign in to comment",
		"We use cookies to improve your experience on our website. By continuing to browse you agree to our use of cookies.",
		"© 2022 The Riverside Herald. All rights reserved.",
		"Copyright 2021 Example Media",
		"  Tweet  ",
	}
	for _, l := range furniture {
		if !IsFurniture(l) {
			t.Errorf("IsFurniture(%q) = false (score %.2f), want true", l, Score(l))
		}
	}
	text := []string{
		"",
		"Biden and Putin",
		"Strong points:",
		"Report on electoral interference",
		"Significantly tougher attitude towards Moscow",
		"Kremlin calls Biden’s statements “very bad”",
		"Russia’s meddling in the US election",
		"US intelligence report claims Putin aided Donald Trump against Biden",
		"“The Russian President will have to pay the price”",
		"The Kremlin rejected the claims made in the report",
		"Mar 19, 2021",
		"First report from March 17th, 11.50 a.m.:",
		"He declined to comment.",
		"No comment, said the minister.",
		"Print media struggles",
		"Email leak embarrasses minister",
		"Facebook shares fall after privacy scandal",
		"Gazprom shares fell 3 percent on Monday.",
		"Comment: Why the sanctions will fail",
		"The court ruled on the use of cookies by websites.",
		"Cookie makers protest new sugar tax",
		"Share prices in Tokyo rose.",
		"Biden said he spoke to Putin shortly after he took office in January.",
		"“Click here,” she said, “and the whole system fails.”",
	}
	for _, l := range text {
		if IsFurniture(l) {
			t.Errorf("IsFurniture(%q) = true (score %.2f), want false", l, Score(l))
		}
	}
}

func TestClean(t *testing.T) {
	in := "Skip to content\n\nHeadline of the day\n\nFirst paragraph.\n\nalso read\n\nBiden and Putin\n\n" +
		"Second paragraph.\n\nAlso read\n\n“A long quoted teaser line that is kept because it may be text,” writes an author\n\n" +
		"Last paragraph.\n\nBe First to Comment\n\nLeave a Reply\n\n"
	want := "\nHeadline of the day\n\nFirst paragraph.\n\nSecond paragraph.\n\n" +
		"“A long quoted teaser line that is kept because it may be text,” writes an author\n\nLast paragraph.\n"
	if got := Clean(in); got != want {
		t.Errorf("Clean:\n%q\nwant\n%q", got, want)
	}
	// A teaser title that runs on into a paragraph is kept.
	in = "Related\nRiver levels fall\nas the dry weather goes on.\n"
	want = "River levels fall\nas the dry weather goes on.\n"
	if got := Clean(in); got != want {
		t.Errorf("Clean:\n%q\nwant\n%q", got, want)
	}
	// Text without furniture comes back unchanged.
	in = "Line one.\n\n\nLine two.  \n"
	if got := Clean(in); got != "Line one.\n\nLine two.  \n" {
		t.Errorf("Clean(%q) = %q", in, got)
	}
}
