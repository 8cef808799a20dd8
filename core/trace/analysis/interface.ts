import type { Interface } from '../../domain/change-context.model';
import type { CloudTrailRecord } from './cloudtrail-record.schema';

/** User-agent markers of tools, checked in order (the first match names the tool). `kind` is cli or sdk. */
const TOOLS: readonly { pattern: RegExp; kind: 'cli' | 'sdk' }[] = [
  { pattern: /\b(aws-cli\/[\w.]+)/i, kind: 'cli' },
  { pattern: /\b(AWSPowerShell[\w.]*\/[\w.]+)/i, kind: 'cli' },
  { pattern: /\b(Terraform\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(Pacu)\b/i, kind: 'sdk' },
  { pattern: /\b(trufflehog)\b/i, kind: 'sdk' },
  { pattern: /\b(stratus-red-team[\w./-]*)/i, kind: 'sdk' },
  { pattern: /\b(aws-cdk\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(Boto3\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(botocore\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(aws-sdk-js(?:-v3)?\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(aws-sdk-go(?:-v2)?\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(aws-sdk-java\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(aws-sdk-dotnet[\w-]*\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(aws-sdk-ruby\d?\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(aws-sdk-php\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(aws-sdk-rust\/[\w.]+)/i, kind: 'sdk' },
  { pattern: /\b(aws-sdk-cpp\/[\w.]+)/i, kind: 'sdk' },
];

const CONSOLE_HOSTS = /(^|\.)(console\.aws\.amazon\.com|signin\.aws\.amazon\.com|console\.amazonaws\.com)\b/i;
const CONSOLE_INVOKERS = new Set(['signin.amazonaws.com', 'AWS Internal', 'console.amazonaws.com']);

const isTrue = (value: unknown): boolean => {
  return value === true || value === 'true';
};

/**
 * Classifies how a call was made, in the order Expel's published AWS alert enrichment uses:
 * 1. SAML / web identity, from the event name or the identity type;
 * 2. console: `sessionCredentialFromConsole`, `invokedBy` signin / AWS Internal, a browser or `aws-internal/3` user
 *    agent, a console host, or a console sign-in event;
 * 3. AWS service: `userIdentity.type === 'AWSService'` or `invokedBy` `*.amazonaws.com`;
 * 4. CLI or SDK with the tool from the user agent (aws-cli, Boto3, aws-sdk-js, Terraform, …); otherwise `unknown`.
 * Never throws; an absent user agent yields `unknown`.
 */
export const classifyInterface = (record: CloudTrailRecord): Interface => {
  const identity = record.userIdentity;
  const userAgent = record.userAgent ?? '';
  const invokedBy = identity.invokedBy;
  if (record.eventName === 'AssumeRoleWithSAML' || identity.type === 'SAMLUser') {
    return { kind: 'saml', evidence: `eventName ${record.eventName}` };
  }
  if (record.eventName === 'AssumeRoleWithWebIdentity' || identity.type === 'WebIdentityUser') {
    return { kind: 'web-identity', evidence: `eventName ${record.eventName}` };
  }
  if (isTrue(record.sessionCredentialFromConsole)) {
    return { kind: 'console', evidence: 'sessionCredentialFromConsole' };
  }
  if (invokedBy !== undefined && CONSOLE_INVOKERS.has(invokedBy)) {
    return { kind: 'console', evidence: `invokedBy ${invokedBy}` };
  }
  if (record.eventType === 'AwsConsoleSignIn') return { kind: 'console', evidence: 'eventType AwsConsoleSignIn' };
  if (/^AWS Internal$|aws-internal\/\d|^Mozilla\//i.test(userAgent) || CONSOLE_HOSTS.test(userAgent)) {
    return { kind: 'console', evidence: `userAgent ${userAgent}` };
  }
  if (identity.type === 'AWSService' || invokedBy?.endsWith('.amazonaws.com')) {
    const service = invokedBy ?? (/\.amazonaws\.com$/.test(userAgent) ? userAgent : undefined);
    return {
      kind: 'aws-service',
      ...(service && { tool: service }),
      evidence: invokedBy ? `invokedBy ${invokedBy}` : 'userIdentity.type AWSService',
    };
  }
  if (/^[\w-]+\.amazonaws\.com$/.test(userAgent)) {
    return { kind: 'aws-service', tool: userAgent, evidence: `userAgent ${userAgent}` };
  }
  for (const { pattern, kind } of TOOLS) {
    const tool = pattern.exec(userAgent)?.[1];
    if (tool !== undefined) return { kind, tool, evidence: `userAgent ${userAgent}` };
  }
  return { kind: 'unknown', evidence: userAgent === '' ? 'no userAgent' : `unrecognised userAgent ${userAgent}` };
};
