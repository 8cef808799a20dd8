import { AccountPartialSchema } from '../../../../../core/domain/partial.schema';
import { createAwsClientFactory } from '../../../../../core/platform/aws/aws-clients';
import { StsMemberAccess } from '../../../../../core/platform/aws/sts-member-access';
import { S3ObjectStore } from '../../../../../core/platform/storage/s3-object-store';
import { createAwsConfigComplianceSourceFactory } from '../../../../../core/scan/adapters/aws-config-compliance-source';
import { OrganizationsAccountDirectory } from '../../../../../core/scan/adapters/organizations-account-directory';
import { scanAccount } from '../../../../../core/scan/scan-account.service';
import { MemberRoleNotAssumableError, NotFoundError } from '../../../../../core/shared/errors';
import { silentLog } from '../../../../../core/shared/log.port';
import { parseScenario, type Sandbox, type ScenarioInput, startSandbox } from '../../../../../sandbox';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';

const HUB = '111111111111';
const MEMBER = '222222222222';
const DENIED = '333333333333';
const SUSPENDED = '444444444444';

const orgAccount = (id: string, name: string, state: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') => ({
  Id: id,
  Arn: `arn:aws:organizations::${HUB}:account/o-abc1234567/${id}`,
  Email: `aws+${name}@example.com`,
  Name: name,
  State: state,
  JoinedMethod: 'CREATED' as const,
  JoinedTimestamp: '2024-03-01T10:00:00Z',
});

const rule = (name: string, id: string) => ({
  ConfigRuleName: name,
  ConfigRuleId: id,
  ConfigRuleArn: `arn:aws:config:us-east-1:${MEMBER}:config-rule/${id}`,
  Source: { Owner: 'AWS' as const, SourceIdentifier: name.toUpperCase().replaceAll('-', '_') },
  ConfigRuleState: 'ACTIVE' as const,
});

const evaluation = (ruleName: string, resourceId: string, type: 'COMPLIANT' | 'NON_COMPLIANT') => ({
  EvaluationResultIdentifier: {
    EvaluationResultQualifier: { ConfigRuleName: ruleName, ResourceType: 'AWS::S3::Bucket', ResourceId: resourceId },
  },
  ComplianceType: type,
  ResultRecordedTime: '2026-11-05T10:00:05Z',
  ConfigRuleInvokedTime: '2026-11-05T10:00:01Z',
  ...(type === 'NON_COMPLIANT' ? { Annotation: 'Versioning is not enabled.' } : {}),
});

/** 150 non-compliant and 30 compliant buckets: two pages of `Limit: 100` for the non-compliant rule. */
const scenario: ScenarioInput = {
  name: 'adapters-over-sandbox',
  organization: {
    accounts: [
      orgAccount(HUB, 'management'),
      orgAccount(MEMBER, 'prod'),
      orgAccount(DENIED, 'not-onboarded'),
      orgAccount(SUSPENDED, 'old', 'SUSPENDED'),
    ],
  },
  accounts: {
    [MEMBER]: {
      assumeRole: 'ok',
      regions: {
        'us-east-1': {
          recorder: true,
          configRules: [
            rule('s3-bucket-versioning-enabled', 'config-rule-a1'),
            rule('s3-bucket-ssl-only', 'config-rule-b2'),
          ],
          evaluations: [
            ...Array.from({ length: 150 }, (_, i) =>
              evaluation('s3-bucket-versioning-enabled', `bucket-${String(i).padStart(3, '0')}`, 'NON_COMPLIANT'),
            ),
            ...Array.from({ length: 30 }, (_, i) => evaluation('s3-bucket-versioning-enabled', `ok-${i}`, 'COMPLIANT')),
            evaluation('s3-bucket-ssl-only', 'bucket-000', 'COMPLIANT'),
          ],
        },
        'eu-west-1': { recorder: false },
      },
    },
    [DENIED]: { assumeRole: 'AccessDenied', regions: {} },
  },
  faults: { emptyFirstPage: true },
};

