// The evidence screens' GraphQL operations (names start with Evidence).
import { graphql } from '../gql';

/** What a trace shows of each record on it. */
export const EvidenceTraceNodeFragment = graphql(`
  fragment EvidenceTraceNode on Node {
    __typename
    id
    ... on Exhibit { reference kind description obtainedOn disclosureStatus }
    ... on Action { number title status allocatedTo { name } }
    ... on IntelligenceItem {
      urn receivedAt sourceType classification sanitisedText
      grading { code source assessment handling conditions }
    }
    ... on LineOfEnquiry { title loeStatus: status }
    ... on Decision { decision madeAt }
  }
`);

export const EvidenceExhibitsDocument = graphql(`
  query EvidenceExhibits($operationId: ID!, $filter: EntityFilter, $first: Int!, $after: String) {
    operation(id: $operationId) {
      id
      exhibits(filter: $filter, orderBy: { field: LABEL, direction: ASC }, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id reference kind description obtainedOn disclosureStatus } }
      }
    }
  }
`);

export const EvidenceExhibitDocument = graphql(`
  query EvidenceExhibit($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Exhibit {
        reference kind description obtainedOn disclosureStatus sensitivityReason reviewDate disposed
        updatedAt updatedBy version
        operation { id reference }
        obtainedBy { id number title status allocatedTo { name } }
        continuity { at heldBy location purpose }
        traceBack {
          truncated
          steps { from to relation }
          nodes { ...EvidenceTraceNode }
        }
      }
    }
  }
`);

export const EvidenceItemDocument = graphql(`
  query EvidenceItem($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on IntelligenceItem {
        urn receivedAt reportedAt sourceType classification sanitisedText sourceText reviewDate disposed
        grading { code source assessment handling conditions }
        legacyGrading { code }
        operation { id reference }
        traceForward {
          truncated
          steps { from to relation }
          nodes { ...EvidenceTraceNode }
        }
      }
    }
  }
`);

export const EvidenceIntelligenceListDocument = graphql(`
  query EvidenceIntelligenceList($operationId: ID!, $undeveloped: Boolean!, $first: Int!, $after: String) {
    operation(id: $operationId) {
      id
      undevelopedIntelligence(first: $first, after: $after) @include(if: $undeveloped) {
        ...EvidenceItemPage
      }
      uncorroboratedIntelligence(first: $first, after: $after) @skip(if: $undeveloped) {
        ...EvidenceItemPage
      }
    }
  }
  fragment EvidenceItemPage on IntelligenceItemConnection {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id urn receivedAt sourceType classification sanitisedText
        grading { code source assessment handling conditions }
      }
    }
  }
`);

export const EvidenceConversionDocument = graphql(`
  query EvidenceConversion($operationId: ID!) {
    operation(id: $operationId) {
      id
      intelligenceConversion { items developed evidenced developmentRate conversionRate }
    }
  }
`);

export const EvidenceRecordContinuityDocument = graphql(`
  mutation EvidenceRecordContinuity($exhibitId: ID!, $expectedVersion: Int!, $input: ContinuityInput!) {
    recordContinuity(exhibitId: $exhibitId, expectedVersion: $expectedVersion, input: $input) {
      id version
      continuity { at heldBy location purpose }
    }
  }
`);
