// Package importer takes in files of records held in forces' other systems
// (nominals, addresses, vehicles, phones, intelligence, call data,
// actions) as CSV or JSON Lines, validates every row with the same rules
// as the API, and writes the good rows in batches while reporting the bad
// ones by file, line and reason. Imports are idempotent: records are keyed
// by the source system's reference within the operation, so running a
// file again, or again after an interruption, changes only what is new.
// docs/IMPORT.md describes each kind's columns.
package importer

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/oklog/ulid/v2"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// DefaultBatchSize rows are written per transaction: large enough that
// round trips do not dominate, small enough that a batch commits in well
// under the bulk transaction timeout and an interruption loses little work.
const DefaultBatchSize = 5000

// DefaultWorkers batches are written at once: while one commits, the next
// is planned and written, so Neo4j's CPUs stay busy (measured in
// docs/BENCHMARKS.md).
const DefaultWorkers = 2

// MaxAPIRows bounds ImportRows, which runs inside one API request.
const MaxAPIRows = 1000

// maxKeptRejects bounds the rejects a Summary keeps in memory; all of them
// go to Options.Rejects.
const maxKeptRejects = 1000

// Options says what to import and where.
type Options struct {
	Path string
	// Kind is one of Kinds; empty infers it from the file name's prefix.
	Kind        string
	OperationID string
	// BatchSize rows per transaction (DefaultBatchSize when 0).
	BatchSize int
	// Workers batches are written at once (DefaultWorkers when 0; actions
	// always one at a time, to number them in file order).
	Workers int
	// SourceURN is the intelligence item cited by the links of rows that
	// give no sourceUrn (e.g. the production order behind a call data file).
	SourceURN string
	// Progress is called after every batch.
	Progress Progress
	// Rejects receives a CSV report of rejected rows (file, line, field,
	// reason) as they happen.
	Rejects io.Writer
}

// Reject is a row that was not loaded, and why.
type Reject struct {
	File   string
	Line   int
	Field  string
	Reason string
}

func (r Reject) String() string {
	if r.Field != "" {
		return fmt.Sprintf("%s:%d: %s: %s", r.File, r.Line, r.Field, r.Reason)
	}
	return fmt.Sprintf("%s:%d: %s", r.File, r.Line, r.Reason)
}

// Stats is an import's progress so far.
type Stats struct {
	File string
	Kind string
	// Rows read, and of them: Loaded (written or already up to date) and
	// Rejected.
	Rows, Loaded, Rejected int
	// Records created, changed, or found already as the row says.
	Created, Updated, Unchanged int
	// Links created, changed (a new source, a wider period, a new count)
	// or already as the row says.
	LinksCreated, LinksUpdated, LinksUnchanged int
	Batches                                    int
	// BytesRead of TotalBytes (0 when unknown) give the fraction done.
	BytesRead, TotalBytes int64
	Elapsed               time.Duration
	Done                  bool
}

// Rate is rows read per second.
func (s Stats) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Rows) / s.Elapsed.Seconds()
}

// Fraction is how much of the file has been read (0 when unknown).
func (s Stats) Fraction() float64 {
	if s.TotalBytes <= 0 {
		return 0
	}
	return min(1, float64(s.BytesRead)/float64(s.TotalBytes))
}

// Summary is what an import did. Rejects holds the first rejects (all of
// them are written to Options.Rejects).
type Summary struct {
	Stats
	RunID   string
	Rejects []Reject
}

// Progress is told the running totals after every batch.
type Progress func(p Stats)

