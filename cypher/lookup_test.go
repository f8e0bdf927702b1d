package cypher

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// A record is found by id through the one unique index on :Keyed(id).
// Matching on the kind's label alone, (a:Action {id: $id}), has no index
// to use: Neo4j scans every node of that label, a cost that grows with the
// database (migration 0008's re-description of persons timed out at the
// 30 s transaction limit that way). ServiceAccount and AuditEvent carry
// constraints of their own on id. Only where a statement starts looking
// (a MATCH's first node) does this matter: a node with an id further
// along a pattern is reached from the node before it.
func TestLookupsByIDUseTheKeyedIndex(t *testing.T) {
	byLabelOnly := regexp.MustCompile(`(?m)^\s*(?:OPTIONAL )?MATCH \(\w*:(\w+) \{id:`)
	own := map[string]bool{"Keyed": true, "ServiceAccount": true, "AuditEvent": true}
	files, err := filepath.Glob(filepath.Join("queries", "*.cypher"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no query files: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range byLabelOnly.FindAllStringSubmatch(string(b), -1) {
			if !own[m[1]] {
				t.Errorf("%s: %q finds a record by id without :Keyed (a label scan)", filepath.Base(f), m[0])
			}
		}
	}
}
