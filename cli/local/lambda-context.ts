import type { Context } from 'aws-lambda';

/** A fake Lambda context for local invocations (no early-timeout abort). */
export const localContext = (functionName: string): Context =>
  ({ functionName, awsRequestId: `local-${Date.now()}`, getRemainingTimeInMillis: () => 60_000 }) as unknown as Context;