// ImportFile imports one CSV (.csv, header row first) or JSON Lines
// (.jsonl) file into an operation. It returns the summary so far with any
// error that stopped it; every batch reported before the error is
// committed, and running the file again resumes (see docs/IMPORT.md).
func ImportFile(ctx context.Context, store *cypher.Store, actor *keyline.Actor, opts Options) (Summary, error) {
	k, err := kindOf(opts.Kind, opts.Path)
	if err != nil {
		return Summary{}, err
	}
	f, err := os.Open(opts.Path)
	if err != nil {
		return Summary{}, err
	}
	defer f.Close()
	var total int64
	if fi, err := f.Stat(); err == nil {
		total = fi.Size()
	}
	cr := &countingReader{r: f}
	var src source
	switch extOf(opts.Path) {
	case ".csv":
		src, err = newCSV(cr, k)
		if err != nil {
			return Summary{}, fmt.Errorf("%s: %w", opts.Path, err)
		}
	case ".jsonl", ".ndjson":
		src = newJSONL(cr, k)
	default:
		return Summary{}, fmt.Errorf("%s: files are .csv or .jsonl", opts.Path)
	}
	r := newRun(store, actor, k, baseName(opts.Path), opts)
	r.sum.TotalBytes = total
	r.bytes = func() int64 { return cr.n }
	return r.all(ctx, src)
}

// ImportRows imports up to MaxAPIRows rows given as objects (as a JSON
// Lines file's lines) in one transaction, for the API. Line numbers in the
// rejects are 1-based row positions.
func ImportRows(ctx context.Context, store *cypher.Store, actor *keyline.Actor, operationID, kind string, rows []map[string]any) (Summary, error) {
	k, ok := kinds[strings.ToLower(kind)]
	if !ok {
		return Summary{}, keyline.FieldErrorf("kind", "unknown kind %q (kinds: %s)", kind, strings.Join(Kinds, ", "))
	}
	if len(rows) > MaxAPIRows {
		return Summary{}, keyline.Errorf(keyline.CodeLimit, "at most %d rows per call; import larger sets as a file", MaxAPIRows)
	}
	r := newRun(store, actor, k, "api", Options{OperationID: operationID, BatchSize: MaxAPIRows, Workers: 1})
	return r.all(ctx, &sliceSource{k: k, rows: rows})
}

type sliceSource struct {
	k    *kindSpec
	rows []map[string]any
	i    int
}

func (s *sliceSource) next() (rec, error) {
	if s.i >= len(s.rows) {
		return rec{}, io.EOF
	}
	s.i++
	vals, err := jsonValues(s.k, s.rows[s.i-1])
	if err != nil {
		err.line = s.i
		return rec{}, err
	}
	return rec{line: s.i, vals: vals}, nil
}

// run is one import: it reads, validates and batches rows and writes
// each batch through the store.
type run struct {
	store *cypher.Store
	actor *keyline.Actor
	k     *kindSpec
	file  string
	opts  Options
	ctx   mapCtx
	start time.Time
	bytes func() int64
	// seen refuses a second row with the same key in one file: which one
	// should win is a question for the source system, and loading both
	// would make a re-run flip the record between them.
	seen  map[string]int
	known knownIDs
	// fresh is set while every batch of the run so far found all its
	// keys new (a first import): later batches are then written without
	// reading their keys first (Batch.AssumeNew). A batch that finds an
	// existing record clears it.
	fresh   atomic.Bool
	sum     Summary
	rejects *csv.Writer
}

func newRun(store *cypher.Store, actor *keyline.Actor, k *kindSpec, file string, opts Options) *run {
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	r := &run{store: store, actor: actor, k: k, file: file, opts: opts, start: time.Now(),
		ctx:  mapCtx{sourceURN: strings.TrimSpace(opts.SourceURN), now: time.Now()},
		seen: map[string]int{}}
	r.sum.File, r.sum.Kind = file, k.name
	r.sum.RunID = "imp_" + strings.ToLower(ulid.Make().String())
	if opts.Rejects != nil {
		r.rejects = csv.NewWriter(opts.Rejects)
		_ = r.rejects.Write([]string{"file", "line", "field", "reason"})
	}
	return r
}

