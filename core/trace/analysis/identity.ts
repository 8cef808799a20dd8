import type { Actor } from '../../domain/change-context.model';
import type { CloudTrailRecord, UserIdentity } from './cloudtrail-record.schema';

/** Prefix of the roles IAM Identity Center creates in member accounts: `AWSReservedSSO_<PermissionSet>_<hex>`. */
export const SSO_ROLE_PREFIX = 'AWSReservedSSO_';

/** The account of an ARN (`arn:aws:iam::111122223333:user/alice` → `111122223333`), if any. */
export const accountOfArn = (arn: string | undefined): string | undefined => {
  const account = arn?.split(':')[4];
  return account === undefined || account === '' ? undefined : account;
};

/** Role name and session name of a session identity, from `sessionIssuer`, `principalId` and `arn` (any may be absent). */
export const sessionOf = (identity: UserIdentity): { roleArn?: string; roleName?: string; sessionName?: string } => {
  const issuer = identity.sessionContext?.sessionIssuer;
  const arnParts = identity.arn?.split(':').slice(5).join(':').split('/');
  const fromArn = arnParts !== undefined && arnParts.length >= 3 ? arnParts : undefined;
  const roleName = issuer?.userName ?? fromArn?.[1];
  const sessionName = identity.principalId?.split(':').slice(1).join(':') || fromArn?.slice(2).join('/') || undefined;
  const account = identity.accountId ?? accountOfArn(identity.arn);
  const roleArn =
    issuer?.arn ??
    (roleName !== undefined && account !== undefined ? `arn:aws:iam::${account}:role/${roleName}` : undefined);
  return { ...(roleArn && { roleArn }), ...(roleName && { roleName }), ...(sessionName && { sessionName }) };
};

/** The permission set of an Identity Center role name, or `undefined` when the role is not an SSO role. */
export const permissionSetOf = (roleName: string | undefined): string | undefined => {
  if (roleName === undefined || !roleName.startsWith(SSO_ROLE_PREFIX)) return undefined;
  const rest = roleName.slice(SSO_ROLE_PREFIX.length);
  const cut = rest.lastIndexOf('_');
  return cut > 0 ? rest.slice(0, cut) : rest;
};

const stringField = (value: unknown, key: string): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
};

/** The person behind an Identity Center session or identity: session name, then `sourceIdentity`, then identity-store fields. */
const ssoActor = (identity: UserIdentity, record: CloudTrailRecord | undefined, sessionName?: string): Actor => {
  const roleName = identity.sessionContext?.sessionIssuer?.userName ?? sessionOf(identity).roleName;
  const permissionSet = permissionSetOf(roleName);
  const person =
    sessionName ??
    identity.sessionContext?.sourceIdentity ??
    stringField(record?.additionalEventData, 'UserName') ??
    identity.onBehalfOf?.userId ??
    identity.userName ??
    identity.principalId ??
    'unknown Identity Center user';
  const suffix = permissionSet === undefined ? 'Identity Center' : `Identity Center, ${permissionSet}`;
  return {
    kind: 'identity-center',
    display: `${person} (${suffix})`,
    key: `identity-center:${person}`,
    userName: person,
    ...(identity.arn && { arn: identity.arn }),
    ...((identity.accountId ?? accountOfArn(identity.arn)) && {
      accountId: identity.accountId ?? accountOfArn(identity.arn),
    }),
    ...(permissionSet && { permissionSet }),
    ...(sessionName && { sessionName }),
    ...(identity.sessionContext?.sourceIdentity && { sourceIdentity: identity.sessionContext.sourceIdentity }),
  };
};

/** True when the identity is a session of an `AWSReservedSSO_*` role. */
export const isSsoSession = (identity: UserIdentity): boolean => {
  return identity.type === 'AssumedRole' && permissionSetOf(sessionOf(identity).roleName) !== undefined;
};

/**
 * Normalises a `userIdentity` into an `Actor` (Panther's `get_actor_user`, extended): Identity Center sessions become
 * the person; AWSAccount becomes the external account; unknown types become `unresolved` with the reason. Never throws.
 */
export const actorFromIdentity = (identity: UserIdentity, record?: CloudTrailRecord): Actor => {
  const accountId = identity.accountId ?? accountOfArn(identity.arn);
  const common = {
    ...(identity.arn && { arn: identity.arn }),
    ...(accountId && { accountId }),
    ...(identity.principalId && { principalId: identity.principalId }),
    ...(identity.sessionContext?.sourceIdentity && { sourceIdentity: identity.sessionContext.sourceIdentity }),
  };
  switch (identity.type) {
    case 'IAMUser': {
      const name = identity.userName ?? identity.arn?.split('/').pop() ?? identity.principalId ?? 'unknown IAM user';
      const key = identity.arn ?? `${accountId ?? '?'}:${name}`;
      return { kind: 'iam-user', display: name, key: `iam-user:${key}`, userName: name, ...common };
    }
    case 'Root':
      return {
        kind: 'root',
        display: `root (${accountId ?? 'unknown account'})`,
        key: `root:${accountId ?? '?'}`,
        ...common,
      };
    case 'AssumedRole':
    case 'FederatedUser': {
      const session = sessionOf(identity);
      if (isSsoSession(identity)) return ssoActor(identity, record, session.sessionName);
      const label = `${session.roleName ?? 'unknown role'}/${session.sessionName ?? 'unknown session'}`;
      return {
        kind: 'assumed-role',
        display: identity.type === 'FederatedUser' ? `federated-user/${session.sessionName ?? '?'}` : label,
        key: `session:${identity.accessKeyId ?? identity.arn ?? label}`,
        ...(session.sessionName && { sessionName: session.sessionName }),
        ...common,
      };
    }
    case 'IdentityCenterUser':
      return ssoActor(identity, record);
    case 'SAMLUser':
    case 'WebIdentityUser': {
      const web = identity.type === 'WebIdentityUser';
      const idp = identity.identityProvider ?? identity.principalId?.split(':')[0] ?? 'unknown IdP';
      const subject = identity.userName ?? identity.principalId ?? 'unknown subject';
      return {
        kind: web ? 'web-identity' : 'saml',
        display: `${subject} (${web ? 'web identity' : 'SAML'}, ${idp})`,
        key: `${web ? 'web-identity' : 'saml'}:${idp}:${subject}`,
        userName: subject,
        identityProvider: idp,
        ...common,
      };
    }
    case 'AWSService': {
      const service = identity.invokedBy ?? 'unknown service';
      return { kind: 'aws-service', display: service, key: `aws-service:${service}`, invokedBy: service, ...common };
    }
    case 'AWSAccount': {
      const who = identity.principalId ?? 'unknown principal';
      return {
        kind: 'external-account',
        display: `account ${accountId ?? '?'} (${who})`,
        key: `external-account:${accountId ?? '?'}:${who}`,
        ...common,
      };
    }
    default: {
      const name = identity.userName ?? identity.principalId ?? identity.arn ?? 'unknown principal';
      return {
        kind: 'unresolved',
        display: `${name} (${identity.type})`,
        key: `unresolved:${identity.type}:${name}`,
        unresolvedReason: `identity type ${identity.type} has no known origin`,
        ...common,
      };
    }
  }
};
