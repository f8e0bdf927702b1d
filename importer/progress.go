package importer

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// plainEvery spaces the progress lines written to a log or pipe: one per
// batch would flood a CI log on a large file.
const plainEvery = 5 * time.Second

// TerminalProgress renders progress to w. On a terminal it redraws one
// line with a bar, the rate and the time left; otherwise it writes a plain
// line at most every few seconds, and always the last one.
func TerminalProgress(w io.Writer, isTTY bool) Progress {
	var last time.Time
	return func(s Stats) {
		if isTTY {
			fmt.Fprintf(w, "\r\033[K%s", ttyLine(s))
			if s.Done {
				fmt.Fprintln(w)
			}
			return
		}
		if !s.Done && time.Since(last) < plainEvery {
			return
		}
		last = time.Now()
		fmt.Fprintln(w, plainLine(s))
	}
}

const barWidth = 24

func ttyLine(s Stats) string {
	f := s.Fraction()
	if s.Done {
		f = 1
	}
	filled := int(f * barWidth)
	bar := strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled)
	eta := "--"
	if d, ok := s.eta(); ok {
		eta = d.String()
	}
	if s.Done {
		eta = "done in " + s.Elapsed.Round(time.Second/10).String()
	}
	return fmt.Sprintf("%s %-12s [%s] %3.0f%%  %d rows  %d rejected  %.0f rows/s  ETA %s",
		s.File, s.Kind, bar, f*100, s.Rows, s.Rejected, s.Rate(), eta)
}

func plainLine(s Stats) string {
	state := "importing"
	if s.Done {
		state = "imported"
	}
	line := fmt.Sprintf("%s %s (%s): %d rows read, %d loaded (%d created, %d updated, %d unchanged), %d rejected, %d links created, %.0f rows/s",
		state, s.File, s.Kind, s.Rows, s.Loaded, s.Created, s.Updated, s.Unchanged, s.Rejected, s.LinksCreated, s.Rate())
	if d, ok := s.eta(); ok && !s.Done {
		line += fmt.Sprintf(", %.0f%% done, about %s left", s.Fraction()*100, d)
	}
	return line
}

// eta extrapolates from the share of the file's bytes read so far.
func (s Stats) eta() (time.Duration, bool) {
	f := s.Fraction()
	if f <= 0 || s.Elapsed <= 0 {
		return 0, false
	}
	left := time.Duration(float64(s.Elapsed) * (1 - f) / f)
	return left.Round(time.Second), true
}
