/* eslint-disable */
import * as types from "./graphql";
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.SwitchAccountDocument;
  "\n  query AccountName {\n    viewer {\n      currentAccount {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AccountNameDocument;
  "\n  query ShellViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n          handle\n        }\n      }\n      currentAccount {\n        id\n        name\n        handle\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n": typeof types.ShellViewerDocument;
  "\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: AuditEventFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            action\n            objectType\n            objectId\n            via\n            apiTokenName\n            ip\n            createdAt\n            details\n            actor {\n              id\n              name\n              email\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument;
  "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.LogInDocument;
  "\n  mutation LogOut {\n    logOut {\n      ok\n    }\n  }\n": typeof types.LogOutDocument;
  "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      account {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.SignUpDocument;
  "\n  mutation CreateClientInviteLink($input: CreateClientInviteLinkInput!) {\n    createClientInviteLink(input: $input) {\n      url\n      invitation {\n        id\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.CreateClientInviteLinkDocument;
  "\n  query ClientDetails($id: ID!) {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n    node(id: $id) {\n      id\n      ... on Client {\n        type\n        name\n        email\n        phone\n        status\n        createdAt\n        removedAt\n        clientAccount {\n          id\n          name\n          handle\n        }\n        invitation {\n          id\n          email\n          status\n          expiresAt\n        }\n        team {\n          ...ClientTeamFields @unmask\n        }\n      }\n    }\n  }\n": typeof types.ClientDetailsDocument;
  "\n  query ClientsPermissions {\n    viewer {\n      currentAccount {\n        id\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n": typeof types.ClientsPermissionsDocument;
  "\n  query ClientsList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ClientFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        clients(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            type\n            name\n            email\n            status\n            createdAt\n            removedAt\n            team {\n              id\n              lead {\n                id\n                name\n                email\n              }\n            }\n            clientAccount {\n              id\n              name\n              handle\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClientsListDocument;
  "\n  query MyClient {\n    viewer {\n      currentAccount {\n        id\n        name\n        # The server scopes a CLIENT's list to their own record.\n        clients(first: 1) {\n          nodes {\n            id\n            name\n            email\n            phone\n            status\n            team {\n              id\n              members {\n                isLead\n                member {\n                  id\n                  name\n                  email\n                  title\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyClientDocument;
  "\n  query TeamCandidates($first: Int) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, filter: { type: INTERNAL, status: [ACTIVE] }) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.TeamCandidatesDocument;
  "\n  mutation ImportClients($input: ImportClientsInput!) {\n    importClients(input: $input) {\n      created\n      updated\n      rows {\n        line\n        email\n        outcome\n        errors {\n          field\n          message\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.ImportClientsDocument;
  "\n  mutation InviteClient($input: InviteClientInput!) {\n    inviteClient(input: $input) {\n      client {\n        id\n        name\n        email\n        status\n      }\n      invitation {\n        id\n        delivery\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.InviteClientDocument;
  "\n  mutation RemoveClientFromNetwork($input: RemoveClientFromNetworkInput!) {\n    removeClientFromNetwork(input: $input) {\n      archivedMemberCount\n      client {\n        id\n        status\n        removedAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.RemoveClientFromNetworkDocument;
  "\n  mutation ResendClientInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.ResendClientInvitationDocument;
  "\n  fragment ClientTeamFields on Team {\n    id\n    lead {\n      id\n      name\n      email\n    }\n    members {\n      isLead\n      addedAt\n      member {\n        id\n        name\n        email\n        title\n        status\n      }\n    }\n  }\n": typeof types.ClientTeamFieldsFragmentDoc;
  "\n  mutation AddTeamMember($input: TeamMemberInput!) {\n    addTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.AddTeamMemberDocument;
  "\n  mutation RemoveTeamMember($input: TeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.RemoveTeamMemberDocument;
  "\n  mutation MakeTeamLead($input: TeamMemberInput!) {\n    makeTeamLead(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.MakeTeamLeadDocument;
  "\n  mutation ReplaceTeamMember($input: ReplaceTeamMemberInput!) {\n    replaceTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.ReplaceTeamMemberDocument;
  "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      account {\n        id\n        name\n      }\n      member {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument;
  "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      kind\n      accountName\n      inviterName\n      email\n      role\n      status\n      expiresAt\n    }\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      # A partner invitation links one of the accounts the viewer administers.\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n        }\n      }\n      currentAccount {\n        id\n      }\n    }\n  }\n": typeof types.InvitationPreviewDocument;
  "\n  query InvitationSeats {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        seatsUsed\n        seatLimit\n      }\n    }\n  }\n": typeof types.InvitationSeatsDocument;
  "\n  query InvitationsList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: InvitationFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        invitations(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            email\n            role\n            status\n            delivery\n            expiresAt\n            lastSentAt\n            sendCount\n            invitedBy {\n              id\n              name\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n": typeof types.InvitationsListDocument;
  "\n  mutation InviteUsers($input: InviteUsersInput!) {\n    inviteUsers(input: $input) {\n      invitations {\n        id\n        email\n        role\n        status\n        delivery\n        expiresAt\n        lastSentAt\n        sendCount\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.InviteUsersDocument;
  "\n  mutation InvitationLogOut {\n    logOut {\n      ok\n    }\n  }\n": typeof types.InvitationLogOutDocument;
  "\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        delivery\n        expiresAt\n        lastSentAt\n        sendCount\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.ResendInvitationDocument;
  "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.RevokeInvitationDocument;
  "\n  mutation InvitationSwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.InvitationSwitchAccountDocument;
  "\n  mutation ActivateMembers($input: MemberIdsInput!) {\n    activateMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.ActivateMembersDocument;
  "\n  mutation ArchiveMembers($input: MemberIdsInput!) {\n    archiveMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.ArchiveMembersDocument;
  "\n  fragment MemberStatusFields on Member {\n    id\n    status\n    activatedAt\n    archivedAt\n  }\n": typeof types.MemberStatusFieldsFragmentDoc;
  "\n  query MemberCounts {\n    viewer {\n      currentAccount {\n        id\n        active: members(first: 1, filter: { status: [ACTIVE] }) {\n          totalCount\n        }\n        pending: members(first: 1, filter: { status: [PENDING] }) {\n          totalCount\n        }\n        archived: members(first: 1, filter: { status: [ARCHIVED] }) {\n          totalCount\n        }\n      }\n    }\n  }\n": typeof types.MemberCountsDocument;
  "\n  query MemberDetails($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Member {\n        name\n        email\n        title\n        type\n        role\n        status\n        canLogin\n        createdAt\n        activatedAt\n        archivedAt\n        acceptedAt\n        declinedAt\n        nameEditable\n        partner {\n          id\n          companyName\n        }\n      }\n    }\n  }\n": typeof types.MemberDetailsDocument;
  "\n  query MemberQueue(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n            createdAt\n            archivedAt\n            partner {\n              id\n              companyName\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n": typeof types.MemberQueueDocument;
  "\n  query MemberSeats {\n    viewer {\n      currentAccount {\n        id\n        seatsUsed\n        seatLimit\n      }\n    }\n  }\n": typeof types.MemberSeatsDocument;
  "\n  query MembersPermissions {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n": typeof types.MembersPermissionsDocument;
  "\n  query MembersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n            acceptedAt\n            declinedAt\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n": typeof types.MembersListDocument;
  "\n  query MemberPartnerOptions {\n    viewer {\n      currentAccount {\n        id\n        partners(first: 100) {\n          nodes {\n            id\n            companyName\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.MemberPartnerOptionsDocument;
  "\n  mutation RestoreMembers($input: MemberIdsInput!) {\n    restoreMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.RestoreMembersDocument;
  "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member {\n        id\n        name\n        nameEditable\n        title\n        role\n        canLogin\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.UpdateMemberDocument;
  "\n  mutation AddExternalMember($input: AddExternalMemberInput!) {\n    addExternalMember(input: $input) {\n      member {\n        id\n        name\n        email\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.AddExternalMemberDocument;
  "\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      partner {\n        id\n        companyName\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.CreatePartnerDocument;
  "\n  fragment MemberCountsFields on MemberCounts {\n    pending\n    active\n    archived\n  }\n": typeof types.MemberCountsFieldsFragmentDoc;
  "\n  query PartnerMembers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    node(id: $id) {\n      id\n      ... on Partner {\n        members(first: $first, after: $after, last: $last, before: $before) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            title\n            status\n            canLogin\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n": typeof types.PartnerMembersDocument;
  "\n  query PartnerDetails($id: ID!) {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n    node(id: $id) {\n      id\n      ... on Partner {\n        companyName\n        contactName\n        contactEmail\n        status\n        allowLogin\n        guest\n        domain\n        externalId\n        publicUrl\n        logoUrl\n        createdAt\n        connectedAt\n        removedAt\n        partnerAccount {\n          id\n          name\n          handle\n        }\n        memberCounts {\n          ...MemberCountsFields @unmask\n        }\n        invitation {\n          id\n          status\n          delivery\n          expiresAt\n        }\n      }\n    }\n  }\n": typeof types.PartnerDetailsDocument;
  "\n  query PartnersPermissions {\n    viewer {\n      currentAccount {\n        id\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n": typeof types.PartnersPermissionsDocument;
  "\n  query PartnersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: PartnerFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        partners(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            companyName\n            contactName\n            contactEmail\n            status\n            guest\n            logoUrl\n            partnerAccount {\n              id\n              name\n              handle\n            }\n            memberCounts {\n              ...MemberCountsFields @unmask\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n": typeof types.PartnersListDocument;
  "\n  mutation InvitePartner($input: InvitePartnerInput!) {\n    invitePartner(input: $input) {\n      partner {\n        id\n        companyName\n        status\n      }\n      invitation {\n        id\n        status\n        delivery\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.InvitePartnerDocument;
  "\n  mutation RemovePartnerFromNetwork($input: RemovePartnerFromNetworkInput!) {\n    removePartnerFromNetwork(input: $input) {\n      archivedMemberCount\n      partner {\n        id\n        status\n        removedAt\n        memberCounts {\n          ...MemberCountsFields @unmask\n        }\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.RemovePartnerFromNetworkDocument;
  "\n  mutation ResendPartnerInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        delivery\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.ResendPartnerInvitationDocument;
  "\n  mutation UpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      partner {\n        id\n        companyName\n        domain\n        externalId\n        publicUrl\n        guest\n        allowLogin\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.UpdatePartnerDocument;
  "\n  mutation AcceptMembership($input: AnswerMembershipInput!) {\n    acceptMembership(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.AcceptMembershipDocument;
  "\n  mutation DeclineMembership($input: AnswerMembershipInput!) {\n    declineMembership(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.DeclineMembershipDocument;
  "\n  query PendingMemberships {\n    viewer {\n      pendingMemberships {\n        emailVerified\n        hiddenReason\n        memberships {\n          memberId\n          accountName\n          addedByName\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.PendingMembershipsDocument;
  "\n  query Profile {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.ProfileDocument;
  "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.UpdateProfileDocument;
  "\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      account {\n        id\n        plan\n        seatLimit\n        seatsUsed\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.ChangePlanDocument;
  "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      apiToken {\n        id\n        name\n        scopes\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument;
  "\n  query AccountSettings {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        handle\n        plan\n        seatLimit\n        seatsUsed\n      }\n    }\n  }\n": typeof types.AccountSettingsDocument;
  "\n  query ApiTokens {\n    viewer {\n      currentAccount {\n        id\n        apiTokens {\n          id\n          name\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": typeof types.ApiTokensDocument;
  "\n  query HandleAvailability($handle: String!) {\n    handleAvailability(handle: $handle) {\n      handle\n      available\n      reason\n    }\n  }\n": typeof types.HandleAvailabilityDocument;
  "\n  query TransferCandidates {\n    viewer {\n      currentAccount {\n        id\n        members(first: 100, filter: { status: [ACTIVE], type: INTERNAL }) {\n          nodes {\n            id\n            name\n            email\n            role\n          }\n        }\n      }\n    }\n  }\n": typeof types.TransferCandidatesDocument;
  "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.RevokeApiTokenDocument;
  "\n  mutation TransferOwnership($input: TransferOwnershipInput!) {\n    transferOwnership(input: $input) {\n      previousOwner {\n        id\n        role\n      }\n      newOwner {\n        id\n        name\n        role\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.TransferOwnershipDocument;
  "\n  mutation UpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      account {\n        id\n        name\n        handle\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.UpdateAccountDocument;
  "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointFields @unmask\n      }\n      secret\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument;
  "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument;
  "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    disabledReason\n    failingSince\n    createdAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc;
  "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    messageId\n    eventType\n    objectId\n    status\n    attemptCount\n    createdAt\n    completedAt\n    lastAttempt {\n      attempt\n      attemptedAt\n      statusCode\n      durationMs\n      error\n    }\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc;
  "\n  query WebhookDeliveries(\n    $endpointId: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    node(id: $endpointId) {\n      id\n      ... on WebhookEndpoint {\n        deliveries(first: $first, after: $after, last: $last, before: $before) {\n          totalCount\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n          nodes {\n            ...WebhookDeliveryFields @unmask\n          }\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument;
  "\n  query WebhookEndpoints {\n    viewer {\n      currentAccount {\n        id\n        webhookEndpoints {\n          ...WebhookEndpointFields @unmask\n        }\n      }\n    }\n  }\n": typeof types.WebhookEndpointsDocument;
  "\n  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      delivery {\n        ...WebhookDeliveryFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.ReplayWebhookDeliveryDocument;
  "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument;
  "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n": typeof types.UserErrorFieldsFragmentDoc;
  "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc;
};
const documents: Documents = {
  "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.SwitchAccountDocument,
  "\n  query AccountName {\n    viewer {\n      currentAccount {\n        id\n        name\n      }\n    }\n  }\n":
    types.AccountNameDocument,
  "\n  query ShellViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n          handle\n        }\n      }\n      currentAccount {\n        id\n        name\n        handle\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n":
    types.ShellViewerDocument,
  "\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: AuditEventFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            action\n            objectType\n            objectId\n            via\n            apiTokenName\n            ip\n            createdAt\n            details\n            actor {\n              id\n              name\n              email\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n":
    types.AuditEventsDocument,
  "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.LogInDocument,
  "\n  mutation LogOut {\n    logOut {\n      ok\n    }\n  }\n": types.LogOutDocument,
  "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      account {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.SignUpDocument,
  "\n  mutation CreateClientInviteLink($input: CreateClientInviteLinkInput!) {\n    createClientInviteLink(input: $input) {\n      url\n      invitation {\n        id\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.CreateClientInviteLinkDocument,
  "\n  query ClientDetails($id: ID!) {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n    node(id: $id) {\n      id\n      ... on Client {\n        type\n        name\n        email\n        phone\n        status\n        createdAt\n        removedAt\n        clientAccount {\n          id\n          name\n          handle\n        }\n        invitation {\n          id\n          email\n          status\n          expiresAt\n        }\n        team {\n          ...ClientTeamFields @unmask\n        }\n      }\n    }\n  }\n":
    types.ClientDetailsDocument,
  "\n  query ClientsPermissions {\n    viewer {\n      currentAccount {\n        id\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n":
    types.ClientsPermissionsDocument,
  "\n  query ClientsList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ClientFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        clients(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            type\n            name\n            email\n            status\n            createdAt\n            removedAt\n            team {\n              id\n              lead {\n                id\n                name\n                email\n              }\n            }\n            clientAccount {\n              id\n              name\n              handle\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n":
    types.ClientsListDocument,
  "\n  query MyClient {\n    viewer {\n      currentAccount {\n        id\n        name\n        # The server scopes a CLIENT's list to their own record.\n        clients(first: 1) {\n          nodes {\n            id\n            name\n            email\n            phone\n            status\n            team {\n              id\n              members {\n                isLead\n                member {\n                  id\n                  name\n                  email\n                  title\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n":
    types.MyClientDocument,
  "\n  query TeamCandidates($first: Int) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, filter: { type: INTERNAL, status: [ACTIVE] }) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n":
    types.TeamCandidatesDocument,
  "\n  mutation ImportClients($input: ImportClientsInput!) {\n    importClients(input: $input) {\n      created\n      updated\n      rows {\n        line\n        email\n        outcome\n        errors {\n          field\n          message\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.ImportClientsDocument,
  "\n  mutation InviteClient($input: InviteClientInput!) {\n    inviteClient(input: $input) {\n      client {\n        id\n        name\n        email\n        status\n      }\n      invitation {\n        id\n        delivery\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.InviteClientDocument,
  "\n  mutation RemoveClientFromNetwork($input: RemoveClientFromNetworkInput!) {\n    removeClientFromNetwork(input: $input) {\n      archivedMemberCount\n      client {\n        id\n        status\n        removedAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.RemoveClientFromNetworkDocument,
  "\n  mutation ResendClientInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.ResendClientInvitationDocument,
  "\n  fragment ClientTeamFields on Team {\n    id\n    lead {\n      id\n      name\n      email\n    }\n    members {\n      isLead\n      addedAt\n      member {\n        id\n        name\n        email\n        title\n        status\n      }\n    }\n  }\n":
    types.ClientTeamFieldsFragmentDoc,
  "\n  mutation AddTeamMember($input: TeamMemberInput!) {\n    addTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.AddTeamMemberDocument,
  "\n  mutation RemoveTeamMember($input: TeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.RemoveTeamMemberDocument,
  "\n  mutation MakeTeamLead($input: TeamMemberInput!) {\n    makeTeamLead(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.MakeTeamLeadDocument,
  "\n  mutation ReplaceTeamMember($input: ReplaceTeamMemberInput!) {\n    replaceTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.ReplaceTeamMemberDocument,
  "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      account {\n        id\n        name\n      }\n      member {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.AcceptInvitationDocument,
  "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      kind\n      accountName\n      inviterName\n      email\n      role\n      status\n      expiresAt\n    }\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      # A partner invitation links one of the accounts the viewer administers.\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n        }\n      }\n      currentAccount {\n        id\n      }\n    }\n  }\n":
    types.InvitationPreviewDocument,
  "\n  query InvitationSeats {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        seatsUsed\n        seatLimit\n      }\n    }\n  }\n":
    types.InvitationSeatsDocument,
  "\n  query InvitationsList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: InvitationFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        invitations(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            email\n            role\n            status\n            delivery\n            expiresAt\n            lastSentAt\n            sendCount\n            invitedBy {\n              id\n              name\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n":
    types.InvitationsListDocument,
  "\n  mutation InviteUsers($input: InviteUsersInput!) {\n    inviteUsers(input: $input) {\n      invitations {\n        id\n        email\n        role\n        status\n        delivery\n        expiresAt\n        lastSentAt\n        sendCount\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.InviteUsersDocument,
  "\n  mutation InvitationLogOut {\n    logOut {\n      ok\n    }\n  }\n":
    types.InvitationLogOutDocument,
  "\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        delivery\n        expiresAt\n        lastSentAt\n        sendCount\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.ResendInvitationDocument,
  "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.RevokeInvitationDocument,
  "\n  mutation InvitationSwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.InvitationSwitchAccountDocument,
  "\n  mutation ActivateMembers($input: MemberIdsInput!) {\n    activateMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.ActivateMembersDocument,
  "\n  mutation ArchiveMembers($input: MemberIdsInput!) {\n    archiveMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.ArchiveMembersDocument,
  "\n  fragment MemberStatusFields on Member {\n    id\n    status\n    activatedAt\n    archivedAt\n  }\n":
    types.MemberStatusFieldsFragmentDoc,
  "\n  query MemberCounts {\n    viewer {\n      currentAccount {\n        id\n        active: members(first: 1, filter: { status: [ACTIVE] }) {\n          totalCount\n        }\n        pending: members(first: 1, filter: { status: [PENDING] }) {\n          totalCount\n        }\n        archived: members(first: 1, filter: { status: [ARCHIVED] }) {\n          totalCount\n        }\n      }\n    }\n  }\n":
    types.MemberCountsDocument,
  "\n  query MemberDetails($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Member {\n        name\n        email\n        title\n        type\n        role\n        status\n        canLogin\n        createdAt\n        activatedAt\n        archivedAt\n        acceptedAt\n        declinedAt\n        nameEditable\n        partner {\n          id\n          companyName\n        }\n      }\n    }\n  }\n":
    types.MemberDetailsDocument,
  "\n  query MemberQueue(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n            createdAt\n            archivedAt\n            partner {\n              id\n              companyName\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n":
    types.MemberQueueDocument,
  "\n  query MemberSeats {\n    viewer {\n      currentAccount {\n        id\n        seatsUsed\n        seatLimit\n      }\n    }\n  }\n":
    types.MemberSeatsDocument,
  "\n  query MembersPermissions {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n":
    types.MembersPermissionsDocument,
  "\n  query MembersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n            acceptedAt\n            declinedAt\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n":
    types.MembersListDocument,
  "\n  query MemberPartnerOptions {\n    viewer {\n      currentAccount {\n        id\n        partners(first: 100) {\n          nodes {\n            id\n            companyName\n            status\n          }\n        }\n      }\n    }\n  }\n":
    types.MemberPartnerOptionsDocument,
  "\n  mutation RestoreMembers($input: MemberIdsInput!) {\n    restoreMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.RestoreMembersDocument,
  "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member {\n        id\n        name\n        nameEditable\n        title\n        role\n        canLogin\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.UpdateMemberDocument,
  "\n  mutation AddExternalMember($input: AddExternalMemberInput!) {\n    addExternalMember(input: $input) {\n      member {\n        id\n        name\n        email\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.AddExternalMemberDocument,
  "\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      partner {\n        id\n        companyName\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.CreatePartnerDocument,
  "\n  fragment MemberCountsFields on MemberCounts {\n    pending\n    active\n    archived\n  }\n":
    types.MemberCountsFieldsFragmentDoc,
  "\n  query PartnerMembers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    node(id: $id) {\n      id\n      ... on Partner {\n        members(first: $first, after: $after, last: $last, before: $before) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            title\n            status\n            canLogin\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n":
    types.PartnerMembersDocument,
  "\n  query PartnerDetails($id: ID!) {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n    node(id: $id) {\n      id\n      ... on Partner {\n        companyName\n        contactName\n        contactEmail\n        status\n        allowLogin\n        guest\n        domain\n        externalId\n        publicUrl\n        logoUrl\n        createdAt\n        connectedAt\n        removedAt\n        partnerAccount {\n          id\n          name\n          handle\n        }\n        memberCounts {\n          ...MemberCountsFields @unmask\n        }\n        invitation {\n          id\n          status\n          delivery\n          expiresAt\n        }\n      }\n    }\n  }\n":
    types.PartnerDetailsDocument,
  "\n  query PartnersPermissions {\n    viewer {\n      currentAccount {\n        id\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n":
    types.PartnersPermissionsDocument,
  "\n  query PartnersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: PartnerFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        partners(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            companyName\n            contactName\n            contactEmail\n            status\n            guest\n            logoUrl\n            partnerAccount {\n              id\n              name\n              handle\n            }\n            memberCounts {\n              ...MemberCountsFields @unmask\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n":
    types.PartnersListDocument,
  "\n  mutation InvitePartner($input: InvitePartnerInput!) {\n    invitePartner(input: $input) {\n      partner {\n        id\n        companyName\n        status\n      }\n      invitation {\n        id\n        status\n        delivery\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.InvitePartnerDocument,
  "\n  mutation RemovePartnerFromNetwork($input: RemovePartnerFromNetworkInput!) {\n    removePartnerFromNetwork(input: $input) {\n      archivedMemberCount\n      partner {\n        id\n        status\n        removedAt\n        memberCounts {\n          ...MemberCountsFields @unmask\n        }\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.RemovePartnerFromNetworkDocument,
  "\n  mutation ResendPartnerInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        delivery\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.ResendPartnerInvitationDocument,
  "\n  mutation UpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      partner {\n        id\n        companyName\n        domain\n        externalId\n        publicUrl\n        guest\n        allowLogin\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.UpdatePartnerDocument,
  "\n  mutation AcceptMembership($input: AnswerMembershipInput!) {\n    acceptMembership(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.AcceptMembershipDocument,
  "\n  mutation DeclineMembership($input: AnswerMembershipInput!) {\n    declineMembership(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.DeclineMembershipDocument,
  "\n  query PendingMemberships {\n    viewer {\n      pendingMemberships {\n        emailVerified\n        hiddenReason\n        memberships {\n          memberId\n          accountName\n          addedByName\n          createdAt\n        }\n      }\n    }\n  }\n":
    types.PendingMembershipsDocument,
  "\n  query Profile {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n":
    types.ProfileDocument,
  "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.UpdateProfileDocument,
  "\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      account {\n        id\n        plan\n        seatLimit\n        seatsUsed\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.ChangePlanDocument,
  "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      apiToken {\n        id\n        name\n        scopes\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.CreateApiTokenDocument,
  "\n  query AccountSettings {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        handle\n        plan\n        seatLimit\n        seatsUsed\n      }\n    }\n  }\n":
    types.AccountSettingsDocument,
  "\n  query ApiTokens {\n    viewer {\n      currentAccount {\n        id\n        apiTokens {\n          id\n          name\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n":
    types.ApiTokensDocument,
  "\n  query HandleAvailability($handle: String!) {\n    handleAvailability(handle: $handle) {\n      handle\n      available\n      reason\n    }\n  }\n":
    types.HandleAvailabilityDocument,
  "\n  query TransferCandidates {\n    viewer {\n      currentAccount {\n        id\n        members(first: 100, filter: { status: [ACTIVE], type: INTERNAL }) {\n          nodes {\n            id\n            name\n            email\n            role\n          }\n        }\n      }\n    }\n  }\n":
    types.TransferCandidatesDocument,
  "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.RevokeApiTokenDocument,
  "\n  mutation TransferOwnership($input: TransferOwnershipInput!) {\n    transferOwnership(input: $input) {\n      previousOwner {\n        id\n        role\n      }\n      newOwner {\n        id\n        name\n        role\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.TransferOwnershipDocument,
  "\n  mutation UpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      account {\n        id\n        name\n        handle\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.UpdateAccountDocument,
  "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointFields @unmask\n      }\n      secret\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.CreateWebhookEndpointDocument,
  "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.DeleteWebhookEndpointDocument,
  "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    disabledReason\n    failingSince\n    createdAt\n  }\n":
    types.WebhookEndpointFieldsFragmentDoc,
  "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    messageId\n    eventType\n    objectId\n    status\n    attemptCount\n    createdAt\n    completedAt\n    lastAttempt {\n      attempt\n      attemptedAt\n      statusCode\n      durationMs\n      error\n    }\n  }\n":
    types.WebhookDeliveryFieldsFragmentDoc,
  "\n  query WebhookDeliveries(\n    $endpointId: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    node(id: $endpointId) {\n      id\n      ... on WebhookEndpoint {\n        deliveries(first: $first, after: $after, last: $last, before: $before) {\n          totalCount\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n          nodes {\n            ...WebhookDeliveryFields @unmask\n          }\n        }\n      }\n    }\n  }\n":
    types.WebhookDeliveriesDocument,
  "\n  query WebhookEndpoints {\n    viewer {\n      currentAccount {\n        id\n        webhookEndpoints {\n          ...WebhookEndpointFields @unmask\n        }\n      }\n    }\n  }\n":
    types.WebhookEndpointsDocument,
  "\n  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      delivery {\n        ...WebhookDeliveryFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.ReplayWebhookDeliveryDocument,
  "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n":
    types.UpdateWebhookEndpointDocument,
  "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n":
    types.UserErrorFieldsFragmentDoc,
  "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n":
    types.PageInfoFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation SwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query AccountName {\n    viewer {\n      currentAccount {\n        id\n        name\n      }\n    }\n  }\n",
): (typeof documents)["\n  query AccountName {\n    viewer {\n      currentAccount {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query ShellViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n          handle\n        }\n      }\n      currentAccount {\n        id\n        name\n        handle\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n",
): (typeof documents)["\n  query ShellViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n          handle\n        }\n      }\n      currentAccount {\n        id\n        name\n        handle\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: AuditEventFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            action\n            objectType\n            objectId\n            via\n            apiTokenName\n            ip\n            createdAt\n            details\n            actor {\n              id\n              name\n              email\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: AuditEventFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            action\n            objectType\n            objectId\n            via\n            apiTokenName\n            ip\n            createdAt\n            details\n            actor {\n              id\n              name\n              email\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation LogOut {\n    logOut {\n      ok\n    }\n  }\n",
): (typeof documents)["\n  mutation LogOut {\n    logOut {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      account {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      account {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation CreateClientInviteLink($input: CreateClientInviteLinkInput!) {\n    createClientInviteLink(input: $input) {\n      url\n      invitation {\n        id\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation CreateClientInviteLink($input: CreateClientInviteLinkInput!) {\n    createClientInviteLink(input: $input) {\n      url\n      invitation {\n        id\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query ClientDetails($id: ID!) {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n    node(id: $id) {\n      id\n      ... on Client {\n        type\n        name\n        email\n        phone\n        status\n        createdAt\n        removedAt\n        clientAccount {\n          id\n          name\n          handle\n        }\n        invitation {\n          id\n          email\n          status\n          expiresAt\n        }\n        team {\n          ...ClientTeamFields @unmask\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query ClientDetails($id: ID!) {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n    node(id: $id) {\n      id\n      ... on Client {\n        type\n        name\n        email\n        phone\n        status\n        createdAt\n        removedAt\n        clientAccount {\n          id\n          name\n          handle\n        }\n        invitation {\n          id\n          email\n          status\n          expiresAt\n        }\n        team {\n          ...ClientTeamFields @unmask\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query ClientsPermissions {\n    viewer {\n      currentAccount {\n        id\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n",
): (typeof documents)["\n  query ClientsPermissions {\n    viewer {\n      currentAccount {\n        id\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query ClientsList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ClientFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        clients(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            type\n            name\n            email\n            status\n            createdAt\n            removedAt\n            team {\n              id\n              lead {\n                id\n                name\n                email\n              }\n            }\n            clientAccount {\n              id\n              name\n              handle\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query ClientsList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: ClientFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        clients(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            type\n            name\n            email\n            status\n            createdAt\n            removedAt\n            team {\n              id\n              lead {\n                id\n                name\n                email\n              }\n            }\n            clientAccount {\n              id\n              name\n              handle\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query MyClient {\n    viewer {\n      currentAccount {\n        id\n        name\n        # The server scopes a CLIENT's list to their own record.\n        clients(first: 1) {\n          nodes {\n            id\n            name\n            email\n            phone\n            status\n            team {\n              id\n              members {\n                isLead\n                member {\n                  id\n                  name\n                  email\n                  title\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query MyClient {\n    viewer {\n      currentAccount {\n        id\n        name\n        # The server scopes a CLIENT's list to their own record.\n        clients(first: 1) {\n          nodes {\n            id\n            name\n            email\n            phone\n            status\n            team {\n              id\n              members {\n                isLead\n                member {\n                  id\n                  name\n                  email\n                  title\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query TeamCandidates($first: Int) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, filter: { type: INTERNAL, status: [ACTIVE] }) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query TeamCandidates($first: Int) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, filter: { type: INTERNAL, status: [ACTIVE] }) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation ImportClients($input: ImportClientsInput!) {\n    importClients(input: $input) {\n      created\n      updated\n      rows {\n        line\n        email\n        outcome\n        errors {\n          field\n          message\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation ImportClients($input: ImportClientsInput!) {\n    importClients(input: $input) {\n      created\n      updated\n      rows {\n        line\n        email\n        outcome\n        errors {\n          field\n          message\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation InviteClient($input: InviteClientInput!) {\n    inviteClient(input: $input) {\n      client {\n        id\n        name\n        email\n        status\n      }\n      invitation {\n        id\n        delivery\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation InviteClient($input: InviteClientInput!) {\n    inviteClient(input: $input) {\n      client {\n        id\n        name\n        email\n        status\n      }\n      invitation {\n        id\n        delivery\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation RemoveClientFromNetwork($input: RemoveClientFromNetworkInput!) {\n    removeClientFromNetwork(input: $input) {\n      archivedMemberCount\n      client {\n        id\n        status\n        removedAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation RemoveClientFromNetwork($input: RemoveClientFromNetworkInput!) {\n    removeClientFromNetwork(input: $input) {\n      archivedMemberCount\n      client {\n        id\n        status\n        removedAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation ResendClientInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation ResendClientInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  fragment ClientTeamFields on Team {\n    id\n    lead {\n      id\n      name\n      email\n    }\n    members {\n      isLead\n      addedAt\n      member {\n        id\n        name\n        email\n        title\n        status\n      }\n    }\n  }\n",
): (typeof documents)["\n  fragment ClientTeamFields on Team {\n    id\n    lead {\n      id\n      name\n      email\n    }\n    members {\n      isLead\n      addedAt\n      member {\n        id\n        name\n        email\n        title\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation AddTeamMember($input: TeamMemberInput!) {\n    addTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation AddTeamMember($input: TeamMemberInput!) {\n    addTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation RemoveTeamMember($input: TeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation RemoveTeamMember($input: TeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation MakeTeamLead($input: TeamMemberInput!) {\n    makeTeamLead(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation MakeTeamLead($input: TeamMemberInput!) {\n    makeTeamLead(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation ReplaceTeamMember($input: ReplaceTeamMemberInput!) {\n    replaceTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation ReplaceTeamMember($input: ReplaceTeamMemberInput!) {\n    replaceTeamMember(input: $input) {\n      team {\n        ...ClientTeamFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      account {\n        id\n        name\n      }\n      member {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      account {\n        id\n        name\n      }\n      member {\n        id\n        role\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      kind\n      accountName\n      inviterName\n      email\n      role\n      status\n      expiresAt\n    }\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      # A partner invitation links one of the accounts the viewer administers.\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n        }\n      }\n      currentAccount {\n        id\n      }\n    }\n  }\n",
): (typeof documents)["\n  query InvitationPreview($token: String!) {\n    invitation(token: $token) {\n      kind\n      accountName\n      inviterName\n      email\n      role\n      status\n      expiresAt\n    }\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n      # A partner invitation links one of the accounts the viewer administers.\n      memberships {\n        id\n        role\n        account {\n          id\n          name\n        }\n      }\n      currentAccount {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query InvitationSeats {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        seatsUsed\n        seatLimit\n      }\n    }\n  }\n",
): (typeof documents)["\n  query InvitationSeats {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        seatsUsed\n        seatLimit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query InvitationsList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: InvitationFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        invitations(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            email\n            role\n            status\n            delivery\n            expiresAt\n            lastSentAt\n            sendCount\n            invitedBy {\n              id\n              name\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query InvitationsList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: InvitationFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        invitations(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            email\n            role\n            status\n            delivery\n            expiresAt\n            lastSentAt\n            sendCount\n            invitedBy {\n              id\n              name\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation InviteUsers($input: InviteUsersInput!) {\n    inviteUsers(input: $input) {\n      invitations {\n        id\n        email\n        role\n        status\n        delivery\n        expiresAt\n        lastSentAt\n        sendCount\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation InviteUsers($input: InviteUsersInput!) {\n    inviteUsers(input: $input) {\n      invitations {\n        id\n        email\n        role\n        status\n        delivery\n        expiresAt\n        lastSentAt\n        sendCount\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation InvitationLogOut {\n    logOut {\n      ok\n    }\n  }\n",
): (typeof documents)["\n  mutation InvitationLogOut {\n    logOut {\n      ok\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        delivery\n        expiresAt\n        lastSentAt\n        sendCount\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        delivery\n        expiresAt\n        lastSentAt\n        sendCount\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      invitation {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation InvitationSwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation InvitationSwitchAccount($input: SwitchAccountInput!) {\n    switchAccount(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation ActivateMembers($input: MemberIdsInput!) {\n    activateMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation ActivateMembers($input: MemberIdsInput!) {\n    activateMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation ArchiveMembers($input: MemberIdsInput!) {\n    archiveMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation ArchiveMembers($input: MemberIdsInput!) {\n    archiveMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  fragment MemberStatusFields on Member {\n    id\n    status\n    activatedAt\n    archivedAt\n  }\n",
): (typeof documents)["\n  fragment MemberStatusFields on Member {\n    id\n    status\n    activatedAt\n    archivedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query MemberCounts {\n    viewer {\n      currentAccount {\n        id\n        active: members(first: 1, filter: { status: [ACTIVE] }) {\n          totalCount\n        }\n        pending: members(first: 1, filter: { status: [PENDING] }) {\n          totalCount\n        }\n        archived: members(first: 1, filter: { status: [ARCHIVED] }) {\n          totalCount\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query MemberCounts {\n    viewer {\n      currentAccount {\n        id\n        active: members(first: 1, filter: { status: [ACTIVE] }) {\n          totalCount\n        }\n        pending: members(first: 1, filter: { status: [PENDING] }) {\n          totalCount\n        }\n        archived: members(first: 1, filter: { status: [ARCHIVED] }) {\n          totalCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query MemberDetails($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Member {\n        name\n        email\n        title\n        type\n        role\n        status\n        canLogin\n        createdAt\n        activatedAt\n        archivedAt\n        acceptedAt\n        declinedAt\n        nameEditable\n        partner {\n          id\n          companyName\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query MemberDetails($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Member {\n        name\n        email\n        title\n        type\n        role\n        status\n        canLogin\n        createdAt\n        activatedAt\n        archivedAt\n        acceptedAt\n        declinedAt\n        nameEditable\n        partner {\n          id\n          companyName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query MemberQueue(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n            createdAt\n            archivedAt\n            partner {\n              id\n              companyName\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query MemberQueue(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n            createdAt\n            archivedAt\n            partner {\n              id\n              companyName\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query MemberSeats {\n    viewer {\n      currentAccount {\n        id\n        seatsUsed\n        seatLimit\n      }\n    }\n  }\n",
): (typeof documents)["\n  query MemberSeats {\n    viewer {\n      currentAccount {\n        id\n        seatsUsed\n        seatLimit\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query MembersPermissions {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n",
): (typeof documents)["\n  query MembersPermissions {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query MembersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n            acceptedAt\n            declinedAt\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query MembersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: MemberFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        members(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            role\n            type\n            status\n            acceptedAt\n            declinedAt\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query MemberPartnerOptions {\n    viewer {\n      currentAccount {\n        id\n        partners(first: 100) {\n          nodes {\n            id\n            companyName\n            status\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query MemberPartnerOptions {\n    viewer {\n      currentAccount {\n        id\n        partners(first: 100) {\n          nodes {\n            id\n            companyName\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation RestoreMembers($input: MemberIdsInput!) {\n    restoreMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation RestoreMembers($input: MemberIdsInput!) {\n    restoreMembers(input: $input) {\n      members {\n        ...MemberStatusFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member {\n        id\n        name\n        nameEditable\n        title\n        role\n        canLogin\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation UpdateMember($input: UpdateMemberInput!) {\n    updateMember(input: $input) {\n      member {\n        id\n        name\n        nameEditable\n        title\n        role\n        canLogin\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation AddExternalMember($input: AddExternalMemberInput!) {\n    addExternalMember(input: $input) {\n      member {\n        id\n        name\n        email\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation AddExternalMember($input: AddExternalMemberInput!) {\n    addExternalMember(input: $input) {\n      member {\n        id\n        name\n        email\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      partner {\n        id\n        companyName\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation CreatePartner($input: CreatePartnerInput!) {\n    createPartner(input: $input) {\n      partner {\n        id\n        companyName\n        status\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  fragment MemberCountsFields on MemberCounts {\n    pending\n    active\n    archived\n  }\n",
): (typeof documents)["\n  fragment MemberCountsFields on MemberCounts {\n    pending\n    active\n    archived\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query PartnerMembers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    node(id: $id) {\n      id\n      ... on Partner {\n        members(first: $first, after: $after, last: $last, before: $before) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            title\n            status\n            canLogin\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query PartnerMembers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    node(id: $id) {\n      id\n      ... on Partner {\n        members(first: $first, after: $after, last: $last, before: $before) {\n          totalCount\n          nodes {\n            id\n            name\n            email\n            title\n            status\n            canLogin\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query PartnerDetails($id: ID!) {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n    node(id: $id) {\n      id\n      ... on Partner {\n        companyName\n        contactName\n        contactEmail\n        status\n        allowLogin\n        guest\n        domain\n        externalId\n        publicUrl\n        logoUrl\n        createdAt\n        connectedAt\n        removedAt\n        partnerAccount {\n          id\n          name\n          handle\n        }\n        memberCounts {\n          ...MemberCountsFields @unmask\n        }\n        invitation {\n          id\n          status\n          delivery\n          expiresAt\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query PartnerDetails($id: ID!) {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n    }\n    node(id: $id) {\n      id\n      ... on Partner {\n        companyName\n        contactName\n        contactEmail\n        status\n        allowLogin\n        guest\n        domain\n        externalId\n        publicUrl\n        logoUrl\n        createdAt\n        connectedAt\n        removedAt\n        partnerAccount {\n          id\n          name\n          handle\n        }\n        memberCounts {\n          ...MemberCountsFields @unmask\n        }\n        invitation {\n          id\n          status\n          delivery\n          expiresAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query PartnersPermissions {\n    viewer {\n      currentAccount {\n        id\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n",
): (typeof documents)["\n  query PartnersPermissions {\n    viewer {\n      currentAccount {\n        id\n      }\n      currentMember {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query PartnersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: PartnerFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        partners(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            companyName\n            contactName\n            contactEmail\n            status\n            guest\n            logoUrl\n            partnerAccount {\n              id\n              name\n              handle\n            }\n            memberCounts {\n              ...MemberCountsFields @unmask\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query PartnersList(\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $filter: PartnerFilter\n  ) {\n    viewer {\n      currentAccount {\n        id\n        partners(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n          totalCount\n          nodes {\n            id\n            companyName\n            contactName\n            contactEmail\n            status\n            guest\n            logoUrl\n            partnerAccount {\n              id\n              name\n              handle\n            }\n            memberCounts {\n              ...MemberCountsFields @unmask\n            }\n          }\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation InvitePartner($input: InvitePartnerInput!) {\n    invitePartner(input: $input) {\n      partner {\n        id\n        companyName\n        status\n      }\n      invitation {\n        id\n        status\n        delivery\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation InvitePartner($input: InvitePartnerInput!) {\n    invitePartner(input: $input) {\n      partner {\n        id\n        companyName\n        status\n      }\n      invitation {\n        id\n        status\n        delivery\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation RemovePartnerFromNetwork($input: RemovePartnerFromNetworkInput!) {\n    removePartnerFromNetwork(input: $input) {\n      archivedMemberCount\n      partner {\n        id\n        status\n        removedAt\n        memberCounts {\n          ...MemberCountsFields @unmask\n        }\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation RemovePartnerFromNetwork($input: RemovePartnerFromNetworkInput!) {\n    removePartnerFromNetwork(input: $input) {\n      archivedMemberCount\n      partner {\n        id\n        status\n        removedAt\n        memberCounts {\n          ...MemberCountsFields @unmask\n        }\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation ResendPartnerInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        delivery\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation ResendPartnerInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      invitation {\n        id\n        status\n        delivery\n        expiresAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation UpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      partner {\n        id\n        companyName\n        domain\n        externalId\n        publicUrl\n        guest\n        allowLogin\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation UpdatePartner($input: UpdatePartnerInput!) {\n    updatePartner(input: $input) {\n      partner {\n        id\n        companyName\n        domain\n        externalId\n        publicUrl\n        guest\n        allowLogin\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation AcceptMembership($input: AnswerMembershipInput!) {\n    acceptMembership(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation AcceptMembership($input: AnswerMembershipInput!) {\n    acceptMembership(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation DeclineMembership($input: AnswerMembershipInput!) {\n    declineMembership(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation DeclineMembership($input: AnswerMembershipInput!) {\n    declineMembership(input: $input) {\n      account {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query PendingMemberships {\n    viewer {\n      pendingMemberships {\n        emailVerified\n        hiddenReason\n        memberships {\n          memberId\n          accountName\n          addedByName\n          createdAt\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query PendingMemberships {\n    viewer {\n      pendingMemberships {\n        emailVerified\n        hiddenReason\n        memberships {\n          memberId\n          accountName\n          addedByName\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query Profile {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n",
): (typeof documents)["\n  query Profile {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      user {\n        id\n        name\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      account {\n        id\n        plan\n        seatLimit\n        seatsUsed\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation ChangePlan($input: ChangePlanInput!) {\n    changePlan(input: $input) {\n      account {\n        id\n        plan\n        seatLimit\n        seatsUsed\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      apiToken {\n        id\n        name\n        scopes\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      apiToken {\n        id\n        name\n        scopes\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      secret\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query AccountSettings {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        handle\n        plan\n        seatLimit\n        seatsUsed\n      }\n    }\n  }\n",
): (typeof documents)["\n  query AccountSettings {\n    viewer {\n      currentMember {\n        id\n        role\n      }\n      currentAccount {\n        id\n        name\n        handle\n        plan\n        seatLimit\n        seatsUsed\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query ApiTokens {\n    viewer {\n      currentAccount {\n        id\n        apiTokens {\n          id\n          name\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query ApiTokens {\n    viewer {\n      currentAccount {\n        id\n        apiTokens {\n          id\n          name\n          scopes\n          createdAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query HandleAvailability($handle: String!) {\n    handleAvailability(handle: $handle) {\n      handle\n      available\n      reason\n    }\n  }\n",
): (typeof documents)["\n  query HandleAvailability($handle: String!) {\n    handleAvailability(handle: $handle) {\n      handle\n      available\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query TransferCandidates {\n    viewer {\n      currentAccount {\n        id\n        members(first: 100, filter: { status: [ACTIVE], type: INTERNAL }) {\n          nodes {\n            id\n            name\n            email\n            role\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query TransferCandidates {\n    viewer {\n      currentAccount {\n        id\n        members(first: 100, filter: { status: [ACTIVE], type: INTERNAL }) {\n          nodes {\n            id\n            name\n            email\n            role\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation TransferOwnership($input: TransferOwnershipInput!) {\n    transferOwnership(input: $input) {\n      previousOwner {\n        id\n        role\n      }\n      newOwner {\n        id\n        name\n        role\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation TransferOwnership($input: TransferOwnershipInput!) {\n    transferOwnership(input: $input) {\n      previousOwner {\n        id\n        role\n      }\n      newOwner {\n        id\n        name\n        role\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation UpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      account {\n        id\n        name\n        handle\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation UpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      account {\n        id\n        name\n        handle\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointFields @unmask\n      }\n      secret\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointFields @unmask\n      }\n      secret\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {\n    deleteWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        id\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    disabledReason\n    failingSince\n    createdAt\n  }\n",
): (typeof documents)["\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    disabledReason\n    failingSince\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    messageId\n    eventType\n    objectId\n    status\n    attemptCount\n    createdAt\n    completedAt\n    lastAttempt {\n      attempt\n      attemptedAt\n      statusCode\n      durationMs\n      error\n    }\n  }\n",
): (typeof documents)["\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    messageId\n    eventType\n    objectId\n    status\n    attemptCount\n    createdAt\n    completedAt\n    lastAttempt {\n      attempt\n      attemptedAt\n      statusCode\n      durationMs\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query WebhookDeliveries(\n    $endpointId: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    node(id: $endpointId) {\n      id\n      ... on WebhookEndpoint {\n        deliveries(first: $first, after: $after, last: $last, before: $before) {\n          totalCount\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n          nodes {\n            ...WebhookDeliveryFields @unmask\n          }\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query WebhookDeliveries(\n    $endpointId: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    node(id: $endpointId) {\n      id\n      ... on WebhookEndpoint {\n        deliveries(first: $first, after: $after, last: $last, before: $before) {\n          totalCount\n          pageInfo {\n            ...PageInfoFields @unmask\n          }\n          nodes {\n            ...WebhookDeliveryFields @unmask\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  query WebhookEndpoints {\n    viewer {\n      currentAccount {\n        id\n        webhookEndpoints {\n          ...WebhookEndpointFields @unmask\n        }\n      }\n    }\n  }\n",
): (typeof documents)["\n  query WebhookEndpoints {\n    viewer {\n      currentAccount {\n        id\n        webhookEndpoints {\n          ...WebhookEndpointFields @unmask\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      delivery {\n        ...WebhookDeliveryFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation ReplayWebhookDelivery($input: ReplayWebhookDeliveryInput!) {\n    replayWebhookDelivery(input: $input) {\n      delivery {\n        ...WebhookDeliveryFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n",
): (typeof documents)["\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointFields @unmask\n      }\n      userErrors {\n        ...UserErrorFields @unmask\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n",
): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    field\n    message\n    code\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n",
): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
