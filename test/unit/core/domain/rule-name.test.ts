import { normalizeRuleName } from '../../../../core/domain/rule-name';

describe('rule-name', () => {
  describe('normalizeRuleName', () => {
    it.each([
      ['cloudwatch-log-group-encrypted-conformance-pack-6cruwvtg2', 'cloudwatch-log-group-encrypted'],
      ['s3-bucket-versioning-enabled-conformance-pack-abc123', 's3-bucket-versioning-enabled'],
      ['securityhub-iam-inline-policy-blocked-kms-actions-baa2cf8c', 'iam-inline-policy-blocked-kms-actions'],
      ['securityhub-s3-bucket-public-read-prohibited-1a2b3c4d', 's3-bucket-public-read-prohibited'],
      ['OrgConfigRule-s3-bucket-logging-enabled-ab12cd34', 's3-bucket-logging-enabled'],
      ['OrgConfigRule-required-tags', 'required-tags'],
      ['s3-bucket-logging-enabled', 's3-bucket-logging-enabled'],
      ['my-rule-deadbeef', 'my-rule-deadbeef'],
      ['securityhub-short', 'securityhub-short'],
    ])('normalizes %s to %s', (name, expected) => {
      expect(normalizeRuleName(name)).toBe(expected);
    });
  });
});
