import { Text } from "@mantine/core";
import { formatNumber } from "../../../lib/format";

/** True when inviting `adding` more people would pass the plan's seats. */
export function seatsOver(seatsUsed: number, seatLimit: number | null, adding: number): boolean {
  return seatLimit !== null && seatsUsed + adding > seatLimit;
}

export interface SeatLineProps {
  seatsUsed: number;
  /** Null: unlimited. */
  seatLimit: number | null;
  adding: number;
}

/** "7 of 10 seats used; this invitation uses 3", and what to do when that is too many. */
export function SeatLine({ seatsUsed, seatLimit, adding }: SeatLineProps) {
  const over = seatsOver(seatsUsed, seatLimit, adding);
  const used =
    seatLimit === null
      ? `${formatNumber(seatsUsed)} seats used (unlimited)`
      : `${formatNumber(seatsUsed)} of ${formatNumber(seatLimit)} seats used`;
  const free = seatLimit === null ? null : Math.max(0, seatLimit - seatsUsed);
  return (
    <div aria-live="polite">
      <Text
        size="sm"
        data-testid="invite-seat-line"
        fw={over ? 600 : undefined}
        c={over ? "var(--pn-color-text-danger)" : undefined}
      >
        {used}; this invitation uses {adding}
      </Text>
      {over && free !== null && (
        <Text size="sm" c="var(--pn-color-text-danger)" data-testid="invite-seat-problem">
          {free === 0
            ? "No seats are free"
            : free === 1
              ? "Only 1 seat is free"
              : `Only ${free} seats are free`}
          : remove {seatsUsed + adding - (seatLimit ?? 0)} from the list, or change the plan in
          Settings.
        </Text>
      )}
    </div>
  );
}
