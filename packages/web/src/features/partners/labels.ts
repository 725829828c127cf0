import type { PartnerStatus } from "../../gql/graphql";
import { countText } from "../../lib/format";

export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  INVITED: "Invited",
  ACTIVE: "Active",
  REMOVED: "Removed",
};

export const PARTNER_STATUS_COLORS: Record<PartnerStatus, string> = {
  INVITED: "yellow",
  ACTIVE: "green",
  REMOVED: "gray",
};

export const PARTNER_STATUS_FILTERS: readonly { value: PartnerStatus | ""; label: string }[] = [
  { value: "", label: "All statuses" },
  { value: "ACTIVE", label: "Active" },
  { value: "INVITED", label: "Invited" },
  { value: "REMOVED", label: "Removed" },
];

export function isPartnerStatus(value: string): value is PartnerStatus {
  return value === "INVITED" || value === "ACTIVE" || value === "REMOVED";
}

/** "1 person" / "3 people". */
export function peopleCount(count: number): string {
  return countText(count, "person", "people");
}

/** "AC" for "Acme Corp": the logo's stand-in. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase() ?? "")
      .join("") || "?"
  );
}
