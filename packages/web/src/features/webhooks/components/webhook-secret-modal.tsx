import { Code } from "@mantine/core";
import { SecretOnceModal } from "../../../components/secret-once-modal";
import type { CreatedEndpoint } from "./create-webhook-endpoint-modal";

/** The signing secret, shown exactly once. */
export function WebhookSecretModal({
  created,
  onClose,
}: {
  created: CreatedEndpoint | null;
  onClose: () => void;
}) {
  return (
    <SecretOnceModal
      secret={created?.secret ?? null}
      title="Webhook endpoint added"
      noun="secret"
      testId="webhook-secret"
      usage={
        <>
          The receiver uses it to check the <Code>webhook-signature</Code> header of every delivery.
        </>
      }
      label={
        <>
          Signing secret of <strong>{created?.url}</strong>:
        </>
      }
      onClose={onClose}
    />
  );
}
