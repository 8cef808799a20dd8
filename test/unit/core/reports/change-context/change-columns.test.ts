import {
  chainText,
  changeColumnsOf,
  findingsOf,
  findingsText,
  viaOf,
} from '../../../../../core/reports/change-context/change-columns';
import { anActivity, aTracedChange } from '../../../../helpers/builders/change-context.builder';

describe('change columns', () => {
  it('shows the origin, its ARN when known, the role names and the event time', () => {
    // Arrange
    const base = aTracedChange();
    const change = aTracedChange({
      chain: {
        ...(base.chain as NonNullable<typeof base.chain>),
        origin: { kind: 'iam-user', display: 'bob', key: 'iam-user:x', arn: 'arn:aws:iam::1:user/bob' },
      },
    });

    // Act
    const columns = changeColumnsOf(change);

    // Assert
    expect(columns).toEqual({
      changedBy: 'bob',
      origin: 'iam-user: arn:aws:iam::1:user/bob',
      via: 'OpsRole → AdminRole',
      changedAt: '2026-11-05T10:00:00Z',
    });
  });

  it('shows the interface as Via when the change was direct', () => {
    // Arrange
    const base = aTracedChange();
    const change = aTracedChange({ chain: { ...(base.chain as NonNullable<typeof base.chain>), hops: [] } });

    // Act
    const via = viaOf(change);

    // Assert
    expect(via).toBe('cli (aws-cli/2.15.0)');
  });

  it('falls back to the raw identity ARN when the analysis did not run', () => {
    // Arrange
    const change = aTracedChange({ actor: undefined, chain: undefined, interface: undefined, analysisError: 'boom' });

    // Act
    const columns = changeColumnsOf(change);

    // Assert
    expect(columns).toEqual({
      changedBy: 'arn:aws:sts::111111111111:assumed-role/AdminRole/alice',
      origin: '',
      via: '',
      changedAt: '2026-11-05T10:00:00Z',
    });
    expect(chainText(change)).toBe('not analysed: boom');
  });

  it('marks an incomplete chain with its reason', () => {
    // Arrange
    const base = aTracedChange();
    const chain = {
      ...(base.chain as NonNullable<typeof base.chain>),
      complete: false,
      unresolvedReason: 'issuing event not found',
    };

    // Act
    const text = chainText(aTracedChange({ chain }));

    // Assert
    expect(text).toBe(
      'alice@example.com (Identity Center, AdminAccess) → OpsRole → AdminRole (incomplete: issuing event not found)',
    );
  });

  it('counts findings by severity, worst first', () => {
    // Arrange
    const [denied] = anActivity().findings;
    const critical = {
      ...(denied as NonNullable<typeof denied>),
      severity: 'Critical' as const,
      title: 'Create admin',
      outcome: 'succeeded' as const,
    };
    const change = aTracedChange({
      activity: anActivity({ findings: [denied as NonNullable<typeof denied>, critical] }),
    });

    // Act
    const text = findingsText(findingsOf(change));

    // Assert
    expect(text).toBe('1 Critical, 1 High: Create admin; Attach a managed policy to a user (denied)');
  });
});
