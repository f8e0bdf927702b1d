// The search box's GraphQL operation (names start with Search): one
// request over the operation's entity lists, each with its own form of the
// query (see searchLogic.ts).
import { graphql } from '../gql';

export const SearchEntitiesDocument = graphql(`
  query SearchEntities($operationId: ID!, $q: String!, $phone: String!, $vrm: String!, $place: String!, $first: Int!) {
    operation(id: $operationId) {
      id
      persons(filter: { search: $q }, first: $first, orderBy: { field: LABEL }) {
        totalCount
        edges { node { id label dateOfBirth pncId aliases } }
      }
      organisations(filter: { search: $q }, first: $first, orderBy: { field: LABEL }) {
        totalCount
        edges { node { id label kind reference } }
      }
      commsDevices(filter: { search: $phone }, first: $first, orderBy: { field: LABEL }) {
        totalCount
        edges { node { id label kind lineName } }
      }
      vehicles(filter: { search: $vrm }, first: $first, orderBy: { field: LABEL }) {
        totalCount
        edges { node { id label vrm make model colour } }
      }
      locations(filter: { search: $place }, first: $first, orderBy: { field: LABEL }) {
        totalCount
        edges { node { id label address postcode kind } }
      }
    }
  }
`);
