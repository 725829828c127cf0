import type { ClientStatus, ClientType } from "../../gql/graphql";

export const CLIENT_STATUS_LABELS: Record<ClientStatus, string> = {
  INVITED: "Invited",
  ACTIVE: "Active",
  REMOVED: "Removed",
};

export const CLIENT_STATUS_COLORS: Record<ClientStatus, string> = {
  INVITED: "yellow",
  ACTIVE: "green",
  REMOVED: "gray",
};

export const CLIENT_TYPE_LABELS: Record<ClientType, string> = {
  ACCOUNT: "Account",
  PERSON: "Person",
};

export const CLIENT_STATUS_FILTERS: readonly { value: ClientStatus | ""; label: string }[] = [
  { value: "", label: "All statuses" },
  { value: "ACTIVE", label: "Active" },
  { value: "INVITED", label: "Invited" },
  { value: "REMOVED", label: "Removed" },
];

export function isClientStatus(value: string): value is ClientStatus {
  return value === "INVITED" || value === "ACTIVE" || value === "REMOVED";
}

/** ImportRow.outcome is a string on the wire: known values get a label and a colour. */
export const IMPORT_OUTCOME_LABELS: Partial<Record<string, string>> = {
  CREATED: "New",
  UPDATED: "Updated",
  UNCHANGED: "Unchanged",
  SKIPPED: "Skipped",
  ERROR: "Error",
};

export const IMPORT_OUTCOME_COLORS: Partial<Record<string, string>> = {
  CREATED: "green",
  UPDATED: "blue",
  UNCHANGED: "gray",
  SKIPPED: "yellow",
  ERROR: "red",
};

export function importOutcomeLabel(outcome: string): string {
  return IMPORT_OUTCOME_LABELS[outcome] ?? outcome;
}
