import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "users" })
export class UserEntity {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Stored as typed; uniqueness and look-ups are on lower(email). */
  @Column({ type: "text" })
  email: string;

  @Column({ type: "text" })
  name: string;

  /** Null until the person sets a password (e.g. an external member never invited to log in). */
  @Column({ name: "password_hash", type: "text", nullable: true })
  passwordHash: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
