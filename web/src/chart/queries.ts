// The link chart's GraphQL operations. Each link carries only what the
// chart needs to draw and mark it (its sources' classification and
// handling); the provenance panel reads the rest when a link is opened.
import { graphql } from '../gql';

export const ChartEntityFragment = graphql(`
  fragment ChartEntity on Entity {
    __typename
    id
    label
  }
`);

// Kept small: a network of 2,000 entities and their links must stay under
// the API's query cost limit (resolvers/limits.go), also through
// runSavedSearch, which is costed as the largest question of any kind.
export const ChartLinkFragment = graphql(`
  fragment ChartLink on Link {
    id
    type
    kind
    count
    firstSeen
    lastSeen
    confidence
    from { id }
    to { id }
    sources { ... on IntelligenceItem { classification grading { handling conditions } } }
  }
`);

/** A link with its ends' labels, for answers that may name entities not yet charted. */
export const ChartLinkEndsFragment = graphql(`
  fragment ChartLinkEnds on Link {
    ...ChartLink
    from { ...ChartEntity }
    to { ...ChartEntity }
  }
`);

export const ChartNetworkFragment = graphql(`
  fragment ChartNetwork on Network {
    truncated
    nodes { ...ChartEntity }
    frontier { id }
    links { ...ChartLink }
  }
`);

export const ChartPathsFragment = graphql(`
  fragment ChartPaths on PathsResult {
    truncated
    paths {
      length
      nodes { ...ChartEntity }
      links { ...ChartLink }
    }
  }
`);

export const ChartCommonFragment = graphql(`
  fragment ChartCommon on CommonLinks {
    shared { entity { ...ChartEntity } linkedTo count links { ...ChartLinkEnds } }
    coMentions {
      entityIds
      item { id urn classification sanitisedText receivedAt grading { code handling conditions } }
    }
  }
`);

export const ChartKeyPlayersFragment = graphql(`
  fragment ChartKeyPlayers on KeyPlayers {
    nodeCount
    linkCount
    truncated
    rankedBy
    modularity
    ranked { rank entity { ...ChartEntity } degree degreeCentrality betweenness closeness eigenvector community }
    communities { id size members { ...ChartEntity } }
  }
`);

export const ChartMeetingFragment = graphql(`
  fragment ChartMeeting on CoLocation {
    place { ...ChartEntity }
    entities { ...ChartEntity }
    firstSeen
    lastSeen
  }
`);

export const ChartTimelineFragment = graphql(`
  fragment ChartTimelineEntry on TimelineEntry {
    at
    entry
    event { ...ChartEntity kind summary }
    link { ...ChartLinkEnds }
  }
`);

export const ChartNodesDocument = graphql(`
  query ChartNodes($ids: [ID!]!) {
    nodes(ids: $ids) { ... on Entity { ...ChartEntity } }
  }
`);

/** Each entity's links, to draw the links among entities already charted. */
export const ChartLinksAmongDocument = graphql(`
  query ChartLinksAmong($ids: [ID!]!, $first: Int!) {
    nodes(ids: $ids) {
      ... on Entity {
        id
        links(first: $first) { totalCount edges { node { ...ChartLink } } }
      }
    }
  }
`);

export const ChartNetworkDocument = graphql(`
  query ChartNetwork($input: NetworkInput!) {
    network(input: $input) { ...ChartNetwork }
  }
`);

export const ChartPathsDocument = graphql(`
  query ChartPaths($input: PathsInput!) {
    paths(input: $input) { ...ChartPaths }
  }
`);

export const ChartCommonLinksDocument = graphql(`
  query ChartCommonLinks($input: CommonLinksInput!) {
    commonLinks(input: $input) { ...ChartCommon }
  }
`);

export const ChartKeyPlayersDocument = graphql(`
  query ChartKeyPlayers($input: KeyPlayersInput!) {
    keyPlayers(input: $input) { ...ChartKeyPlayers }
  }
`);

export const ChartCoLocationDocument = graphql(`
  query ChartCoLocation($input: CoLocationInput!) {
    coLocation(input: $input) { ...ChartMeeting }
  }
`);

export const ChartTimelineDocument = graphql(`
  query ChartTimeline($input: TimelineInput!) {
    timeline(input: $input) { ...ChartTimelineEntry }
  }
`);

export const ChartSavedSearchInfoDocument = graphql(`
  query ChartSavedSearchInfo($id: ID!) {
    node(id: $id) { ... on SavedSearch { id name kind parameters } }
  }
`);

// Each kind of saved search is re-run with its own selection (the saved
// search's kind is read first); the API costs it by its own question.
export const ChartSavedNetworkDocument = graphql(`
  query ChartSavedNetwork($id: ID!) {
    runSavedSearch(id: $id) { __typename ... on Network { ...ChartNetwork } }
  }
`);
export const ChartSavedPathsDocument = graphql(`
  query ChartSavedPaths($id: ID!) {
    runSavedSearch(id: $id) { __typename ... on PathsResult { ...ChartPaths } }
  }
`);
export const ChartSavedCommonLinksDocument = graphql(`
  query ChartSavedCommonLinks($id: ID!) {
    runSavedSearch(id: $id) { __typename ... on CommonLinks { ...ChartCommon } }
  }
`);

export const ChartSavedKeyPlayersDocument = graphql(`
  query ChartSavedKeyPlayers($id: ID!) {
    runSavedSearch(id: $id) { __typename ... on KeyPlayers { ...ChartKeyPlayers } }
  }
`);
export const ChartSavedCoLocationDocument = graphql(`
  query ChartSavedCoLocation($id: ID!) {
    runSavedSearch(id: $id) { __typename ... on CoLocationResult { meetings { ...ChartMeeting } } }
  }
`);
export const ChartSavedTimelineDocument = graphql(`
  query ChartSavedTimeline($id: ID!) {
    runSavedSearch(id: $id) { __typename ... on TimelineResult { entries { ...ChartTimelineEntry } } }
  }
`);

export const ChartSaveSearchDocument = graphql(`
  mutation ChartSaveSearch($input: SaveSearchInput!) {
    saveSearch(input: $input) { id name kind }
  }
`);
