import { Page } from "../../components/page";
import { LogInForm } from "./components/log-in-form";

export function LogInPage() {
  return (
    <Page title="Log in" description="Welcome back to Partner Network.">
      <LogInForm />
    </Page>
  );
}
