import { Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { useSearchParams } from "react-router";
import { Page } from "../../components/page";
import { PageEmpty } from "../../components/page-status";
import { RecordStatus } from "../../components/record-status";
import { countText, formatNumber } from "../../lib/format";
import { useNetworkMap } from "./api/get-network";
import { NetworkMap } from "./components/network-map";
import { NetworkTable } from "./components/network-table";

type View = "map" | "table";

const VIEWS: { value: View; label: string }[] = [
  { value: "map", label: "Map" },
  { value: "table", label: "Table" },
];

/**
 * `/network`: the account with its partners and clients at a glance, as a map or as a table
 * (the same nodes, links and counts). The view is kept in the URL (`?view=table`).
 */
export function NetworkPage() {
  const { data, loading, error, refetch } = useNetworkMap();
  const [params, setParams] = useSearchParams();
  const view: View = params.get("view") === "table" ? "table" : "map";
  const account = data?.viewer?.currentAccount;
  const summary = account?.networkSummary;

  let content;
  if (!account || !summary) {
    content = (
      <RecordStatus
        errorTitle="Could not load the network"
        loadingLabel="Loading the network"
        missing={
          <PageEmpty title="No network to show" message="You are not acting in any account." />
        }
        loaded={data !== undefined}
        loading={loading}
        error={error}
        refetch={refetch}
      />
    );
  } else if (summary.nodes.length === 0) {
    content = (
      <PageEmpty
        title="No partners or clients yet"
        message="Invite a partner company or a client, and they appear here around your account."
      />
    );
  } else {
    const shown = summary.nodes.length;
    const total = summary.partnerCount + summary.clientCount;
    content = (
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" data-testid="network-summary">
            {countText(summary.partnerCount, "partner", "partners")} and{" "}
            {countText(summary.clientCount, "client", "clients")}
            {shown < total ? ` (showing ${formatNumber(shown)} of ${formatNumber(total)})` : ""}.
          </Text>
          <SegmentedControl
            aria-label="Show the network as"
            data={VIEWS}
            value={view}
            onChange={(value) =>
              setParams(
                (previous) => {
                  const next = new URLSearchParams(previous);
                  if (value === "table") next.set("view", "table");
                  else next.delete("view");
                  return next;
                },
                { replace: true },
              )
            }
          />
        </Group>
        {view === "map" ? (
          <>
            <MapLegend />
            <NetworkMap accountName={account.name} nodes={summary.nodes} />
          </>
        ) : (
          <NetworkTable nodes={summary.nodes} />
        )}
      </Stack>
    );
  }

  return (
    <Page
      title="Network"
      description="Your account at the centre, partners on the left and clients on the right."
    >
      {content}
    </Page>
  );
}

/** What the map's shapes and numbers mean, in words (the table says the same per row). */
function MapLegend() {
  return (
    <Text size="sm" c="dimmed" component="p" m={0}>
      Circles are partners, squares are clients; the number inside is active people (for a client,
      its team), the yellow badge pending people or invitations; a dashed outline means invited.
      Each one links to its page.
    </Text>
  );
}
