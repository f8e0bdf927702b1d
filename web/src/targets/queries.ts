// The targets screens' GraphQL operations (names start with Targets).
import { graphql } from '../gql';

/** The tasking ranking: assessed targets, highest score first, filtered on the server. */
export const TargetsRankingDocument = graphql(`
  query TargetsRanking($filter: RankingFilter, $first: Int!) {
    targetRanking(filter: $filter, first: $first) {
      rank
      score
      band
      movement
      target {
        id
        status
        nimLevel
        threatAreas
        updatedAt
        owner { id name }
        subject { __typename id label }
        operation { id reference }
      }
    }
  }
`);

/** Every nominated target of the operation, a page at a time (the register: assessed or not). */
export const TargetsRegisterDocument = graphql(`
  query TargetsRegister($op: ID!, $filter: EntityFilter, $orderBy: EntityOrder, $first: Int!, $after: String) {
    operation(id: $op) {
      id
      targets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            status
            nimLevel
            threatAreas
            updatedAt
            owner { id name }
            subject { __typename id label }
            priority { score band }
            movement
          }
        }
      }
    }
  }
`);

/** MOPI reviews due in the operation, with whom each intelligence item mentions (to flag targets). */
export const TargetsReviewsDueDocument = graphql(`
  query TargetsReviewsDue($op: ID!) {
    operation(id: $op) {
      id
      reviewsDue {
        reviewDate
        overdue
        record {
          __typename
          id
          ... on IntelligenceItem { mentions { entity { id } } }
        }
      }
    }
  }
`);

/** Officers of the operation, for the owner filter. */
export const TargetsOwnersDocument = graphql(`
  query TargetsOwners($op: ID!) {
    operation(id: $op) {
      id
      members(first: 100) { edges { node { id name rank } } }
    }
  }
`);

/** The policy file, newest first, a page at a time. */
export const TargetsPolicyFileDocument = graphql(`
  query TargetsPolicyFile($op: ID!, $first: Int!, $after: String) {
    operation(id: $op) {
      id
      reference
      name
      decisions(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            decision
            rationale
            madeAt
            author { id name rank }
            lineOfEnquiry { id title }
            supersedes { id decision }
          }
        }
      }
    }
  }
`);

/** A target with its package (every NIM section), its score and its reviews. */
export const TargetsPackageDocument = graphql(`
  query TargetsPackage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Target {
        id
        version
        status
        nimLevel
        threatAreas
        rationale
        createdAt
        updatedAt
        updatedBy
        movement
        owner { id name rank }
        assessment {
          physical psychological financial community victimVulnerability geographicScope likelihood
          confidence capacity capability opportunity rationale assessedBy assessedAt
        }
        priority {
          score band modelVersion scoredAt inputs
          factors { name value weight contribution explanation }
        }
        reviews {
          from to score band reviewedAt reviewedBy snapshot
          decision { id decision rationale madeAt author { id name rank } }
        }
        package {
          assembledAt
          subject {
            __typename id label
            ... on Person { givenNames familyName aliases dateOfBirth pncId identifiers personDescription: description }
            ... on Organisation { name orgKind: kind reference orgDescription: description }
          }
          warningMarkers
          criminalActivity {
            entity { __typename id label ... on Event { kind occurredAt summary crimeNumber } }
            link { id type kind role confidence firstSeen lastSeen sources { __typename ... on IntelligenceItem { id urn classification grading { code handling conditions } } ... on Exhibit { id reference } } }
          }
          lifestyle {
            locations {
              entity { __typename id label ... on Location { postcode locationKind: kind } }
              link { id type kind role confidence firstSeen lastSeen sources { __typename ... on IntelligenceItem { id urn classification grading { code handling conditions } } ... on Exhibit { id reference } } }
            }
            communications {
              entity { __typename id label ... on CommsDevice { commsKind: kind } }
              link { id type kind role confidence firstSeen lastSeen sources { __typename ... on IntelligenceItem { id urn classification grading { code handling conditions } } ... on Exhibit { id reference } } }
            }
            vehicles {
              entity { __typename id label ... on Vehicle { vrm make model colour } }
              link { id type kind role confidence firstSeen lastSeen sources { __typename ... on IntelligenceItem { id urn classification grading { code handling conditions } } ... on Exhibit { id reference } } }
            }
          }
          associations {
            entity { __typename id label ... on Person { warningMarkers } ... on Organisation { orgKind: kind } }
            link { id type kind role confidence firstSeen lastSeen sources { __typename ... on IntelligenceItem { id urn classification grading { code handling conditions } } ... on Exhibit { id reference } } }
          }
          intelligence {
            total corroborated latestReceivedAt handlingConditions
            byGrade { key count }
            items {
              id urn receivedAt reportedAt sourceType classification sanitisedText sourceText reviewDate
              grading { code source assessment handling conditions }
              legacyGrading { code }
            }
          }
          gaps { code description entities { __typename id label } }
          risks { code description entities { __typename id label } }
          actions {
            open overdue done
            items { id number title status priority dueDate overdue allocatedTo { id name } }
          }
          evidence { id reference kind description obtainedOn disclosureStatus sensitivityReason }
          tacticalOptions { kind description recordedBy recordedAt }
        }
      }
    }
  }
`);

export const TargetsReviewDocument = graphql(`
  mutation TargetsReview($id: ID!, $expectedVersion: Int!, $input: ReviewTargetInput!) {
    reviewTarget(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      status
      reviews { to reviewedAt decision { id } }
    }
  }
`);

export const TargetsAssessDocument = graphql(`
  mutation TargetsAssess($id: ID!, $expectedVersion: Int!, $input: PriorityAssessmentInput!) {
    assessTarget(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      priority { score band }
    }
  }
`);
