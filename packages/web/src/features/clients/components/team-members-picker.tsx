import { Loader, MultiSelect } from "@mantine/core";
import { PageError } from "../../../components/page-status";
import { describeError } from "../../../lib/errors";
import { type TeamCandidate, useTeamCandidates } from "../api/get-team-candidates";

export interface TeamMembersPickerProps {
  /** Member ids in the order chosen: the first leads. */
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  /** Passed on to the input, e.g. to focus the first error. */
  id?: string;
}

function optionLabel(person: TeamCandidate) {
  return `${person.name} (${person.email})`;
}

/**
 * The account's active internal people, searchable by name or email. The order of choice is
 * kept: whoever is picked first leads the team, which the description says as it changes.
 */
export function TeamMembersPicker({ value, onChange, error, id }: TeamMembersPickerProps) {
  const { data, previousData, loading, error: loadError, refetch } = useTeamCandidates();
  const people = (data ?? previousData)?.viewer?.currentAccount?.members.nodes ?? [];
  const lead = people.find((person) => person.id === value[0]);

  if (loadError && !loading && people.length === 0) {
    const { message, retryable } = describeError(loadError);
    return (
      <PageError
        compact
        message={`Could not load your people: ${message}`}
        onRetry={
          retryable
            ? () => {
                refetch().catch(() => undefined);
              }
            : undefined
        }
      />
    );
  }

  return (
    <MultiSelect
      id={id}
      label="Team members"
      description={
        lead ? (
          <>
            Lead: <strong>{lead.name}</strong> (the first person chosen).
          </>
        ) : (
          "Your active people; the first one you choose leads the team."
        )
      }
      placeholder={value.length === 0 ? "Search by name or email" : undefined}
      data={people.map((person) => ({ value: person.id, label: optionLabel(person) }))}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={loading ? "Loading people…" : "Nobody matches"}
      rightSection={loading && people.length === 0 ? <Loader size="xs" /> : undefined}
      error={error}
      aria-invalid={error ? true : undefined}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}
