import { retryAfterText } from "./rate-limits";

describe("retryAfterText", () => {
  it.each([
    [0, "1 second"],
    [0.2, "1 second"],
    [1, "1 second"],
    [2, "2 seconds"],
    [119, "119 seconds"],
    [120, "2 minutes"],
    [121, "3 minutes"],
    [7199, "120 minutes"],
    [7200, "2 hours"],
    [86_400, "24 hours"],
  ])("%s s reads %s", (seconds, text) => {
    expect(retryAfterText(seconds)).toBe(text);
  });
});
