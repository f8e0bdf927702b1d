// The audit and MOPI screens' GraphQL operations (names start with Audit or Mopi).
import { graphql } from '../gql';

/** One page of the audit trail, filtered and paged by the server (newest first). */
export const AuditTrailDocument = graphql(`
  query AuditTrail($filter: AuditFilter, $first: Int!, $after: String) {
    auditTrail(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id
          at
          actor
          officerId
          requestId
          action
          entityKind
          entityId
          operationId
          question
          before
          after
          reason
          purpose
          parameters
          resultSize
          withheld
        }
      }
    }
  }
`);

/** Officers, to search the trail by name rather than identity subject. */
export const AuditOfficersDocument = graphql(`
  query AuditOfficers($first: Int!, $after: String) {
    officers(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name rank role collarNumber subject } }
    }
  }
`);

/** The operations the reader may see (auditors: all of them). */
export const AuditOperationsDocument = graphql(`
  query AuditOperations {
    operations(first: 100) {
      edges { node { id reference name status classification } }
    }
  }
`);

/** Records due for MOPI review in one operation, on or before dueBy. */
export const MopiReviewsDueDocument = graphql(`
  query MopiReviewsDue($operationId: ID!, $dueBy: Date) {
    operation(id: $operationId) {
      id
      reference
      name
      reviewsDue(dueBy: $dueBy) {
        reviewDate
        overdue
        record {
          __typename
          id
          ... on IntelligenceItem {
            version
            urn
            receivedAt
            sourceType
            classification
            grading { code handling conditions }
            sanitisedText
            retention { decision rationale decidedBy decidedAt nextReviewDate }
          }
          ... on Exhibit {
            version
            reference
            kind
            description
            obtainedOn
            disclosureStatus
            retention { decision rationale decidedBy decidedAt nextReviewDate }
          }
        }
      }
    }
  }
`);

/** A MOPI retain or dispose decision (SIO or deputy SIO). */
export const MopiRecordRetentionDocument = graphql(`
  mutation MopiRecordRetention($id: ID!, $expectedVersion: Int!, $input: RetentionInput!) {
    recordRetention(id: $id, expectedVersion: $expectedVersion, input: $input) {
      __typename
      id
      ... on IntelligenceItem { version reviewDate disposed }
      ... on Exhibit { version reviewDate disposed }
    }
  }
`);
