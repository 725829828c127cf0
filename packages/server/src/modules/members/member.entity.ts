import { MemberStatus, MemberType, Role } from "@pn/shared";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "members" })
export class MemberEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "account_id", type: "uuid" })
  accountId: string;

  @Column({ name: "user_id", type: "uuid" })
  userId: string;

  @Column({ type: "text" })
  type: MemberType;

  @Column({ type: "text" })
  role: Role;

  @Column({ type: "text" })
  status: MemberStatus;

  @Column({ name: "can_login", type: "boolean", default: true })
  canLogin: boolean;

  @Column({ type: "text", nullable: true })
  title: string | null;

  /** Set for EXTERNAL members: the partner (in this account) they come from. */
  @Column({ name: "partner_id", type: "uuid", nullable: true })
  partnerId: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Column({ name: "activated_at", type: "timestamptz", nullable: true })
  activatedAt: Date | null;

  @Column({ name: "archived_at", type: "timestamptz", nullable: true })
  archivedAt: Date | null;
}
