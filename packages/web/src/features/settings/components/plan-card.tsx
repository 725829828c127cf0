import { Button, Card, Group, Progress, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { Plan, PLAN_SEAT_LIMITS } from "@pn/shared";
import { type FormEvent, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import type { AccountSettingsQuery } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { PLAN_LABELS, toPlan } from "../../../lib/enum-labels";
import { splitUserErrors } from "../../../lib/user-errors";
import { useChangePlan } from "../api/change-plan";
import { countText, formatNumber } from "../../../lib/format";

type Account = NonNullable<NonNullable<AccountSettingsQuery["viewer"]>["currentAccount"]>;

export interface PlanCardProps {
  account: Account;
  /** OWNER only. */
  canChangePlan: boolean;
}

function seatsText(seatLimit: number | null): string {
  return seatLimit === null ? "unlimited seats" : countText(seatLimit, "seat", "seats");
}

const PLAN_OPTIONS = Object.values(Plan).map((plan) => ({
  value: plan,
  label: `${PLAN_LABELS[plan]} (${seatsText(PLAN_SEAT_LIMITS[plan])})`,
}));

function isPlan(value: string | null): value is Plan {
  return (Object.values(Plan) as string[]).includes(value ?? "");
}

export function PlanCard({ account, canChangePlan }: PlanCardProps) {
  const { plan, seatLimit, seatsUsed } = account;
  const currentPlan = toPlan(plan);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="plan-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="plan-heading">
          Plan
        </Title>
        <Text>
          Current plan:{" "}
          <Text span fw={700} data-testid="current-plan">
            {PLAN_LABELS[currentPlan]}
          </Text>
        </Text>
        <Text data-testid="seats-used">
          {formatNumber(seatsUsed)} of {seatLimit === null ? "unlimited" : formatNumber(seatLimit)}{" "}
          seats used
        </Text>
        {seatLimit !== null && (
          <Progress
            value={Math.min(100, (seatsUsed / Math.max(seatLimit, 1)) * 100)}
            color={seatsUsed >= seatLimit ? "red" : "blue"}
            aria-label="Seats used"
            maw={360}
          />
        )}
        <Text size="sm" c="dimmed">
          Seats are active internal members plus pending user invitations.
        </Text>
        {canChangePlan && <ChangePlanForm currentPlan={currentPlan} />}
      </Stack>
    </Card>
  );
}

function ChangePlanForm({ currentPlan }: { currentPlan: Plan }) {
  const [changePlan, { loading }] = useChangePlan();
  const [selected, setSelected] = useState<Plan>(currentPlan);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFieldError(undefined);
    setFormErrors([]);
    setRetryable(false);
    try {
      const { data } = await changePlan({ variables: { input: { plan: selected } } });
      const payload = data?.changePlan;
      const { fieldErrors, formErrors: general } = splitUserErrors(payload?.userErrors ?? [], [
        "plan",
      ] as const);
      if (fieldErrors.plan || general.length > 0) {
        setFieldError(fieldErrors.plan);
        setFormErrors(general);
        return;
      }
      notifications.show({
        color: "green",
        title: "Plan changed",
        message: `Your account is now on the ${PLAN_LABELS[selected]} plan.`,
      });
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm" maw={360}>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        <Group align="flex-end" wrap="nowrap">
          <Select
            label="Plan"
            data={PLAN_OPTIONS}
            value={selected}
            onChange={(value) => {
              if (isPlan(value)) setSelected(value);
              setFieldError(undefined);
            }}
            allowDeselect={false}
            // Keeps the open list inside the page's landmarks.
            comboboxProps={{ withinPortal: false }}
            error={fieldError}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={loading} disabled={selected === currentPlan}>
            Change plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
