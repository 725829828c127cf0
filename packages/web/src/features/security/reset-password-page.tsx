import { useEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { Page } from "../../components/page";
import { BadResetLink, ResetPasswordForm } from "./components/reset-password-form";

/** The token rides in the fragment (`#token=…`), which browsers never send to the server. */
function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return token && token.trim() ? token.trim() : null;
}

export function ResetPasswordPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenFromHash(location.hash));

  useEffect(() => {
    // Read once, then dropped from the address bar (and so from history and screenshots).
    if (location.hash) void navigate({ pathname: location.pathname }, { replace: true });
  }, [location.hash, location.pathname, navigate]);

  return (
    <Page title="Choose a new password" description="For the account of the emailed link.">
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <BadResetLink message="This link is incomplete. Open the link from the email again, or ask for a new one." />
      )}
    </Page>
  );
}
