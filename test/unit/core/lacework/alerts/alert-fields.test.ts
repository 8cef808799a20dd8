import type { LaceworkAlert, LaceworkAlertDetails } from '../../../../../core/domain/lacework.schema';
import { mapAlertFields } from '../../../../../core/lacework/alerts/alert-fields';
import fixture from '../../../../fixtures/lacework/domain/alert.compliance-details.json';

const details = fixture as LaceworkAlertDetails;
const { entityMap: _none, ...listed } = details;
const alert = (over: Record<string, unknown> = {}): LaceworkAlert => ({ ...listed, ...over }) as LaceworkAlert;
const withKeys = (...keys: Record<string, unknown>[]): LaceworkAlertDetails => ({
  ...details,
  entityMap: { Resource: keys.map((KEY) => ({ KEY })) },
});

describe('mapAlertFields', () => {
  it('maps several resources with and without an alias, joined by line breaks', () => {
    // Act
    const fields = mapAlertFields(alert(), details);

    // Assert
    expect(fields).toEqual({
      policyId: 'lacework-global-45',
      resource:
        'arn:aws:s3:::prod-logs (Account: 111111111111, Alias: prod)\narn:aws:s3:::shared-assets (Account: 222222222222)',
      region: 'us-east-1\neu-west-1',
      account: '111111111111 (prod)\n222222222222',
      severity: 'High',
      dateTime: '2026-11-03T08:00:00.000Z',
      alertId: 871234,
    });
  });

  it('keeps a non-AWS resource bare and leaves it out of Account', () => {
    // Arrange
    const full = withKeys(
      { resource: 'projects/p/buckets/b', account_id: '111111111111', resource_region: 'europe-west1' },
      {
        resource: 'arn:aws:iam::333333333333:role/x',
        account_id: '333333333333',
        account_alias: 'sec',
        resource_region: '',
      },
    );

    // Act
    const fields = mapAlertFields(alert(), full);

    // Assert
    expect(fields.resource).toBe(
      'projects/p/buckets/b\narn:aws:iam::333333333333:role/x (Account: 333333333333, Alias: sec)',
    );
    expect(fields.region).toBe('europe-west1');
    expect(fields.account).toBe('333333333333 (sec)');
  });

  it('falls back to top-level resource, region and account, then Unknown', () => {
    // Arrange
    const top = alert({ resource: 'sg-0abc', region: 'ap-southeast-2', account: '444444444444' });

    // Act
    const withTop = mapAlertFields(top, undefined);
    const bare = mapAlertFields(alert(), withKeys());

    // Assert
    expect([withTop.resource, withTop.region, withTop.account]).toEqual(['sg-0abc', 'ap-southeast-2', '444444444444']);
    expect([bare.resource, bare.region, bare.account]).toEqual(['Unknown', 'Unknown', 'Unknown']);
  });

  it("falls back to the details' data[] resources before the top-level resource", () => {
    // Arrange
    const full = { ...withKeys(), data: [{ resource: 'r-1' }, { other: 1 }, { resource: 'r-2' }], resource: 'top' };

    // Act
    const fields = mapAlertFields(alert(), full as LaceworkAlertDetails);

    // Assert
    expect(fields.resource).toBe('r-1\nr-2');
  });

  it('takes the policy id from policyId, then data.policyId, then data.REC_ID, else Unknown', () => {
    expect(mapAlertFields(alert({ policyId: undefined, data: { policyId: 'p-data' } }), undefined).policyId).toBe(
      'p-data',
    );
    expect(mapAlertFields(alert({ policyId: undefined, data: { REC_ID: 'p-rec' } }), undefined).policyId).toBe('p-rec');
    expect(mapAlertFields(alert({ policyId: undefined }), undefined).policyId).toBe('Unknown');
  });

  it('title-cases the severity and reads Unknown without one', () => {
    expect(mapAlertFields(alert({ severity: 'CRITICAL' }), undefined).severity).toBe('Critical');
    expect(mapAlertFields(alert({ severity: undefined }), undefined).severity).toBe('Unknown');
  });

  it('uses the list fields when the details are missing', () => {
    // Act
    const fields = mapAlertFields(alert(), undefined);

    // Assert
    expect(fields).toMatchObject({
      resource: 'Unknown',
      region: 'Unknown',
      account: 'Unknown',
      policyId: 'lacework-global-45',
    });
  });
});
