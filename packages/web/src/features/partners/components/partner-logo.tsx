import { Avatar } from "@mantine/core";
import { initials } from "../labels";

export interface PartnerLogoProps {
  companyName: string;
  logoUrl: string | null;
  size?: number;
  /** Decorative beside the company's name (the default); otherwise "<company> logo". */
  decorative?: boolean;
}

/** The partner's logo, or its initials while there is none (or it fails to load). */
export function PartnerLogo({
  companyName,
  logoUrl,
  size = 32,
  decorative = true,
}: PartnerLogoProps) {
  return (
    <Avatar
      src={logoUrl}
      alt={decorative ? "" : `${companyName} logo`}
      size={size}
      radius="sm"
      color="gray"
      variant="light"
      aria-hidden={decorative ? true : undefined}
    >
      {initials(companyName)}
    </Avatar>
  );
}
