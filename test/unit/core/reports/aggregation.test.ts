import { ReportAggregator } from '../../../../core/reports/aggregation';
import { aPartial, aRegion, aResource, aRule } from '../../../helpers/builders/partial.builder';
import { anAccount } from '../../../helpers/builders/run.builder';

describe('ReportAggregator', () => {
  describe('addScanned', () => {
    it('returns the account rows sorted by region, rule, resource type, resource id and the rest', () => {
      // Arrange
      const aggregator = new ReportAggregator();
      const partial = aPartial({
        regions: [
          aRegion({
            region: 'us-west-2',
            nonCompliant: [aResource({ resourceId: 'b' }), aResource({ resourceId: 'a' })],
          }),
          aRegion({
            region: 'eu-west-1',
            nonCompliant: [
              aResource({ ruleName: 'z-rule', resourceId: 'a' }),
              aResource({ ruleName: 'a-rule', resourceType: 'AWS::S3::Bucket', resourceId: 'z' }),
              aResource({ ruleName: 'a-rule', resourceType: 'AWS::EC2::Instance', resourceId: 'z' }),
            ],
          }),
        ],
      });

      // Act
      const rows = aggregator.addScanned(anAccount('111111111111', 'prod'), partial);

      // Assert
      expect(rows.map((r) => `${r.region}|${r.ruleName}|${r.resourceType}|${r.resourceId}`)).toEqual([
        'eu-west-1|a-rule|AWS::EC2::Instance|z',
        'eu-west-1|a-rule|AWS::S3::Bucket|z',
        'eu-west-1|z-rule|AWS::S3::Bucket|a',
        'us-west-2|required-tags|AWS::S3::Bucket|a',
        'us-west-2|required-tags|AWS::S3::Bucket|b',
      ]);
      expect(rows[0]).toMatchObject({ accountId: '111111111111', accountName: 'prod' });
    });

    it('fills missing annotation and recorded time with empty strings', () => {
      // Arrange
      const aggregator = new ReportAggregator();
      const resource = aResource();
      delete resource.annotation;
      delete resource.recordedTime;

      // Act
      const [row] = aggregator.addScanned(
        anAccount('111111111111'),
        aPartial({ regions: [aRegion({ nonCompliant: [resource] })] }),
      );

      // Assert
      expect(row).toMatchObject({ annotation: '', recordedTime: '' });
    });
  });

  describe('result', () => {
    it('totals accounts, resources, scores and Config-disabled regions', () => {
      // Arrange
      const aggregator = new ReportAggregator();
      aggregator.addScanned(
        anAccount('111111111111'),
        aPartial({
          regions: [
            aRegion({ rules: [aRule({ compliantCount: 9, nonCompliantCount: 1 })] }),
            aRegion({ region: 'eu-west-1', configStatus: 'recorder-stopped', rules: [], nonCompliant: [] }),
            aRegion({ region: 'ap-east-1', configStatus: 'error', rules: [], nonCompliant: [] }),
          ],
        }),
      );
      aggregator.addScanned(
        anAccount('222222222222'),
        aPartial({ accountId: '222222222222', regions: [aRegion({ rules: [], nonCompliant: [] })] }),
      );
      aggregator.addFailed({ accountId: '333333333333', accountName: 'x', phase: 'scan', error: 'no partial written' });

      // Act
      const result = aggregator.result();

      // Assert
      expect(result.totals).toEqual({
        accounts: 3,
        scanned: 2,
        failed: 1,
        compliant: 9,
        nonCompliant: 1,
        score: 0.9,
        configDisabledRegions: 1,
      });
      expect(result.accounts.map((a) => [a.accountId, a.regions, a.rules, a.score, a.configDisabledRegions])).toEqual([
        ['111111111111', 3, 1, 0.9, ['eu-west-1']],
        ['222222222222', 1, 0, null, []],
      ]);
      expect(result.failed).toHaveLength(1);
    });

    it('totals each normalized rule across accounts, keeping a few raw names', () => {
      // Arrange
      const aggregator = new ReportAggregator();
      const packRule = (suffix: string, nonCompliantCount: number) =>
        aRule({ ruleName: `s3-encrypted-pack-${suffix}`, normalizedName: 's3-encrypted', nonCompliantCount });
      ['a', 'b', 'c', 'd'].forEach((suffix, i) => {
        const accountId = `${i + 1}`.repeat(12);
        aggregator.addScanned(
          anAccount(accountId),
          aPartial({ accountId, regions: [aRegion({ rules: [packRule(suffix, i % 2)], nonCompliant: [] })] }),
        );
      });
      aggregator.addScanned(
        anAccount('555555555555'),
        aPartial({
          accountId: '555555555555',
          regions: [aRegion({ rules: [aRule({ ruleName: 'iam-mfa', compliantCount: 1, nonCompliantCount: 5 })] })],
        }),
      );

      // Act
      const { rules } = aggregator.result();

      // Assert
      expect(rules).toEqual([
        {
          rule: 'iam-mfa',
          rawNames: ['iam-mfa'],
          compliant: 1,
          nonCompliant: 5,
          accountsWithViolations: 1,
          accountsEvaluated: 1,
        },
        {
          rule: 's3-encrypted',
          rawNames: ['s3-encrypted-pack-a', 's3-encrypted-pack-b', 's3-encrypted-pack-c'],
          compliant: 12,
          nonCompliant: 2,
          accountsWithViolations: 2,
          accountsEvaluated: 4,
        },
      ]);
    });

    it('gives a null score when nothing was evaluated', () => {
      // Act
      const { totals } = new ReportAggregator().result();

      // Assert
      expect(totals.score).toBeNull();
    });
  });
});