describe('adapters over the sandbox', () => {
  let sandbox: Sandbox;
  let clients: ReturnType<typeof createAwsClientFactory>;

  beforeAll(async () => {
    sandbox = await startSandbox(parseScenario(scenario, 'adapters-over-sandbox.test.ts'));
    clients = createAwsClientFactory({
      region: sandbox.region,
      maxAttempts: 3,
      endpoints: sandbox.endpoints,
      hubCredentials: sandbox.hubCredentials,
    });
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  const access = () =>
    new StsMemberAccess(clients.sts(), { roleName: sandbox.memberRoleName, externalId: sandbox.externalId });

  describe('OrganizationsAccountDirectory', () => {
    it('lists every account through the empty first page', async () => {
      // Act
      const accounts = [];
      for await (const a of new OrganizationsAccountDirectory(clients.organizations()).listAccounts()) accounts.push(a);

      // Assert
      expect(accounts.map((a) => [a.id, a.state])).toEqual([
        [HUB, 'ACTIVE'],
        [MEMBER, 'ACTIVE'],
        [DENIED, 'ACTIVE'],
        [SUSPENDED, 'SUSPENDED'],
      ]);
    });
  });

  describe('StsMemberAccess', () => {
    it('assumes the member role', async () => {
      const credentials = await access().assume(MEMBER, 'compliance-report-test');
      expect(credentials.sessionToken).toEqual(expect.any(String));
    });

    it('throws MemberRoleNotAssumableError for a role that denies access', async () => {
      await expect(access().assume(DENIED, 'compliance-report-test')).rejects.toBeInstanceOf(
        MemberRoleNotAssumableError,
      );
    });

    it('throws MemberRoleNotAssumableError for a wrong ExternalId', async () => {
      const wrong = new StsMemberAccess(clients.sts(), { roleName: sandbox.memberRoleName, externalId: 'wrong-id' });
      await expect(wrong.assume(MEMBER, 'compliance-report-test')).rejects.toMatchObject({
        name: 'MemberRoleNotAssumable',
        message: expect.not.stringContaining('wrong-id'),
      });
    });
  });

  describe('AwsConfigComplianceSource', () => {
    it('reads recorder state, rules, rollups and every page of evaluations', async () => {
      // Arrange
      const credentials = await access().assume(MEMBER, 'compliance-report-test');
      const factory = createAwsConfigComplianceSourceFactory(clients);
      const source = factory({ accountId: MEMBER, region: 'us-east-1', credentials });
      const disabled = factory({ accountId: MEMBER, region: 'eu-west-1', credentials });

      // Act
      const rules = [];
      for await (const r of source.listConfigRules()) rules.push(r.ruleName);
      const rollups = [];
      for await (const r of source.listRuleCompliance()) rollups.push([r.ruleName, r.complianceType]);
      let nonCompliant = 0;
      for await (const e of source.listEvaluations('s3-bucket-versioning-enabled', ['NON_COMPLIANT'])) {
        if (e.complianceType === 'NON_COMPLIANT') nonCompliant++;
      }

      // Assert
      expect(await source.recorderState()).toBe('recording');
      expect(await disabled.recorderState()).toBe('none');
      expect(rules.sort()).toEqual(['s3-bucket-ssl-only', 's3-bucket-versioning-enabled']);
      expect(rollups).toEqual(
        expect.arrayContaining([
          ['s3-bucket-versioning-enabled', 'NON_COMPLIANT'],
          ['s3-bucket-ssl-only', 'COMPLIANT'],
        ]),
      );
      expect(nonCompliant).toBe(150);
    });

    it('throws NotFoundError for a rule that does not exist', async () => {
      // Arrange
      const credentials = await access().assume(MEMBER, 'compliance-report-test');
      const source = createAwsConfigComplianceSourceFactory(clients)({
        accountId: MEMBER,
        region: 'us-east-1',
        credentials,
      });

      // Act
      const run = async () => {
        for await (const _ of source.listEvaluations('deleted-rule', ['COMPLIANT'])) {
          // drain
        }
      };

      // Assert
      await expect(run()).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('S3ObjectStore', () => {
    it('puts, reads, streams and lists objects, and reports a missing key', async () => {
      // Arrange
      const store = new S3ObjectStore(clients.s3(), sandbox.bucket);

      // Act
      await store.put('tests/a.json', '{"a":1}', 'application/json');
      await store.put('tests/b.txt', new TextEncoder().encode('bee'), 'text/plain');
      const keys = [];
      for await (const k of store.list('tests/')) keys.push(k);
      const chunks: Buffer[] = [];
      for await (const c of await store.getStream('tests/b.txt')) chunks.push(Buffer.from(c));

      // Assert
      expect(await store.getText('tests/a.json')).toBe('{"a":1}');
      expect(Buffer.concat(chunks).toString()).toBe('bee');
      expect(keys).toEqual(['tests/a.json', 'tests/b.txt']);
      expect(await store.getText('tests/missing.json')).toBeUndefined();
      await expect(store.getStream('tests/missing.json')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('scanAccount', () => {
    it('scans a member account over real HTTP and writes its partial', async () => {
      // Arrange
      const store = new S3ObjectStore(clients.s3(), sandbox.bucket);
      const deps = {
        access: access(),
        complianceSourceFor: createAwsConfigComplianceSourceFactory(clients),
        store,
        clock: new FixedClock(),
        log: silentLog,
        regionConcurrency: 2,
        ruleConcurrency: 2,
      };

      // Act
      const summary = await scanAccount(
        { accountId: MEMBER, runId: 'sandbox-1', regions: ['us-east-1', 'eu-west-1'] },
        deps,
      );
      const denied = await scanAccount({ accountId: DENIED, runId: 'sandbox-1', regions: ['us-east-1'] }, deps).then(
        () => undefined,
        (error: unknown) => error,
      );

      // Assert
      expect(summary).toMatchObject({
        status: 'ok',
        counts: { regions: 2, configDisabledRegions: 1, rules: 2, compliant: 31, nonCompliant: 150 },
      });
      const partial = AccountPartialSchema.parse(JSON.parse((await store.getText(summary.partialKey ?? '')) ?? '{}'));
      expect(partial.regions[0]?.nonCompliant).toHaveLength(150);
      expect(partial.regions[0]?.nonCompliant[0]?.resourceId).toBe('bucket-000');
      expect(partial.regions[1]?.configStatus).toBe('not-enabled');
      // A refused role fails the account's child execution (the error is thrown) once its failed partial is written.
      expect(denied).toMatchObject({ name: 'MemberRoleNotAssumable', message: expect.stringContaining(DENIED) });
      const deniedPartial = JSON.parse((await store.getText(`runs/sandbox-1/partials/${DENIED}.json`)) ?? '{}');
      expect(deniedPartial.status).toBe('failed');
      expect(JSON.stringify(deniedPartial)).toContain('AccessDenied');
    });
  });
});

describe('adapters over a throttling sandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    const throttling = { ...scenario, faults: { configThrottling: { accounts: [MEMBER], firstCallsPerRegion: 2 } } };
    sandbox = await startSandbox(parseScenario(throttling, 'adapters-over-sandbox.test.ts (throttling)'));
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  const recorderState = async (maxAttempts: number) => {
    const clients = createAwsClientFactory({
      region: sandbox.region,
      maxAttempts,
      endpoints: sandbox.endpoints,
      hubCredentials: sandbox.hubCredentials,
    });
    const access = new StsMemberAccess(clients.sts(), {
      roleName: sandbox.memberRoleName,
      externalId: sandbox.externalId,
    });
    const credentials = await access.assume(MEMBER, 'compliance-report-test');
    return createAwsConfigComplianceSourceFactory(clients)({
      accountId: MEMBER,
      region: 'us-east-1',
      credentials,
    }).recorderState();
  };

  describe('AwsConfigComplianceSource', () => {
    it('throws ThrottledError when throttling outlives the attempts', async () => {
      await expect(recorderState(1)).rejects.toMatchObject({ name: 'ThrottledError', retryable: true });
    });

    it('succeeds once the SDK retries absorb the throttling', async () => {
      await expect(recorderState(3)).resolves.toBe('recording');
    });
  });
});
