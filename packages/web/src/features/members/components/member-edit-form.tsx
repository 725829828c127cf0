import { Button, Group, Select, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { can, INVITABLE_ROLES, parseInvitableRole, type Role, TEXT_LIMITS } from "@pn/shared";
import { type FormEvent, useId, useState } from "react";
import { FormAlert } from "../../../components/form-alert";
import type { UpdateMemberInput } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { ROLE_LABELS, toRole } from "../../../lib/enum-labels";
import { type FieldErrors, splitUserErrors } from "../../../lib/user-errors";
import type { MemberDetailsNode } from "../api/get-member-details";
import { useUpdateMember } from "../api/update-member";

const ROLE_OPTIONS = INVITABLE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const FIELDS = ["name", "title", "role", "canLogin"] as const;
type Field = (typeof FIELDS)[number];

export interface MemberEditFormProps {
  member: MemberDetailsNode;
  viewerRole: Role | null;
  /** Whether this member is the viewer: only the owner changes the owner's login. */
  isSelf: boolean;
}

const OWNER_LOGIN_REASON = "Only the owner changes the owner's login.";

/**
 * Name and title (EDITOR and up), role and login (OWNER/ADMINISTRATOR). Internal members other
 * than the owner get a role choice; external members are always collaborators. Only changed
 * fields are sent.
 */
export function MemberEditForm({ member, viewerRole, isSelf }: MemberEditFormProps) {
  const canEditProfile = can(viewerRole, "editMemberProfiles");
  const canManage = can(viewerRole, "manageRolesAndLogin");
  const memberRole = toRole(member.role);
  const roleEditable = canManage && member.type === "INTERNAL" && memberRole !== "OWNER";
  // The server refuses it too (FORBIDDEN): the owner's access is theirs alone.
  const loginLocked = memberRole === "OWNER" && !isSelf;
  const headingId = useId();

  const [updateMember, { loading }] = useUpdateMember();
  const [name, setName] = useState(member.name);
  const [title, setTitle] = useState(member.title ?? "");
  const [role, setRole] = useState<Role>(memberRole);
  const [canLogin, setCanLogin] = useState(member.canLogin);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [retryable, setRetryable] = useState(false);
  const [saved, setSaved] = useState(false);

  const changes: Omit<UpdateMemberInput, "memberId"> = {};
  if (canEditProfile && member.nameEditable && name.trim() !== member.name)
    changes.name = name.trim();
  if (canEditProfile && title.trim() !== (member.title ?? "")) changes.title = title.trim();
  if (roleEditable && role !== memberRole) changes.role = role;
  if (canManage && !loginLocked && canLogin !== member.canLogin) changes.canLogin = canLogin;
  const changed = Object.keys(changes).length > 0;

  if (!canEditProfile && !canManage) {
    return (
      <Text size="sm" c="dimmed">
        Role: {ROLE_LABELS[memberRole]}. Can log in: {member.canLogin ? "yes" : "no"}.
      </Text>
    );
  }

  function edited() {
    setSaved(false);
    setFormErrors([]);
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setFormErrors([]);
    setRetryable(false);
    setSaved(false);
    if (changes.name !== undefined && !changes.name) {
      setErrors({ name: "Name cannot be empty." });
      return;
    }
    if (!changed) return;
    try {
      const { data } = await updateMember({
        variables: { input: { memberId: member.id, ...changes } },
      });
      const { fieldErrors, formErrors: general } = splitUserErrors(
        data?.updateMember.userErrors ?? [],
        FIELDS,
      );
      if (general.length > 0 || Object.values(fieldErrors).some(Boolean)) {
        setErrors(fieldErrors);
        setFormErrors(general);
        return;
      }
      setErrors({});
      setSaved(true);
      notifications.show({
        color: "green",
        title: "Changes saved",
        message: `${data?.updateMember.member?.name ?? member.name} is updated.`,
      });
    } catch (error) {
      const described = describeError(error);
      setFormErrors([described.message]);
      setRetryable(described.retryable);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>
          Profile and access
        </Title>
        <FormAlert messages={formErrors} onRetry={retryable ? () => void submit() : undefined} />
        {canEditProfile && (
          <>
            <TextInput
              maxLength={TEXT_LIMITS.name}
              label="Name"
              value={name}
              readOnly={!member.nameEditable}
              description={
                member.nameEditable
                  ? member.acceptedAt === null
                    ? "The name your account knows them by until they accept; they never see it as theirs."
                    : undefined
                  : `${member.name} accepted this membership: only they change their own name.`
              }
              error={errors.name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setErrors((previous) => ({ ...previous, name: undefined }));
                edited();
              }}
            />
            <TextInput
              maxLength={TEXT_LIMITS.title}
              label="Title"
              description="e.g. “Account manager”; leave empty for none."
              value={title}
              error={errors.title}
              onChange={(event) => {
                setTitle(event.currentTarget.value);
                setErrors((previous) => ({ ...previous, title: undefined }));
                edited();
              }}
            />
          </>
        )}
        {roleEditable ? (
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={role}
            allowDeselect={false}
            error={errors.role}
            comboboxProps={{ withinPortal: false }}
            onChange={(value) => {
              const next = parseInvitableRole(value ?? "");
              if (next) setRole(next);
              setErrors((previous) => ({ ...previous, role: undefined }));
              edited();
            }}
          />
        ) : (
          <TextInput
            label="Role"
            value={ROLE_LABELS[memberRole]}
            readOnly
            description={
              member.type === "EXTERNAL"
                ? "External members are always collaborators."
                : memberRole === "OWNER"
                  ? "The owner's role changes only by transferring ownership."
                  : "Only owners and administrators change roles."
            }
            error={errors.role}
          />
        )}
        {canManage ? (
          <Switch
            label="Can log in"
            // The description sits inside Switch's <label>: keep it out of the name.
            aria-label="Can log in"
            description={
              loginLocked ? OWNER_LOGIN_REASON : "Whether they may sign in to this account."
            }
            disabled={loginLocked}
            checked={canLogin}
            error={errors.canLogin}
            onChange={(event) => {
              setCanLogin(event.currentTarget.checked);
              setErrors((previous) => ({ ...previous, canLogin: undefined }));
              edited();
            }}
          />
        ) : (
          <Text size="sm">Can log in: {member.canLogin ? "yes" : "no"}</Text>
        )}
        <Group gap="sm">
          <Button type="submit" loading={loading} disabled={!changed}>
            Save changes
          </Button>
          <Text size="sm" c="var(--pn-color-text-success)" role="status">
            {saved ? "Changes saved." : ""}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
