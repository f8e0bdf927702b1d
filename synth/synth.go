// Package synth generates a large, realistic, synthetic investigation
// network inside one operation, for benchmarking link analysis at the
// scale of a regional SOCU's holdings (100k to 1M persons).
//
// The network is deterministic for a seed and heavy-tailed like real
// criminal networks: associations grow by preferential attachment, deal
// lines have thousands of contacts, a few addresses house many people.
// Every link carries the provenance the API requires (sources, confidence,
// first/last seen), citing generated intelligence items, so every query
// and chart behaves as on real data. Names, numbers and marks are
// fictional.
//
// Records are written with the store's bulk writes, which skip per-row
// audit events: see cypher.Store.BulkNodes.
package synth

import (
	"context"
	"fmt"
	"time"

	"github.com/keyline/keyline"
	"github.com/keyline/keyline/cypher"
)

// Config says what to generate and where.
type Config struct {
	// Persons sets the scale; the other kinds follow from it (about 1.3
	// phones, 0.35 vehicles, 0.8 locations, 1/500 organisations, 1/20
	// events and 1/3 intelligence items per person).
	Persons int
	Seed    uint64
	// OperationID is the existing operation that receives every record.
	OperationID string
	// BatchSize is the rows per write transaction (default 5000).
	BatchSize int
	// Progress, if set, is told after every batch how far the stage has
	// got. total is exact for node stages and an estimate for link stages
	// until the stage ends, when it is called once more with done == total.
	Progress func(stage string, done, total int)
	// Now stamps createdAt/updatedAt and anchors every generated date (all
	// within three years before it); zero means when Generate starts. It
	// moves dates only: which records and links a seed gives never depends
	// on it.
	Now time.Time
}

// DefaultBatchSize is the rows per transaction unless Config says.
const DefaultBatchSize = 5000

// Stats says what a generation wrote and how long it took.
type Stats struct {
	Nodes map[keyline.Kind]int
	// Links counts relationships by type, MENTIONS included.
	Links map[string]int
	// NodeTime and LinkTime split Elapsed between the node stages and the
	// relationship stages, for write rates of each.
	NodeTime, LinkTime time.Duration
	Elapsed            time.Duration
}

// NodeCount is the number of records written.
func (s Stats) NodeCount() int {
	n := 0
	for _, c := range s.Nodes {
		n += c
	}
	return n
}

// RelationshipCount is the number of relationships written.
func (s Stats) RelationshipCount() int {
	n := 0
	for _, c := range s.Links {
		n += c
	}
	return n
}

type batch struct {
	stage *Stage
	rows  []map[string]any
}

// Generate writes the network cfg describes into cfg.OperationID, a batch
// per transaction. Generation runs one batch ahead of the writes, so the
// database, not the generator, sets the pace; memory stays at the plan (a
// few tens of bytes per person) plus three batches. On error the records
// already written stay: generate into a fresh operation and drop it.
func Generate(ctx context.Context, store *cypher.Store, cfg Config) (Stats, error) {
	start := time.Now()
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	if cfg.Now.IsZero() {
		cfg.Now = start
	}
	stats := Stats{Nodes: map[keyline.Kind]int{}, Links: map[string]int{}}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan batch, 1)
	genErr := make(chan error, 1)
	go func() {
		defer close(batches)
		var cur batch
		send := func() error {
			if len(cur.rows) == 0 {
				return nil
			}
			select {
			case batches <- cur:
			case <-ctx.Done():
				return ctx.Err()
			}
			cur.rows = make([]map[string]any, 0, cfg.BatchSize)
			return nil
		}
		err := Rows(ctx, cfg, func(st *Stage, row map[string]any) error {
			if st != cur.stage {
				if err := send(); err != nil {
					return err
				}
				cur.stage = st
			}
			cur.rows = append(cur.rows, row)
			if len(cur.rows) >= cfg.BatchSize {
				return send()
			}
			return nil
		})
		if err == nil {
			err = send()
		}
		genErr <- err
	}()

	var (
		stage      *Stage
		done       int
		stageStart = time.Now()
	)
	endStage := func() {
		if stage == nil {
			return
		}
		if stage.Kind != "" {
			stats.NodeTime += time.Since(stageStart)
		} else {
			stats.LinkTime += time.Since(stageStart)
		}
		// Node stages know their total, so their last batch already said so.
		if cfg.Progress != nil && done != stage.Total {
			cfg.Progress(stage.Name, done, done)
		}
	}
	var writeErr error
	for b := range batches {
		if b.stage != stage {
			endStage()
			stage, done, stageStart = b.stage, 0, time.Now()
		}
		var err error
		switch {
		case stage.Kind != "":
			err = store.BulkNodes(ctx, stage.Kind, b.rows)
		case stage.Link == Mentions:
			err = store.BulkMentions(ctx, b.rows)
		default:
			err = store.BulkLinks(ctx, stage.Link, b.rows)
		}
		if err != nil {
			writeErr = fmt.Errorf("synth: writing %s rows %d-%d: %w", stage.Name, done, done+len(b.rows), err)
			cancel()
			for range batches {
				// let the generator see the cancellation and stop
			}
			break
		}
		done += len(b.rows)
		if stage.Kind != "" {
			stats.Nodes[stage.Kind] += len(b.rows)
		} else {
			stats.Links[stage.Link] += len(b.rows)
		}
		if cfg.Progress != nil {
			cfg.Progress(stage.Name, done, max(stage.Total, done))
		}
	}
	gerr := <-genErr
	stats.Elapsed = time.Since(start)
	if writeErr != nil {
		return stats, writeErr
	}
	if gerr != nil {
		return stats, gerr
	}
	endStage()
	stats.Elapsed = time.Since(start)
	return stats, nil
}
