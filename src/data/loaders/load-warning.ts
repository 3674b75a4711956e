/**
 * Where a loader says it read a file other than at face value (an encoding, a missing
 * header). A warning, not an error: the data loaded. It goes to stderr, which the kernel
 * shows in the cell that loaded the file and a script shows on the terminal.
 */
export function loadWarning(text: string): void {
  console.warn(`litml: ${text}`);
}
