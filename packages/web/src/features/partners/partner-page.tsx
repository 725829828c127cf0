import { Alert, Button, Card, Stack, Text, Title } from "@mantine/core";
import { can } from "@pn/shared";
import { useState } from "react";
import { useParams } from "react-router";
import { DetailPage } from "../../components/detail-page";
import { PageEmpty } from "../../components/page-status";
import { toRole } from "../../lib/enum-labels";
import { usePartnerDetails } from "./api/get-partner";
import { PartnerDetailsForm } from "./components/partner-details-form";
import { PartnerLogoSection } from "./components/partner-logo-section";
import { PartnerOverview } from "./components/partner-overview";
import { PartnerPeople } from "./components/partner-people";
import { RemovePartnerModal } from "./components/remove-partner-modal";
import { peopleCount } from "./labels";

/** `/partners/:partnerId`: one partner, its logo, details and people; removal from the network. */
export function PartnerPage() {
  const { partnerId = "" } = useParams();
  const { data, loading, error, refetch } = usePartnerDetails(partnerId);
  const node = data?.node;
  const partner = node?.__typename === "Partner" ? node : null;
  const member = data?.viewer?.currentMember;
  const role = member ? toRole(member.role) : null;
  const canManage = can(role, "managePartners");
  const canRemove = can(role, "removeFromNetwork") && partner?.status !== "REMOVED";
  const canAdd = can(role, "addExternalMembers") && partner?.status !== "REMOVED";
  const [removing, setRemoving] = useState(false);
  const [removed, setRemoved] = useState<{ companyName: string; archived: number } | null>(null);

  return (
    <DetailPage
      record={partner}
      kind="Partner"
      errorTitle="Could not load this partner"
      loadingLabel="Loading partner"
      missing={
        <PageEmpty
          title="This partner does not exist"
          message="It may belong to another account, or the link is wrong."
        />
      }
      loaded={data !== undefined}
      loading={loading}
      error={error}
      refetch={refetch}
      back={{ to: "/partners", label: "All partners" }}
      title={(record) => record.companyName}
      actions={() =>
        canRemove ? (
          <Button
            color="red"
            variant="outline"
            onClick={() => setRemoving(true)}
            aria-haspopup="dialog"
          >
            Remove from network
          </Button>
        ) : undefined
      }
    >
      {(partner) => (
        <>
          {removed && (
            // No Alert title: Mantine colours it, below 4.5:1 on the light background.
            <Alert color="green" variant="light" role="status">
              <Text span size="sm" fw={700}>
                Removed from your network.
              </Text>{" "}
              {removed.companyName} is no longer your partner;{" "}
              {removed.archived === 1
                ? "1 person was archived."
                : `${peopleCount(removed.archived)} were archived.`}
            </Alert>
          )}
          <Stack gap="lg">
            <PartnerOverview partner={partner} showDetails={!canManage} canResend={canManage} />
            <PartnerLogoSection
              partner={{ ...partner, logoUrl: partner.logoUrl ?? null }}
              canManage={canManage}
            />
            {canManage && (
              <Card
                withBorder
                padding="lg"
                component="section"
                aria-labelledby="partner-details-heading"
              >
                <Stack gap="md">
                  <Title order={2} size="h3" id="partner-details-heading">
                    Details
                  </Title>
                  <PartnerDetailsForm key={partner.id} partner={partner} />
                </Stack>
              </Card>
            )}
            <PartnerPeople partner={partner} canAdd={canAdd} />
          </Stack>
          {can(role, "removeFromNetwork") && (
            <RemovePartnerModal
              partner={partner}
              opened={removing}
              onClose={() => setRemoving(false)}
              onRemoved={(archived) => setRemoved({ companyName: partner.companyName, archived })}
            />
          )}
        </>
      )}
    </DetailPage>
  );
}
