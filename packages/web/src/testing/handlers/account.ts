/** Session, sign-up and account settings: canned successes that keep what they were sent. */
import { http, HttpResponse } from "msw";
import {
  ChangePlanDocument,
  CreateApiTokenDocument,
  InvitationLogOutDocument,
  InvitationSwitchAccountDocument,
  LogInDocument,
  LogOutDocument,
  RevokeApiTokenDocument,
  ResendVerificationEmailDocument,
  SignUpDocument,
  SwitchAccountDocument,
  TransferOwnershipDocument,
  UpdateAccountDocument,
  VerifyEmailDocument,
} from "../../gql/graphql";
import { USER } from "../fixtures/accounts";
import { current, type Db, graph, nowIso, self } from "../mock-db";
import { answer } from "../msw-server";

/** The mock backup download streams 3 MB in 3 chunks. */
const BACKUP_BYTES = 3 * 1024 * 1024;
const BACKUP_CHUNKS = 3;
export const BACKUP_FILE_NAME = "acme-backup-2026-02-01.zip";

export function accountHandlers(db: Db) {
  const logOut = () => {
    const ok = db.signedIn;
    db.signedIn = false;
    return { logOut: { ok } };
  };
  const switchAccount = ({ input }: { input: { accountId: string } }) => {
    db.currentAccountId = input.accountId;
    return { switchAccount: { account: current(db) } };
  };
  return [
    answer(LogInDocument, () => {
      db.signedIn = true;
      return { logIn: { user: USER } };
    }),
    // Sign-up starts no session: the verification link does (answered the same for any email).
    answer(SignUpDocument, () => ({
      signUp: { verificationEmailSent: true },
    })),
    answer(VerifyEmailDocument, () => {
      db.signedIn = true;
      db.emailVerified = true;
      return { verifyEmail: { user: { ...USER, emailVerified: true } } };
    }),
    answer(ResendVerificationEmailDocument, () => ({ resendVerificationEmail: { sent: true } })),
    answer(LogOutDocument, logOut),
    answer(InvitationLogOutDocument, logOut),
    answer(SwitchAccountDocument, switchAccount),
    answer(InvitationSwitchAccountDocument, switchAccount),
    answer(ChangePlanDocument, ({ input }) => {
      current(db).plan = input.plan;
      return { changePlan: { account: graph(db).accountNode(current(db)) } };
    }),
    answer(CreateApiTokenDocument, ({ input }) => {
      const n = db.nextId++;
      const scopes = [input.scopes].flat();
      const token = { id: `QXBpVG9rZW46bmV3${n}`, name: input.name, scopes, createdAt: nowIso() };
      const expiresAt = input.expiresAt ? String(input.expiresAt) : null;
      current(db).apiTokens.unshift({ ...token, lastUsedAt: null, revokedAt: null, expiresAt });
      const secret = `pn_secret_${n}_AbCdEfGhIjKlMnOpQrStUvWxYz`;
      return { createApiToken: { apiToken: current(db).apiTokens[0], secret } };
    }),
    answer(RevokeApiTokenDocument, ({ input }) => {
      const token = current(db).apiTokens.find((t) => t.id === input.apiTokenId);
      if (token) token.revokedAt ??= nowIso();
      return { revokeApiToken: { apiToken: token } };
    }),
    answer(UpdateAccountDocument, ({ input }) => {
      const account = current(db);
      account.name = input.name ?? account.name;
      account.handle = input.handle ?? account.handle;
      return { updateAccount: { account } };
    }),
    answer(TransferOwnershipDocument, ({ input }) => {
      const account = current(db);
      const previousOwner = account.members.find((m) => m.id === self(account).id);
      const newOwner = account.members.find((m) => m.id === input.memberId);
      if (previousOwner) previousOwner.role = "ADMINISTRATOR";
      if (newOwner) newOwner.role = "OWNER";
      account.role = "ADMINISTRATOR";
      return { transferOwnership: { previousOwner, newOwner } };
    }),
    http.get("/api/account/export", () => {
      db.operations.push({ operationName: "AccountExport", variables: {} });
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ === BACKUP_CHUNKS) return controller.close();
          controller.enqueue(new Uint8Array(BACKUP_BYTES / BACKUP_CHUNKS));
        },
      });
      const disposition = `attachment; filename="${BACKUP_FILE_NAME}"`;
      return new HttpResponse(body, { headers: { "content-disposition": disposition } });
    }),
  ];
}
