import { loadStageConfig } from '../../../infra/config/stages';

describe('loadStageConfig events settings', () => {
  it('applies the defaults: daily digest at 09:00 Hong Kong time, Critical and High alerted at once', () => {
    // Act
    const { events } = loadStageConfig('prod');

    // Assert
    expect(events).toEqual({
      enabled: false,
      digestSchedule: { hour: '9', minute: '0', timeZone: 'Asia/Hong_Kong' },
      reconcileSchedule: { hour: '2', minute: '0' },
      archiveRetentionDays: 30,
      historyTtlDays: 400,
      alertSeverities: ['Critical', 'High'],
      severityOverrides: {},
      apiThrottle: { rateLimit: 20, burstLimit: 40 },
    });
  });

  it('fails naming organizationId when an enabled stage has none', () => {
    expect(() => loadStageConfig('prod', { events: { enabled: true } })).toThrow(
      /events\.organizationId: got undefined; an enabled events config needs organizationid/,
    );
  });

  it('fails on an organization id of the wrong format', () => {
    expect(() => loadStageConfig('dev', { events: { enabled: true, organizationId: 'org-123' } })).toThrow(
      /events\.organizationId: got "org-123"; expected an organization id such as o-a1b2c3d4e5/,
    );
  });

  it('fails on a severity override that is not a tier', () => {
    expect(() =>
      loadStageConfig('dev', { events: { severityOverrides: { 'iam-root-access-key-check': 'URGENT' as never } } }),
    ).toThrow(/events\.severityOverrides\.iam-root-access-key-check/);
  });
});
