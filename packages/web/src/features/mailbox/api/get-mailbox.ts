import { useCallback, useEffect, useState } from "react";

/** One email the server "sent" into the dev mailbox (no SMTP configured). */
export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

export type MailboxState =
  | { status: "loading" }
  | { status: "ready"; messages: MailboxMessage[]; refreshing: boolean }
  /** The endpoint answers 404: the server delivers by SMTP (or runs in production). */
  | { status: "off" }
  | { status: "error"; message: string };

export const MAILBOX_PATH = "/api/dev/mailbox";

function isMessage(value: unknown): value is MailboxMessage {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return ["id", "to", "subject", "text", "sentAt"].every((key) => typeof record[key] === "string");
}

async function fetchMailbox(signal: AbortSignal): Promise<MailboxMessage[] | "off"> {
  // Absolute: tests run on Node's fetch, which has no document base URL.
  const response = await fetch(new URL(MAILBOX_PATH, window.location.origin), {
    credentials: "same-origin",
    headers: { accept: "application/json" },
    signal,
  });
  if (response.status === 404) return "off";
  if (!response.ok) throw new Error(`The mailbox answered ${response.status}.`);
  const body: unknown = await response.json();
  const messages =
    typeof body === "object" && body !== null ? (body as { messages?: unknown }).messages : null;
  if (!Array.isArray(messages)) throw new Error("The mailbox answered in an unknown format.");
  return messages.filter(isMessage).map((message) => ({ ...message, html: message.html ?? "" }));
}

/** The dev mailbox, newest first; `refresh` loads it again keeping the list on screen. */
export function useMailbox() {
  const [state, setState] = useState<MailboxState>({ status: "loading" });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchMailbox(controller.signal).then(
      (result) =>
        setState(
          result === "off"
            ? { status: "off" }
            : { status: "ready", messages: result, refreshing: false },
        ),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: "error",
          message:
            error instanceof TypeError
              ? "Could not reach the server. Check your connection and try again."
              : error instanceof Error
                ? error.message
                : "The mailbox could not be loaded.",
        });
      },
    );
    return () => controller.abort();
  }, [version]);

  const refresh = useCallback(() => {
    setState((previous) =>
      previous.status === "ready" ? { ...previous, refreshing: true } : { status: "loading" },
    );
    setVersion((previous) => previous + 1);
  }, []);

  return { state, refresh };
}
