/** The link an invitee opens: the SPA's accept page with the token's secret. */
export function invitationLink(context: { appUrl: string }, secret: string): string {
  return `${context.appUrl}/invite/${secret}`;
}
