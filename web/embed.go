// Package web holds the workbench, Keyline's single-page app, as built by
// `npm run build` into web/dist/app and embedded in the binary (dist/README
// is committed so that this compiles before any build). `make run` and
// `make test` build it when its sources change; a binary built without it
// serves a page saying so (httpapi).
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Assets is the built app: index.html (the workbench), explorer.html (the
// GraphQL explorer) and assets/ (hashed bundles).
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist/app")
	if err != nil {
		panic(err) // a valid path: cannot happen
	}
	return sub
}
