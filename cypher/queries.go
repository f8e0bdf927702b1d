package cypher

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/keyline/keyline"
)

// Every query Keyline runs is a named, parameterised file under queries/.
// A few are templates over an allow-listed label or relationship type
// (written __LABEL__ and __REL__); they are expanded here, once, for each
// allowed value, so no client string ever reaches the query text.
//
//go:embed queries/*.cypher migrations/*.cypher
var files embed.FS

// query is a loaded Cypher statement with its file name for logs and metrics.
type query struct {
	name string
	text string
}

var (
	queries = map[string]query{}
	// byLabel["node_create"]["Person"] is node_create with __LABEL__=Person.
	byLabel = map[string]map[keyline.Kind]query{}
	// byRel["relate_out"]["SUBJECT"] is relate_out with __REL__=SUBJECT.
	byRel = map[string]map[string]query{}
	// byBounds["paths_k_shortest"][bounds{6, 3}] is that query with
	// __HOPS__=6 and __K__=3: Cypher needs both as literals, so each
	// allowed value is expanded here, never formatted from input.
	byBounds = map[string]map[bounds]query{}
)

// bounds are the literal hop bound and path count of a path query.
type bounds struct{ hops, k int }

// Bounds of the templated path queries.
const (
	MaxPathHops = 8
	MaxPaths    = 10
)

func init() {
	entries, err := fs.Glob(files, "queries/*.cypher")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		b, err := files.ReadFile(e)
		if err != nil {
			panic(err)
		}
		name := strings.TrimSuffix(path.Base(e), ".cypher")
		text := expandScope(string(b))
		switch {
		case strings.Contains(text, "__LABEL__"):
			byLabel[name] = map[keyline.Kind]query{}
			for _, k := range keyline.Kinds {
				byLabel[name][k] = query{name: name + ":" + string(k), text: strings.ReplaceAll(text, "__LABEL__", string(k))}
			}
		case strings.Contains(text, "__HOPS__"):
			byBounds[name] = map[bounds]query{}
			for h := 1; h <= MaxPathHops; h++ {
				for k := 1; k <= MaxPaths; k++ {
					if k > 1 && !strings.Contains(text, "__K__") {
						break
					}
					t := strings.ReplaceAll(strings.ReplaceAll(text, "__HOPS__", strconv.Itoa(h)), "__K__", strconv.Itoa(k))
					byBounds[name][bounds{h, k}] = query{name: fmt.Sprintf("%s:%d:%d", name, h, k), text: t}
				}
			}
		case strings.Contains(text, "__REL__"):
			byRel[name] = map[string]query{}
			for _, r := range allRelTypes() {
				byRel[name][r] = query{name: name + ":" + r, text: strings.ReplaceAll(text, "__REL__", r)}
			}
		default:
			queries[name] = query{name: name, text: text}
		}
	}
}

// q returns a plain named query; a missing name is a programming error.
func q(name string) query {
	x, ok := queries[name]
	if !ok {
		panic(fmt.Sprintf("cypher: no query %q", name))
	}
	return x
}

// qLabel returns a label template expanded for kind k.
func qLabel(name string, k keyline.Kind) query {
	x, ok := byLabel[name][k]
	if !ok {
		panic(fmt.Sprintf("cypher: no query %q for label %q", name, k))
	}
	return x
}

// qRel returns a relationship-type template expanded for rel.
func qRel(name, rel string) query {
	x, ok := byRel[name][rel]
	if !ok {
		panic(fmt.Sprintf("cypher: no query %q for relationship %q", name, rel))
	}
	return x
}

// qBounds returns a path template expanded for a hop bound and count.
func qBounds(name string, hops, k int) query {
	x, ok := byBounds[name][bounds{hops, k}]
	if !ok {
		panic(fmt.Sprintf("cypher: no query %q for %d hops, %d paths", name, hops, k))
	}
	return x
}

// QueryNames lists every named query and template expansion, for tests
// that run each one (e.g. to check its notifications).
func QueryNames() []string {
	var out []string
	for n := range queries {
		out = append(out, n)
	}
	for n, m := range byLabel {
		for k := range m {
			out = append(out, n+":"+string(k))
		}
	}
	for n, m := range byRel {
		for r := range m {
			out = append(out, n+":"+r)
		}
	}
	for _, m := range byBounds {
		for _, x := range m {
			out = append(out, x.name)
		}
	}
	return out
}
