// The action screens' GraphQL operations (names start with Actions).
import { graphql } from '../gql';

/** Every queue's size (for the queue list), optionally for one officer. */
export const ActionsQueueCountsDocument = graphql(`
  query ActionsQueueCounts($operationId: ID!, $officerId: ID) {
    operation(id: $operationId) {
      id
      outstanding: actionQueue(queue: OUTSTANDING, officerId: $officerId, first: 0) { totalCount }
      overdue: actionQueue(queue: OVERDUE, officerId: $officerId, first: 0) { totalCount }
      dueSoon: actionQueue(queue: DUE_SOON, officerId: $officerId, first: 0) { totalCount }
      stale: actionQueue(queue: STALE, officerId: $officerId, first: 0) { totalCount }
      resulted: actionQueue(queue: RESULTED, officerId: $officerId, first: 0) { totalCount }
      referred: actionQueue(queue: REFERRED, officerId: $officerId, first: 0) { totalCount }
      all: actions(filter: { allocatedTo: $officerId }, first: 0) { totalCount }
    }
  }
`);

export const ActionsRowFragment = graphql(`
  fragment ActionsRow on Action {
    id
    number
    title
    priority
    status
    dueDate
    overdue
    chaseCount
    updatedAt
    allocatedTo { id name rank }
  }
`);

/** One page of a queue. */
export const ActionsQueueDocument = graphql(`
  query ActionsQueue($operationId: ID!, $queue: ActionQueue!, $officerId: ID, $days: Int, $first: Int!, $after: String) {
    operation(id: $operationId) {
      id
      actionQueue(queue: $queue, officerId: $officerId, days: $days, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { ...ActionsRow } }
      }
    }
  }
`);

/** One page of every action (the "All actions" list), with search and state filters. */
export const ActionsListDocument = graphql(`
  query ActionsList($operationId: ID!, $filter: ActionFilter, $first: Int!, $after: String) {
    operation(id: $operationId) {
      id
      actions(filter: $filter, orderBy: { field: CREATED_AT, direction: DESC }, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { ...ActionsRow } }
      }
    }
  }
`);

/** The operation's members (for the officer filter and the allocation picker) and its timescales. */
export const ActionsOperationDocument = graphql(`
  query ActionsOperation($operationId: ID!) {
    operation(id: $operationId) {
      id
      version
      actionPolicy { highHours mediumDays lowDays }
      members(first: 100) {
        totalCount
        edges { node { id name rank role skills team subject } }
      }
    }
  }
`);

/** Everything the detail panel shows about one action. */
export const ActionsDetailDocument = graphql(`
  query ActionsDetail($id: ID!) {
    node(id: $id) {
      ... on Action {
        ...ActionsRow
        instructions
        result
        resultedAt
        cancellationReason
        referralReason
        requiredSkills
        lastChasedAt
        createdAt
        updatedBy
        version
        operation { id reference }
        raisedFrom {
          __typename
          id
          ... on IntelligenceItem {
            urn
            receivedAt
            sanitisedText
            classification
            grading { code source assessment handling conditions }
          }
          ... on LineOfEnquiry { title loeStatus: status }
          ... on Decision { decision madeAt author { name } }
          ... on Action { number actionTitle: title actionStatus: status }
        }
        history { at actor step from to reason officerId }
        exhibits { id reference kind description }
        followUps { id number title status }
        intelligenceProduced { id urn classification grading { code handling conditions } }
      }
    }
  }
`);

/** Officers ranked for an action by skills and workload. */
export const ActionsSuggestionsDocument = graphql(`
  query ActionsSuggestions($id: ID!) {
    node(id: $id) {
      ... on Action {
        id
        allocationSuggestions(first: 5) {
          score
          skillsMatched
          skillsMissing
          openActions
          workload
          reasons
          officer { id name rank team }
        }
      }
    }
  }
`);

/** Officers of the unit, by name (the allocation picker's search). */
export const ActionsOfficersDocument = graphql(`
  query ActionsOfficers($search: String) {
    officers(search: $search, first: 20) {
      edges { node { id name rank role team skills } }
    }
  }
`);

/** Origins an action can be raised from: intelligence items, lines of enquiry, decisions. */
export const ActionsOriginIntelDocument = graphql(`
  query ActionsOriginIntel($operationId: ID!, $search: String) {
    operation(id: $operationId) {
      id
      intelligenceItems(filter: { search: $search }, orderBy: { field: CREATED_AT, direction: DESC }, first: 15) {
        totalCount
        edges {
          node {
            id urn receivedAt sanitisedText classification
            grading { code handling conditions }
          }
        }
      }
    }
  }
`);

export const ActionsOriginPolicyDocument = graphql(`
  query ActionsOriginPolicy($operationId: ID!) {
    operation(id: $operationId) {
      id
      linesOfEnquiry(first: 100) { edges { node { id title status description } } }
      decisions(first: 100) { edges { node { id decision madeAt author { name } } } }
    }
  }
`);

export const ActionsRaiseDocument = graphql(`
  mutation ActionsRaise($input: RaiseActionInput!) {
    raiseAction(input: $input) { id number version }
  }
`);

export const ActionsUpdateDocument = graphql(`
  mutation ActionsUpdate($id: ID!, $expectedVersion: Int!, $input: UpdateActionInput!) {
    updateAction(id: $id, expectedVersion: $expectedVersion, input: $input) { id version }
  }
`);

export const ActionsProgressDocument = graphql(`
  mutation ActionsProgress($id: ID!, $expectedVersion: Int!, $input: ProgressActionInput!) {
    progressAction(id: $id, expectedVersion: $expectedVersion, input: $input) { id status version }
  }
`);

export const ActionsChaseDocument = graphql(`
  mutation ActionsChase($id: ID!, $expectedVersion: Int!, $note: String) {
    chaseAction(id: $id, expectedVersion: $expectedVersion, note: $note) { id chaseCount version }
  }
`);

/** The dashboard's figures. */
export const ActionsDashboardDocument = graphql(`
  query ActionsDashboard($operationId: ID!) {
    operation(id: $operationId) {
      id
      reference
      name
      actionPolicy { highHours mediumDays lowDays }
      actionDashboard {
        open
        overdue
        overdueRate
        medianHoursToResult
        openByPriority { key count }
        byStatus { key count }
        loadPerOfficer { openActions overdue officer { id name rank } }
      }
      intelligenceConversion { items developed evidenced developmentRate conversionRate }
      dueSoon: actionQueue(queue: DUE_SOON, first: 0) { totalCount }
      stale: actionQueue(queue: STALE, first: 0) { totalCount }
    }
  }
`);

/** A record an action may be raised from, by id (for /actions?raiseFrom=...). */
export const ActionsOriginNodeDocument = graphql(`
  query ActionsOriginNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on IntelligenceItem { urn classification grading { code handling conditions } }
      ... on LineOfEnquiry { title }
      ... on Decision { decision }
    }
  }
`);
