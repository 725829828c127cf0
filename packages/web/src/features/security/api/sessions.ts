import { useMutation, useQuery } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { MySessionsQuery } from "../../../gql/graphql";

export const mySessionsQuery = graphql(`
  query MySessions {
    viewer {
      sessions {
        id
        createdAt
        lastSeenAt
        expiresAt
        userAgent
        ip
        current
      }
    }
  }
`);

export type MySession = NonNullable<MySessionsQuery["viewer"]>["sessions"][number];

export function useMySessions() {
  // Always asked afresh: a session ended in another tab must not linger in the list.
  return useQuery(mySessionsQuery, { fetchPolicy: "cache-and-network" });
}

export const endSessionMutation = graphql(`
  mutation EndSession($input: EndSessionInput!) {
    endSession(input: $input) {
      endedSessionId
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useEndSession() {
  return useMutation(endSessionMutation, { refetchQueries: ["MySessions"] });
}

export const endOtherSessionsMutation = graphql(`
  mutation EndOtherSessions {
    endOtherSessions {
      endedSessionCount
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export function useEndOtherSessions() {
  return useMutation(endOtherSessionsMutation, { refetchQueries: ["MySessions"] });
}
