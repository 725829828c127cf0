import { useMutation } from "@apollo/client/react";
import { graphql } from "../../../gql";
import type { ImportClientsMutation } from "../../../gql/graphql";

export const importClientsMutation = graphql(`
  mutation ImportClients($input: ImportClientsInput!) {
    importClients(input: $input) {
      created
      updated
      rows {
        line
        email
        outcome
        errors {
          field
          message
          code
        }
      }
      userErrors {
        ...UserErrorFields @unmask
      }
    }
  }
`);

export type ImportClientsResult = ImportClientsMutation["importClients"];
export type ImportClientsRow = ImportClientsResult["rows"][number];

/** Previews (dryRun) or applies a CSV of clients; the caller refetches the list after applying. */
export function useImportClients() {
  return useMutation(importClientsMutation);
}
