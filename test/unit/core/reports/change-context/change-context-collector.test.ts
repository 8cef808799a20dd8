import { ChangeContextCollector } from '../../../../../core/reports/change-context/change-context-collector';
import { investigationSection } from '../../../../../core/reports/html/investigation-html';
import { aChangeContext, aTracedChange } from '../../../../helpers/builders/change-context.builder';

describe('ChangeContextCollector', () => {
  it('investigates up to its limit and counts the rest', () => {
    // Arrange
    const collector = new ChangeContextCollector(1);
    const traced = [aTracedChange(), aTracedChange({ resourceId: 'bucket-c' })];

    // Act
    collector.addAccount({ id: '111111111111', name: 'prod' }, { kind: 'ok', context: aChangeContext({ traced }) });
    const report = collector.finish();

    // Assert
    expect(report.investigations.map((i) => i.change.resourceId)).toEqual(['bucket-a']);
    expect(report.moreInvestigations).toBe(1);
    expect(report.rows.filter((r) => r.status === 'traced')).toHaveLength(2);
    expect(investigationSection(report)).toContain('1 more traced resources in the workbook');
  });

  it('returns empty columns for rows of another resource and of an untraced account', () => {
    // Arrange
    const collector = new ChangeContextCollector();
    const row = {
      region: 'us-east-1',
      ruleName: 'required-tags',
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'bucket-a',
    };

    // Act
    const traced = collector.addAccount({ id: '1', name: '' }, { kind: 'ok', context: aChangeContext() });
    const missing = collector.addAccount({ id: '2', name: '' }, { kind: 'missing' });

    // Assert
    expect(traced(row).via).toBe('OpsRole → AdminRole');
    expect(traced({ ...row, ruleName: 'other-rule' }).via).toBe('');
    expect(missing(row).via).toBe('');
    expect(collector.finish().totals.accounts).toBe(1);
  });

  it('lists the Trace changes step errors with the account and region', () => {
    // Arrange
    const collector = new ChangeContextCollector();
    const context = aChangeContext({ errors: [{ region: 'eu-west-1', code: 'Throttling', message: 'slow down' }] });

    // Act
    collector.addAccount({ id: '111111111111', name: 'prod' }, { kind: 'ok', context });

    // Assert
    expect(collector.finish().totals.errors).toEqual(['111111111111 eu-west-1: Throttling: slow down']);
  });
});
