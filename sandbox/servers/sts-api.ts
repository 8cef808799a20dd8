import type { Scenario } from '../scenario.schema';
import { CredentialRegistry, type Principal } from './credentials';
import type { ScenarioIndex } from './scenario-index';
import { AwsFault, xml } from './wire';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

const requestId = (): string => crypto.randomUUID();

const envelope = (action: string, result: string): string =>
  `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result>` +
  `<ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></${action}Response>`;

const denied = (caller: Principal, roleArn: string): AwsFault =>
  new AwsFault(
    'AccessDenied',
    `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    403,
  );

const assumeRole = (
  params: URLSearchParams,
  caller: Principal,
  scenario: Scenario,
  index: ScenarioIndex,
  registry: CredentialRegistry,
): string => {
  const roleArn = params.get('RoleArn') ?? '';
  const sessionName = params.get('RoleSessionName') ?? '';
  if (roleArn.length < 20)
    throw new AwsFault(
      'ValidationError',
      `1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`,
    );
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw new AwsFault(
      'ValidationError',
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  const duration = Number(params.get('DurationSeconds') ?? 3600);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
    throw new AwsFault(
      'ValidationError',
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  }
  if (duration > 3600) {
    throw new AwsFault(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  const match = ROLE_ARN.exec(roleArn);
  const accountId = match?.[1] ?? '';
  const roleName = match?.[2] ?? '';
  const member = index.account(accountId);
  const allowed =
    match !== null &&
    roleName === scenario.memberRoleName &&
    index.organizationAccount(accountId) !== undefined &&
    member?.assumeRole === 'ok' &&
    params.get('ExternalId') === scenario.externalId;
  if (!allowed) throw denied(caller, roleArn);
  const credentials = registry.issue(accountId, roleName, sessionName, duration);
  const roleId = CredentialRegistry.roleId();
  return envelope(
    'AssumeRole',
    `<Credentials><AccessKeyId>${credentials.accessKeyId}</AccessKeyId><SecretAccessKey>${xml(credentials.secretAccessKey)}</SecretAccessKey>` +
      `<SessionToken>${xml(credentials.sessionToken)}</SessionToken><Expiration>${credentials.expiration.toISOString()}</Expiration></Credentials>` +
      `<AssumedRoleUser><AssumedRoleId>${roleId}:${xml(sessionName)}</AssumedRoleId>` +
      `<Arn>arn:aws:sts::${accountId}:assumed-role/${xml(roleName)}/${xml(sessionName)}</Arn></AssumedRoleUser>`,
  );
};

const getCallerIdentity = (caller: Principal): string =>
  envelope(
    'GetCallerIdentity',
    `<UserId>${CredentialRegistry.roleId()}:${caller.kind === 'member' ? xml(caller.sessionName) : 'sandbox'}</UserId>` +
      `<Account>${caller.accountId}</Account><Arn>${xml(caller.arn)}</Arn>`,
  );

/**
 * Answers one STS query-protocol action (`AssumeRole`, `GetCallerIdentity`) with its XML body.
 * AssumeRole succeeds only for `arn:aws:iam::<id>:role/<memberRoleName>` of an organization account whose scenario
 * says `"ok"`, with the scenario's ExternalId; anything else answers AccessDenied like IAM does.
 */
export const answerSts = (
  params: URLSearchParams,
  caller: Principal,
  scenario: Scenario,
  index: ScenarioIndex,
  registry: CredentialRegistry,
): string => {
  const action = params.get('Action') ?? '';
  if (action === 'AssumeRole') return assumeRole(params, caller, scenario, index, registry);
  if (action === 'GetCallerIdentity') return getCallerIdentity(caller);
  throw new AwsFault('InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
};
