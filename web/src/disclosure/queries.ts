// The disclosure screen's GraphQL operations (names start with Disclosure).
import { graphql } from '../gql';

export const DisclosureScheduleDocument = graphql(`
  query DisclosureSchedule($operationId: ID!, $kind: ScheduleKind!) {
    operation(id: $operationId) {
      id
      reference
      name
      disclosureSchedule(kind: $kind) {
        kind
        generatedAt
        entries {
          number
          description
          reason
          exhibit { id reference kind obtainedOn }
        }
      }
    }
  }
`);
