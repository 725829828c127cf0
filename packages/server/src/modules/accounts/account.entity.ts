import { Plan } from "@pn/shared";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "accounts" })
export class AccountEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "text" })
  name: string;

  /** Public and unique (case-insensitively): the "account ID" partners invite by. */
  @Column({ type: "text" })
  handle: string;

  @Column({ type: "text", default: Plan.FREE })
  plan: Plan;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
