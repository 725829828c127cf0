/** The accessibility check every e2e file runs on its pages and dialogs. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/**
 * Fails with axe's violations on the page, each with its rule, help text and targets.
 * `include` narrows the check to a part of the page; `exclude` leaves one out (e.g.
 * third-party markup with a known upstream issue).
 */
export async function expectNoAxeViolations(
  page: Page,
  scope: { include?: string; exclude?: string } = {},
): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (scope.include) builder.include(scope.include);
  if (scope.exclude) builder.exclude(scope.exclude);
  const results = await builder.analyze();
  expect(
    results.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      targets: nodes.map((n) => n.target),
    })),
  ).toEqual([]);
}
