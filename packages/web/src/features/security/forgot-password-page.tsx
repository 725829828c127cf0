import { Page } from "../../components/page";
import { ForgotPasswordForm } from "./components/forgot-password-form";

export function ForgotPasswordPage() {
  return (
    <Page title="Forgot password" description="We email you a link to choose a new password.">
      <ForgotPasswordForm />
    </Page>
  );
}