func (r *run) all(ctx context.Context, src source) (Summary, error) {
	if err := r.actor.Authorise(r.k.perm, r.opts.OperationID); err != nil {
		return r.sum.finish(r), err
	}
	// Batches already handed to a writer are finished whatever happens to
	// ctx: cancelling a transaction in the middle of its commit would leave
	// it unknown whether the batch is in the graph, and every batch that is
	// must be reported. Cancelling ctx (or a failed batch) stops the reader,
	// so no new batch starts.
	writeCtx := context.WithoutCancel(ctx)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	// The reader validates and batches rows on this goroutine while up to
	// Workers batches are written; their results come back on done and
	// are counted here, so Summary, Progress and the rejects report are
	// only ever touched by this goroutine.
	workers := r.workers()
	todo := make(chan Batch)
	done := make(chan written, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range todo {
				res, err := r.write(writeCtx, b)
				done <- written{b: b, res: res, err: err}
			}
		}()
	}
	var firstErr error
	collect := func(w written) {
		if w.err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("%s lines %d-%d: %w", r.file, w.b.FirstLine, w.b.LastLine, w.err)
				cancel(firstErr)
			}
			return
		}
		r.count(w.b, w.res)
	}
	send := func(b Batch) {
		for ctx.Err() == nil {
			select {
			case todo <- b:
				return
			case w := <-done:
				collect(w)
			case <-ctx.Done():
			}
		}
	}
	readErr := r.read(ctx, src, send)
	close(todo)
	go func() { wg.Wait(); close(done) }()
	for w := range done {
		collect(w)
	}
	switch {
	case firstErr != nil:
		return r.sum.finish(r), firstErr
	case readErr != nil:
		return r.sum.finish(r), readErr
	}
	s := r.sum.finish(r)
	s.Done = true
	if r.opts.Progress != nil {
		r.opts.Progress(s.Stats)
	}
	return s, nil
}

// written is one batch's outcome.
type written struct {
	b   Batch
	res BatchResult
	err error
}

// workers is how many batches are written at once. Actions are numbered
// in file order from the operation's counter, so their batches go one at
// a time.
func (r *run) workers() int {
	w := r.opts.Workers
	if w <= 0 {
		w = DefaultWorkers
	}
	if r.k.ordered {
		w = 1
	}
	return w
}

