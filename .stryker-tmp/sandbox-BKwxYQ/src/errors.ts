/**
 * The one error family of litml. Every message is built by a named function in
 * `messages.ts`, so wording stays consistent and tests can assert on codes.
 */
// @ts-nocheck

export class LitmlError extends Error {
  override readonly name = "LitmlError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
