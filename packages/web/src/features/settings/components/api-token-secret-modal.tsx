import { Code } from "@mantine/core";
import { SecretOnceModal } from "../../../components/secret-once-modal";
import type { CreatedApiToken } from "./create-api-token-form";

export interface ApiTokenSecretModalProps {
  /** The token just created; null when closed. The secret lives only in this state. */
  token: CreatedApiToken | null;
  onClose: () => void;
}

/** Shows a new token's secret exactly once, with a copy button. */
export function ApiTokenSecretModal({ token, onClose }: ApiTokenSecretModalProps) {
  return (
    <SecretOnceModal
      secret={token?.secret ?? null}
      title="API token created"
      noun="token"
      testId="api-token-secret"
      usage={
        <>
          Copy it now and keep it somewhere safe. Systems send it as{" "}
          <Code>Authorization: Bearer &lt;token&gt;</Code>.
        </>
      }
      label={
        <>
          Secret of <strong>{token?.name}</strong>:
        </>
      }
      onClose={onClose}
    />
  );
}
