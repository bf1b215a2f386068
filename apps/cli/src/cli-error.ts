/** A usage error: wrong flags or unreadable input. `zz` exits 2 and prints the message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
