/** For specs of the credential cache: waiting until earlier `pn_credentials` notifications have arrived. */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { startNotificationListener } from "../db/notification-listener";
import { execute } from "../db/sql";
import { createLogger } from "../logger";

/**
 * Resolves once a notification sent now has reached a listener of the caller's own, so the
 * ones sent before it have reached the apps' listeners too (one queue, read in order): a
 * setup's late notification then cannot drop what a spec is about to rely on being cached.
 */
export async function credentialNotificationsDrained(dataSource: DataSource): Promise<void> {
  const marker = `marker:${randomUUID()}`;
  let heard: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (heard = resolve));
  const listener = startNotificationListener({
    url: String((dataSource.options as { url: string }).url),
    channel: "pn_credentials",
    logger: createLogger("silent"),
    onNotification: (payload) => {
      if (payload === marker) heard();
    },
    onUp: () => undefined,
    onDown: () => undefined,
  });
  try {
    if (!(await listener.ready(10_000))) throw new Error("could not LISTEN");
    await execute(dataSource.manager, "SELECT pg_notify('pn_credentials', $1)", [marker]);
    await arrived;
  } finally {
    await listener.stop();
  }
}
