import { Arg, Ctx, FieldResolver, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { EndOtherSessionsPayload, EndSessionInput, EndSessionPayload } from "./password.inputs";
import { ownSessionsService } from "./own-sessions.service";
import { Session } from "./session.type";
import { ViewerInfo } from "./viewer.resolver";

@Resolver(() => ViewerInfo)
export class SessionsResolver {
  @FieldResolver(() => [Session], {
    description:
      "The signed-in person's live sessions, newest first (sessions only; an API token is refused).",
  })
  sessions(@Ctx() context: Context): Promise<Session[]> {
    return ownSessionsService.list(context);
  }

  @Mutation(() => EndSessionPayload, {
    description: "Signs out one of the viewer's own sessions (the current one too: a log-out).",
  })
  endSession(
    @Arg("input", () => EndSessionInput, {
      description: "What to do; see the fields of EndSessionInput.",
    })
    input: EndSessionInput,
    @Ctx() context: Context,
  ): Promise<EndSessionPayload> {
    return ownSessionsService.endSession(context, input.sessionId);
  }

  @Mutation(() => EndOtherSessionsPayload, {
    description: "Signs out every session of the viewer except the current one, in every account.",
  })
  endOtherSessions(@Ctx() context: Context): Promise<EndOtherSessionsPayload> {
    return ownSessionsService.endOtherSessions(context);
  }
}
