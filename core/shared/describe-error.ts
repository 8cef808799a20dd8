/** A one-line reason for a failed call, without the stack (adapters never put a secret in a message). */
export const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : `unexpected error: ${String(error)}`;
