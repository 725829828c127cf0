import { Badge } from "@mantine/core";

export interface AcceptanceBadgeProps {
  member: { acceptedAt?: string | null; declinedAt?: string | null };
  /** Space before the badge when it follows another one. */
  ml?: number;
}

/**
 * Whether the person has answered a membership the account created for them. Until they
 * accept, the account sees only the name and email it typed and they cannot enter.
 */
export function AcceptanceBadge({ member }: AcceptanceBadgeProps) {
  if (member.declinedAt)
    return (
      <Badge color="red" variant="light">
        Declined
      </Badge>
    );
  if (member.acceptedAt === null)
    return (
      <Badge color="yellow" variant="light" c="var(--pn-color-text-warning)">
        Awaiting acceptance
      </Badge>
    );
  return null;
}
