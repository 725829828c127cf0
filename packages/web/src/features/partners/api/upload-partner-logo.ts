import { useApolloClient } from "@apollo/client/react";
import { useCallback, useState } from "react";
import { NETWORK_ERROR_MESSAGE } from "../../../lib/errors";

/** The server's limit (it answers 413 above it); shown to the user before they choose. */
export const LOGO_MAX_KB = 512;
/** The types the server accepts, judged by the file's bytes (it answers 415 otherwise). */
export const LOGO_ACCEPT = "image/png,image/jpeg,image/webp";

export type LogoUploadResult = { ok: true; logoUrl: string } | { ok: false; message: string };

function logoEndpoint(partnerId: string): string {
  return new URL(`/api/partners/${encodeURIComponent(partnerId)}/logo`, window.location.origin)
    .href;
}

function messageFor(status: number, body: unknown): string {
  const error =
    body && typeof body === "object" && "error" in body && typeof body.error === "string"
      ? body.error
      : null;
  if (error) return error;
  if (status === 413) return `The logo must be at most ${LOGO_MAX_KB} KB.`;
  if (status === 415) return "The logo must be a PNG, JPEG or WebP image.";
  if (status === 401) return "Your session has ended. Log in again.";
  if (status === 403) return "Your role does not allow this.";
  return "The server could not store the logo. Try again.";
}

/**
 * `POST /api/partners/<id>/logo` (multipart field `file`; the non-simple header satisfies the
 * server's CSRF rule). Resolves with the new logo URL or the server's message, never rejects.
 */
export async function uploadPartnerLogo(partnerId: string, file: File): Promise<LogoUploadResult> {
  let response: Response;
  try {
    const body = new FormData();
    // A File carries its own name into the multipart part.
    body.append("file", file);
    response = await fetch(logoEndpoint(partnerId), {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { "apollo-require-preflight": "true" },
    });
  } catch {
    return { ok: false, message: NETWORK_ERROR_MESSAGE };
  }
  const json: unknown = await response.json().catch(() => null);
  if (
    response.ok &&
    json &&
    typeof json === "object" &&
    "logoUrl" in json &&
    typeof json.logoUrl === "string"
  ) {
    return { ok: true, logoUrl: json.logoUrl };
  }
  return { ok: false, message: messageFor(response.status, json) };
}

/** Uploads a partner's logo and puts the new URL into the cached partner (page and list). */
export function useUploadPartnerLogo(partnerId: string) {
  const client = useApolloClient();
  const [uploading, setUploading] = useState(false);

  const upload = useCallback(
    async (file: File): Promise<LogoUploadResult> => {
      setUploading(true);
      try {
        const result = await uploadPartnerLogo(partnerId, file);
        if (result.ok) {
          client.cache.modify({
            id: client.cache.identify({ __typename: "Partner", id: partnerId }),
            fields: { logoUrl: () => result.logoUrl },
          });
        }
        return result;
      } finally {
        setUploading(false);
      }
    },
    [client, partnerId],
  );

  return { upload, uploading };
}
