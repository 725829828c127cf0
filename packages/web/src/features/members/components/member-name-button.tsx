import { Anchor } from "@mantine/core";

export interface MemberNameButtonProps {
  name: string;
  onOpen: () => void;
}

/** The member's name in a list row: opens their side panel (a dialog). */
export function MemberNameButton({ name, onOpen }: MemberNameButtonProps) {
  return (
    <Anchor
      component="button"
      type="button"
      aria-haspopup="dialog"
      fw={500}
      ta="left"
      onClick={onOpen}
    >
      {name}
    </Anchor>
  );
}
