import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ConnectionArgs, type Connection } from "../../graphql/connection";
import type { Context } from "../../graphql/context";
import { Account } from "../accounts/account.type";
import { identityService } from "../identity/identity.service";
import { User } from "../identity/user.type";
import { AuditEvent, AuditEventConnection, AuditEventFilter } from "./audit-event.type";
import { auditService } from "./audit.service";

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: "Who acted; null for the system or a deleted user.",
  })
  actor(@Root() event: AuditEvent, @Ctx() context: Context): Promise<User | null> | null {
    return event.actorUserId ? identityService.userOrNull(context, event.actorUserId) : null;
  }
}

@Resolver(() => Account)
export class AccountAuditResolver {
  @FieldResolver(() => AuditEventConnection, {
    description: "OWNER/ADMINISTRATOR only: the audit log, newest first.",
  })
  auditEvents(
    @Root() account: Account,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("filter", () => AuditEventFilter, {
      nullable: true,
      description: "Narrows the log; every condition given must hold.",
    })
    filter: AuditEventFilter | null,
    @Ctx() context: Context,
  ): Promise<Connection<AuditEvent>> {
    return auditService.list(context, account.localId, args, filter);
  }
}
