//go:build ignore

// grant_membership makes a development identity a member of an operation
// and prints one of the operation's best-connected persons: the synthetic
// network (`keyline seed --synthetic N`) is written into an operation with
// no members, and the workbench benchmark (scripts/bench-web.sh) signs in
// as the development analyst. Run from the repository root:
//
//	go run web/bench/grant_membership.go -operation REF [-subject dev-analyst]
//
// with NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD set. It prints the operation's
// id and the seed person's id and label, tab-separated. The same MERGE as
// bench/peer/driver's grantMembership; the officer of the subject exists
// already when the demo operation is loaded.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	ref := flag.String("operation", "", "reference of the operation (e.g. OP-SYNTH-5000-2026)")
	subject := flag.String("subject", "dev-analyst", "identity subject made a member")
	flag.Parse()
	if *ref == "" {
		fail(fmt.Errorf("-operation is required"))
	}
	ctx := context.Background()
	auth := neo4j.NoAuth()
	if u := os.Getenv("NEO4J_USER"); u != "" {
		auth = neo4j.BasicAuth(u, os.Getenv("NEO4J_PASSWORD"), "")
	}
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		uri = "bolt://127.0.0.1:7687"
	}
	drv, err := neo4j.NewDriverWithContext(uri, auth)
	fail(err)
	defer drv.Close(ctx)
	db := neo4j.ExecuteQueryWithDatabase(os.Getenv("NEO4J_DATABASE"))
	res, err := neo4j.ExecuteQuery(ctx, drv, `
		MATCH (op:Operation {reference: $ref})
		MERGE (o:Keyed:Officer {subject: $subject})
		  ON CREATE SET o.id = 'off_webbench', o.name = 'Workbench benchmark', o.collarNumber = 'BENCHW',
		                o.role = 'ANALYST', o.skills = [], o.version = 1
		MERGE (o)-[:MEMBER]->(op)
		RETURN op.id AS id`,
		map[string]any{"ref": *ref, "subject": *subject}, neo4j.EagerResultTransformer, db)
	fail(err)
	if len(res.Records) == 0 {
		fail(fmt.Errorf("no operation %q", *ref))
	}
	opID, _ := res.Records[0].Get("id")
	// The seed: a person of the operation with the most links (COUNT {}
	// over every relationship type is cheap: the degree store).
	res, err = neo4j.ExecuteQuery(ctx, drv, `
		MATCH (p:Person {operationId: $op})
		WITH p, COUNT { (p)--() } AS degree
		ORDER BY degree DESC, p.id
		LIMIT 1
		RETURN p.id AS id, coalesce(p.label, p.id) AS label, degree`,
		map[string]any{"op": opID}, neo4j.EagerResultTransformer, db)
	fail(err)
	if len(res.Records) == 0 {
		fail(fmt.Errorf("operation %q has no persons", *ref))
	}
	id, _ := res.Records[0].Get("id")
	label, _ := res.Records[0].Get("label")
	fmt.Printf("%v\t%v\t%v\n", opID, id, label)
}

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "grant_membership:", err)
		os.Exit(1)
	}
}
