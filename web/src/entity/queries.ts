// The entity screens' GraphQL operations (names start with Entity).
import { graphql } from '../gql';

/** Everything an entity's page or card shows about the entity itself, per type. */
export const EntityDetailsFragment = graphql(`
  fragment EntityDetails on Entity {
    __typename
    id
    label
    updatedAt
    updatedBy
    operation { id reference }
    ... on Person {
      givenNames familyName aliases dateOfBirth pncId identifiers warningMarkers
      personDescription: description
    }
    ... on Organisation {
      name orgKind: kind reference
      orgDescription: description
    }
    ... on Location {
      address postcode latitude longitude locationKind: kind
    }
    ... on Vehicle {
      vrm make model colour
    }
    ... on CommsDevice {
      commsKind: kind number imei email handle lineName
    }
    ... on Event {
      eventKind: kind occurredAt summary crimeNumber crimeClassification: classification
    }
  }
`);

export const EntityHeaderDocument = graphql(`
  query EntityHeader($id: ID!) {
    node(id: $id) {
      ... on Entity {
        ...EntityDetails
        linkTotal: links(first: 0) { totalCount }
        mentionTotal: mentionedIn(first: 0) { totalCount }
      }
    }
  }
`);

export const EntityLinksDocument = graphql(`
  query EntityLinks($id: ID!, $filter: LinkFilter, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Entity {
        id
        links(filter: $filter, first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id
              type
              kind
              role
              count
              firstSeen
              lastSeen
              confidence
              from { id }
              other { __typename id label }
              sources {
                __typename
                ... on IntelligenceItem { id classification grading { code handling conditions } }
                ... on Exhibit { id }
              }
            }
          }
        }
      }
    }
  }
`);

export const EntityIntelligenceDocument = graphql(`
  query EntityIntelligence($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Entity {
        id
        mentionedIn(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id
              urn
              receivedAt
              reportedAt
              sourceType
              classification
              grading { source assessment handling conditions code }
              legacyGrading { code }
              sanitisedText
              sourceText
              mentions { role entity { id } }
            }
          }
        }
      }
    }
  }
`);

export const EntityTimelineDocument = graphql(`
  query EntityTimeline($input: TimelineInput!) {
    timeline(input: $input) {
      at
      entry
      event { id label kind summary crimeNumber }
      link {
        id
        type
        count
        from { __typename id label }
        to { __typename id label }
      }
    }
  }
`);
