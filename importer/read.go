package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// source yields a file's records one at a time, so a file of any size is
// read in constant memory.
type source interface {
	// next returns the next record, or a per-line error (the line is
	// rejected, reading continues), or io.EOF.
	next() (rec, error)
}

// rec is one input record: values by canonical column name (strings or,
// from JSON arrays, []string) and the line it started on.
type rec struct {
	line int
	vals map[string]any
}

// lineError is a record that could not even be parsed.
type lineError struct {
	line   int
	field  string
	reason string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.reason) }

// canon maps a column name as written (givenNames, given_names, "Given
// Names") to the comparison form.
func canon(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	return strings.NewReplacer("_", "", "-", "", " ", "").Replace(s)
}

// columns resolves written column names against a kind's columns.
func columns(k *kindSpec, names []string) ([]string, error) {
	out := make([]string, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		c, ok := k.byCanon[canon(n)]
		if !ok {
			return nil, fmt.Errorf("unknown column %q for %s (columns: %s)", n, k.name, strings.Join(k.columnNames(), ", "))
		}
		if seen[c] {
			return nil, fmt.Errorf("column %q appears twice", n)
		}
		seen[c], out[i] = true, c
	}
	return out, nil
}

// --- CSV --------------------------------------------------------------------

type csvSource struct {
	r    *csv.Reader
	cols []string
}

func newCSV(r io.Reader, k *kindSpec) (*csvSource, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading the header row: %w", err)
	}
	cols, err := columns(k, header)
	if err != nil {
		return nil, err
	}
	for _, c := range k.required {
		if !containsStr(cols, c) {
			return nil, fmt.Errorf("required column %q is missing", c)
		}
	}
	return &csvSource{r: cr, cols: cols}, nil
}

func (s *csvSource) next() (rec, error) {
	fields, err := s.r.Read()
	if err == io.EOF {
		return rec{}, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return rec{}, &lineError{line: pe.StartLine, reason: "malformed CSV: " + pe.Err.Error()}
	}
	if err != nil {
		return rec{}, err
	}
	line, _ := s.r.FieldPos(0)
	if len(fields) != len(s.cols) {
		return rec{}, &lineError{line: line, reason: fmt.Sprintf("has %d fields; the header has %d", len(fields), len(s.cols))}
	}
	vals := make(map[string]any, len(fields))
	for i, f := range fields {
		if f = strings.TrimSpace(f); f != "" {
			vals[s.cols[i]] = f
		}
	}
	return rec{line: line, vals: vals}, nil
}

// --- JSON Lines ---------------------------------------------------------------

type jsonlSource struct {
	sc   *bufio.Scanner
	k    *kindSpec
	line int
}

// maxLine bounds one JSON line (intelligence text can be long).
const maxLine = 1 << 20

func newJSONL(r io.Reader, k *kindSpec) *jsonlSource {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	return &jsonlSource{sc: sc, k: k}
}

func (s *jsonlSource) next() (rec, error) {
	for s.sc.Scan() {
		s.line++
		b := bytes.TrimSpace(s.sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var obj map[string]any
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		if err := d.Decode(&obj); err != nil {
			return rec{}, &lineError{line: s.line, reason: "not a JSON object: " + err.Error()}
		}
		vals, err := jsonValues(s.k, obj)
		if err != nil {
			err.line = s.line
			return rec{}, err
		}
		return rec{line: s.line, vals: vals}, nil
	}
	if err := s.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return rec{}, fmt.Errorf("line %d is longer than %d bytes", s.line+1, maxLine)
		}
		return rec{}, err
	}
	return rec{}, io.EOF
}

// jsonValues turns one JSON object (from a file or the API) into column
// values: strings, numbers and booleans as text, arrays of them as lists.
// Null and empty values are absent, as an empty CSV cell is.
func jsonValues(k *kindSpec, obj map[string]any) (map[string]any, *lineError) {
	vals := make(map[string]any, len(obj))
	for name, v := range obj {
		c, ok := k.byCanon[canon(name)]
		if !ok {
			return nil, &lineError{field: name, reason: fmt.Sprintf("unknown field %q for %s", name, k.name)}
		}
		switch x := v.(type) {
		case nil:
		case []any:
			list := make([]string, 0, len(x))
			for _, e := range x {
				s, ok := scalar(e)
				if !ok {
					return nil, &lineError{field: c, reason: "list entries must be strings or numbers"}
				}
				list = append(list, s)
			}
			if len(list) > 0 {
				vals[c] = list
			}
		case []string:
			if len(x) > 0 {
				vals[c] = x
			}
		default:
			s, ok := scalar(x)
			if !ok {
				return nil, &lineError{field: c, reason: "must be a string, number or list"}
			}
			if s = strings.TrimSpace(s); s != "" {
				vals[c] = s
			}
		}
	}
	return vals, nil
}

func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		return fmt.Sprint(x), true
	case int, int64, float64:
		return fmt.Sprint(x), true
	}
	return "", false
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// countingReader tracks how far through the file the reader is, for the
// progress bar's fraction and ETA.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
