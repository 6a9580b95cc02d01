// Links a removed member could read (issue 17 review): every member's device that can read a person
// opens their link records, so a member holds the open tokens of everyone they could read, and the link
// pages ask nobody who they are. When an admin removes a member, the removal is noted in the synced
// settings (shared/sync member-removals.ts), and a token made before a removal is retired from then on:
// - a confirmation clicked after the removal is refused (audited as link-click-refused, reason 'retired'),
//   so the person stays pending and the next message gets a new token;
// - an unsubscribe clicked after it is still recorded: a stop to direct marketing holds whoever may have
//   posted it (Art. 21(3)), and refusing one would keep mailing a person who said stop from an older mail;
// - neither is sent out again: the next message or campaign file gets a new token.
// The times compared are the token's (the server's, at its registration), the click's (the server's) and
// the removal's (the admin device's clock).

/** When the token was retired: the first removal after it was made, or null when none was. */
export const retiredAt = (createdAt: number, removals: readonly number[]): number | null =>
  removals.find((at) => at > createdAt) ?? null;

/** A click on a confirmation token after the first removal that followed its making: refused. */
export const retiredClick = (
  link: { readonly kind: string; readonly createdAt: number },
  clickedAt: number,
  removals: readonly number[],
): boolean => {
  const retired = retiredAt(link.createdAt, removals);
  return link.kind === 'confirm' && retired !== null && clickedAt >= retired;
};
