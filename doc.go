// Package keyline holds Keyline's domain: the error vocabulary, the actor and
// its need-to-know rules, intelligence grading, identifiers and input
// validation. Nothing here touches Neo4j or HTTP; the store lives in cypher/,
// the API in graph/ and resolvers/.
package keyline
