/**
 * The time every expiry rule reads. Production uses the wall clock; tests move it
 * forward to expire invitations without waiting.
 */
let offsetMs = 0;

export const clock = {
  now(): Date {
    return new Date(Date.now() + offsetMs);
  },
  /** Tests only: shifts the clock by `ms` (cumulative); `reset` returns to real time. */
  advance(ms: number): void {
    offsetMs += ms;
  },
  reset(): void {
    offsetMs = 0;
  },
};
