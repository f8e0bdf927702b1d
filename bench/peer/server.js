// The generic GraphQL-to-Cypher peer for scripts/bench-peer.sh: @neo4j/graphql
// over the same Neo4j Keyline serves, with no authentication or
// authorisation at all (Keyline's need-to-know filtering has no
// counterpart here, which favours the peer).
//
// Usage: node server.js [--port 4000] [--neo4j bolt://127.0.0.1:7687]
// Environment: PEER_PORT, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

import { Neo4jGraphQL } from "@neo4j/graphql";
import { GraphQLScalarType } from "graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PEER_PORT || "4000" },
    neo4j: { type: "string", default: process.env.NEO4J_URI || "bolt://127.0.0.1:7687" },
  },
});

const auth = process.env.NEO4J_USER
  ? neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD || "")
  : undefined;
// Pool as large as the benchmark's highest concurrency, like Keyline's
// driver default (100), so neither side queues on connections.
const driver = neo4j.driver(values.neo4j, auth, { maxConnectionPoolSize: 100 });

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
// Temporal values as the driver renders them (ISO 8601); see typeDefs.
const Instant = new GraphQLScalarType({
  name: "Instant",
  description: "A Neo4j temporal value in ISO 8601.",
  serialize: (v) => (v == null ? null : v.toString()),
  parseValue: (v) => v,
});
const schema = await new Neo4jGraphQL({ typeDefs, driver, resolvers: { Instant } }).getSchema();

const yoga = createYoga({
  schema,
  graphqlEndpoint: "/graphql",
  graphiql: false,
  // Yoga's default logger prints every error; a benchmark wants quiet.
  logging: "warn",
  landingPage: false,
  // The driver reports the first error of a run; a masked one says nothing.
  maskedErrors: false,
});

const server = createServer(yoga);
server.keepAliveTimeout = 65_000;
server.listen(Number(values.port), "127.0.0.1", () => {
  console.log(`peer: @neo4j/graphql serving http://127.0.0.1:${values.port}/graphql over ${values.neo4j}`);
});

const stop = async () => {
  server.close();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
