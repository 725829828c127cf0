import { Page } from "../../components/page";
import { SignUpForm } from "./components/sign-up-form";

export function SignUpPage() {
  return (
    <Page title="Create your account" description="Start your company's network on the Free plan.">
      <SignUpForm />
    </Page>
  );
}
