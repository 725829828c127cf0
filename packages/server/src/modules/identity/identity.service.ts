/** Users as the viewer may see them. */
import type { Context } from "../../graphql/context";
import type { NodeSource } from "../../graphql/node";
import type { User } from "./user.type";

export const identityService = {
  async userById(context: Context, userId: string): Promise<User> {
    const user = await context.loaders.userById.load(userId);
    if (!user) throw new Error(`user ${userId} referenced but missing`);
    return user;
  },

  /** Members carry their user's name and email already; this is for the `user` field. */
  userOfMember(context: Context, member: { userId: string }): Promise<User> {
    return identityService.userById(context, member.userId);
  },
};

export const userNodeSource: NodeSource = {
  typeName: "User",
  // A user is refetchable by themselves; other people are reached through Member.
  load: (context, ids) =>
    Promise.all(
      ids.map((id) => (id === context.viewer?.userId ? context.loaders.userById.load(id) : Promise.resolve(null))),
    ),
};
