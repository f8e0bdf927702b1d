// The provenance panel's GraphQL operation (names start with Provenance).
import { graphql } from '../gql';

export const ProvenanceLinkDocument = graphql(`
  query ProvenanceLink($id: ID!) {
    node(id: $id) {
      __typename
      ... on Link {
        id
        type
        kind
        role
        count
        firstSeen
        lastSeen
        confidence
        updatedAt
        updatedBy
        from { __typename id label }
        to { __typename id label }
        sources {
          __typename
          ... on IntelligenceItem {
            id
            urn
            classification
            sourceType
            receivedAt
            reportedAt
            grading { source assessment handling conditions code }
            legacyGrading { code }
            sanitisedText
            sourceText
          }
          ... on Exhibit {
            id
            reference
            exhibitKind: kind
            description
            obtainedOn
            disclosureStatus
          }
        }
      }
    }
  }
`);