// read validates and batches the source's rows, handing each full batch
// to send; it stops at the end of the source or when ctx ends (a write
// failed, or the caller gave up).
func (r *run) read(ctx context.Context, src source, send func(Batch)) error {
	var batch []Row
	flush := func() {
		if len(batch) == 0 {
			return
		}
		send(Batch{OperationID: r.opts.OperationID, RunID: r.sum.RunID, File: r.file, FileKind: r.k.name,
			FirstLine: batch[0].Line, LastLine: batch[len(batch)-1].Line, Rows: batch})
		batch = make([]Row, 0, r.opts.BatchSize)
	}
	for {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		rc, err := src.next()
		if err == io.EOF {
			break
		}
		var le *lineError
		if errors.As(err, &le) {
			r.sum.Rows++
			r.reject(Reject{File: r.file, Line: le.line, Field: le.field, Reason: le.reason})
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", r.file, err)
		}
		r.sum.Rows++
		if row, ok := r.add(rc); ok {
			batch = append(batch, row)
		}
		if len(batch) >= r.opts.BatchSize {
			flush()
		}
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	flush()
	return nil
}

// write writes one batch in one transaction: it commits with its audit
// event, or not at all. Batches written at the same time can race to
// create the same record (a phone number first seen in two batches of
// call data): the loser's transaction fails on the key's uniqueness
// constraint, changes nothing, and is planned and written again, when it
// finds the record the winner created. A transaction that failed
// changed nothing, so writing the batch again is always safe.
//
// Later batches reuse the ids earlier ones resolved (r.known) instead of
// looking the same references up again; a retry after a conflict looks
// everything up afresh, in case the conflict was a known record deleted.
func (r *run) write(ctx context.Context, b Batch) (BatchResult, error) {
	b.Known = r.known.get
	b.AssumeNew = r.fresh.Load()
	for attempt := 1; ; attempt++ {
		res, err := writeBatch(ctx, r.store, r.actor, b)
		if err == nil {
			r.known.add(res.Resolved)
			// All new: the next batches are probably new too.
			r.fresh.Store(res.Updated == 0 && res.Unchanged == 0 && res.Created > 0)
		}
		if b.AssumeNew && keyline.ErrorCode(err) == keyline.CodeConflict {
			// A key assumed new exists (a re-run, or the resumed part of
			// an interrupted import): read before writing from now on.
			r.fresh.Store(false)
			b.AssumeNew = false
		}
		code := keyline.ErrorCode(err)
		if err == nil || attempt == maxRetries || (code != keyline.CodeConflict && code != keyline.CodeUnavailable) {
			return res, err
		}
		// Unavailable is a transient failure the driver has already
		// retried for a while (a lock held by a concurrent batch): give
		// it a moment more.
		if code == keyline.CodeUnavailable {
			select {
			case <-ctx.Done():
				return res, err
			case <-time.After(time.Duration(attempt) * 500 * time.Millisecond):
			}
		}
		b.Known = nil
	}
}

// knownIDs maps import keys to the ids of records an import has already
// resolved or created, so that later batches need not look them up. It is
// bounded: past maxKnown keys, later references are looked up as usual.
type knownIDs struct {
	mu  sync.RWMutex
	ids map[keyline.Kind]map[string]string
	n   int
}

const maxKnown = 2_000_000

func (k *knownIDs) get(kind keyline.Kind, key string) (string, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	id, ok := k.ids[kind][key]
	return id, ok
}

func (k *knownIDs) add(resolved map[keyline.Kind]map[string]string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.ids == nil {
		k.ids = map[keyline.Kind]map[string]string{}
	}
	for kind, keys := range resolved {
		m := k.ids[kind]
		if m == nil {
			m = map[string]string{}
			k.ids[kind] = m
		}
		for key, id := range keys {
			if k.n >= maxKnown {
				return
			}
			if _, had := m[key]; !had {
				k.n++
			}
			m[key] = id
		}
	}
}

// maxRetries bounds how often a batch that lost a race, or found the
// database busy, is written again before the import stops with the error.
const maxRetries = 5

// add validates and maps one record, rejecting it when it is invalid or
// repeats an earlier row's key.
func (r *run) add(rc rec) (Row, bool) {
	rw := &row{vals: rc.vals}
	out, key := r.k.build(rw, &r.ctx)
	if rw.err != nil {
		field, reason := errText(rw.err)
		r.reject(Reject{File: r.file, Line: rc.line, Field: field, Reason: reason})
		return out, false
	}
	if line, dup := r.seen[key]; dup {
		r.reject(Reject{File: r.file, Line: rc.line, Reason: fmt.Sprintf("same key %q as line %d", key, line)})
		return out, false
	}
	r.seen[key] = rc.line
	out.Line = rc.line
	return out, true
}

func (r *run) reject(j Reject) {
	r.sum.Rejected++
	if len(r.sum.Rejects) < maxKeptRejects {
		r.sum.Rejects = append(r.sum.Rejects, j)
	}
	if r.rejects != nil {
		_ = r.rejects.Write([]string{j.File, strconv.Itoa(j.Line), j.Field, j.Reason})
		r.rejects.Flush()
	}
}

// count adds a committed batch to the summary and reports progress.
func (r *run) count(b Batch, res BatchResult) {
	s := &r.sum
	s.Batches++
	s.Loaded += len(b.Rows) - len(res.Rejected)
	s.Created += res.Created
	s.Updated += res.Updated
	s.Unchanged += res.Unchanged
	s.LinksCreated += res.LinksCreated
	s.LinksUpdated += res.LinksUpdated
	s.LinksUnchanged += res.LinksUnchanged
	for _, j := range res.Rejected {
		r.reject(j)
	}
	if r.opts.Progress != nil {
		r.opts.Progress(s.finish(r).Stats)
	}
}

func (s Summary) finish(r *run) Summary {
	s.Elapsed = time.Since(r.start)
	if r.bytes != nil {
		s.BytesRead = r.bytes()
	}
	return s
}

// WriteRejects writes rejects as CSV (file, line, field, reason).
func WriteRejects(w io.Writer, rejects []Reject) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"file", "line", "field", "reason"})
	for _, j := range rejects {
		_ = cw.Write([]string{j.File, strconv.Itoa(j.Line), j.Field, j.Reason})
	}
	cw.Flush()
	return cw.Error()
}

func baseName(p string) string { return filepath.Base(p) }

func extOf(p string) string { return strings.ToLower(filepath.Ext(p)) }
