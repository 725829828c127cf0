/**
 * The tabs the playground opens with (when the browser has no saved tabs): the common
 * tasks of a partner system, each runnable as it stands or after pasting an ID from
 * the previous tab. Kept in step with the schema by example-operations.test.ts.
 */
export type ExampleTab = { query: string; variables?: string };

const HEADER = `# Partner Network GraphQL playground
#
# Each tab is an example of a common partner-system task; run one with the ▶ button.
# Here requests use your SPA session. A partner system sends its API token instead:
#   Authorization: Bearer pn_…   (create one under Settings → API tokens; READ or WRITE)
# Docs (book icon, left) describe every type and field; docs/api.md covers tokens,
# pagination, errors, rate limits, idempotency keys and webhooks.
#
`;

const TABS: ExampleTab[] = [
  {
    query: `${HEADER}# 1. List the pending members of your partners, to review and activate them.
#    Page through one partner's people with members(first:, after: endCursor).
query PendingMembersOfPartners {
  viewer {
    currentAccount {
      partners(first: 10, filter: { status: [ACTIVE] }) {
        nodes {
          id
          companyName
          memberCounts { pending active }
          members(first: 25, filter: { status: [PENDING] }) {
            nodes { id name email status }
            pageInfo { hasNextPage endCursor }
          }
        }
      }
    }
  }
}
`,
  },
  {
    query: `# 2. Activate pending members: paste member IDs from the first tab into Variables.
#    All of them change, or (when any cannot) none, and userErrors say why.
#    From a partner system, add an Idempotency-Key header so a retry cannot act twice.
mutation ActivateMembers($memberIds: [ID!]!) {
  activateMembers(input: { memberIds: $memberIds }) {
    members { id name status activatedAt }
    userErrors { field message code }
  }
}
`,
    variables: `{
  "memberIds": ["paste a Member id here"]
}`,
  },
  {
    query: `# 3. Invite a user into your account with a role; the invitation email is queued.
mutation InviteUser($email: String!, $role: Role!) {
  inviteUsers(input: { invitees: [{ email: $email, role: $role }] }) {
    invitations { id email role status delivery expiresAt }
    userErrors { field message code }
  }
}
`,
    variables: `{
  "email": "new.colleague@example.com",
  "role": "VIEWER"
}`,
  },
  {
    query: `# 4. Read an invitation's status: paste the id returned by InviteUser.
#    status is PENDING, ACCEPTED, REVOKED or EXPIRED; delivery tells where the email is.
query InvitationStatus($invitationId: ID!) {
  node(id: $invitationId) {
    ... on Invitation { id email kind status delivery sendCount expiresAt acceptedAt }
  }
}
`,
    variables: `{
  "invitationId": "paste an Invitation id here"
}`,
  },
];

// No final newline: Monaco dims the number of that empty last line below the 4.5:1 contrast axe requires.
export const EXAMPLE_TABS: ExampleTab[] = TABS.map((tab) => ({
  ...tab,
  query: tab.query.trimEnd(),
}));
