/**
 * Signing up as a test: sign-up starts no session any more (docs/api.md "Identity and
 * verification"), so specs that need a signed-in owner follow the verification email,
 * read from the outbox, as the person would.
 */
import type { DataSource } from "typeorm";
import { open, sealKeyFrom, type SealKey } from "../crypto/sealed-box";
import { queryRows } from "../db/sql";
import type { TestClient } from "./test-app";

export const SIGN_UP_MUTATION = `mutation SignUpForTest($input: SignUpInput!) {
  signUp(input: $input) { verificationEmailSent userErrors { field code message } }
}`;
const VERIFY_MUTATION = `mutation VerifyForTest($input: VerifyEmailInput!) {
  verifyEmail(input: $input) { user { id email name } userErrors { field code message } }
}`;
const ACCOUNT_QUERY = `query SignedUpAccount { viewer { user { id } currentAccount { id name handle } } }`;

export type SignUpInput = { email: string; password: string; name: string; accountName: string };

/** The key test apps seal outbox links with, unless a spec passes its own mail queue. */
export const TEST_SEAL_KEY = sealKeyFrom("test-secret");

/** The secret of the newest verification link sent to `email`, read from the outbox. */
export async function verificationTokenFor(
  db: DataSource,
  email: string,
  key: SealKey = TEST_SEAL_KEY,
): Promise<string | null> {
  const rows = await queryRows<{ sealed_link: string }>(
    db.manager,
    `SELECT sealed_link FROM outbox WHERE email_key(to_address) = email_key($1) AND sealed_link IS NOT NULL
     AND subject LIKE 'Confirm your email%' ORDER BY created_at DESC LIMIT 1`,
    [email],
  );
  if (!rows[0]) return null;
  return open(rows[0].sealed_link, key).split("#token=")[1] ?? null;
}

/**
 * Signs up on `client`, follows the verification link (which signs the client in) and
 * answers the new user and account; fails the test on any userError.
 */
export async function signUpAndVerify(
  client: TestClient,
  db: DataSource,
  input: SignUpInput,
  key: SealKey = TEST_SEAL_KEY,
): Promise<{
  userId: string;
  accountId: string;
  accountName: string;
  handle: string;
  cookie: string;
}> {
  const signedUp = await client.graphql<{
    signUp: { verificationEmailSent: boolean; userErrors: unknown[] };
  }>(SIGN_UP_MUTATION, { input });
  expect(signedUp.body.errors).toBeUndefined();
  expect(signedUp.body.data?.signUp.userErrors).toEqual([]);
  const token = await verificationTokenFor(db, input.email, key);
  if (!token) throw new Error(`no verification email to ${input.email} in the outbox`);
  const verified = await client.graphql<{ verifyEmail: { userErrors: unknown[] } }>(
    VERIFY_MUTATION,
    { input: { token } },
  );
  expect(verified.body.errors).toBeUndefined();
  expect(verified.body.data?.verifyEmail.userErrors).toEqual([]);
  const viewer = await client.graphql<{
    viewer: { user: { id: string }; currentAccount: { id: string; name: string; handle: string } };
  }>(ACCOUNT_QUERY);
  const { user, currentAccount } = viewer.body.data!.viewer;
  return {
    userId: user.id,
    accountId: currentAccount.id,
    accountName: currentAccount.name,
    handle: currentAccount.handle,
    cookie: client.cookie()!,
  };
}

/** The claim secret of the newest shareable-link confirmation sent to `email`, read from the outbox. */
export async function claimTokenFor(
  db: DataSource,
  email: string,
  key: SealKey = TEST_SEAL_KEY,
): Promise<string | null> {
  const rows = await queryRows<{ sealed_link: string }>(
    db.manager,
    `SELECT sealed_link FROM outbox WHERE email_key(to_address) = email_key($1) AND subject LIKE 'Confirm your email to join%'
     ORDER BY created_at DESC LIMIT 1`,
    [email],
  );
  if (!rows[0]) return null;
  return open(rows[0].sealed_link, key).split("#claim=")[1] ?? null;
}
