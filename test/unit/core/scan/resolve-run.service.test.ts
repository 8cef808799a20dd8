import { type RunDefaults, resolveRun } from '../../../../core/scan/resolve-run.service';
import { ConfigError, InvalidInputError } from '../../../../core/shared/errors';
import { FixedClock } from '../../../helpers/fakes/fixed-clock';

const defaults: RunDefaults = {
  regions: ['us-east-1', 'ap-east-1'],
  frameworks: ['AWS ISO 27001:2013'],
  timeZone: 'Asia/Hong_Kong',
  includeAccounts: [],
  excludeAccounts: ['999999999999'],
};
// Wednesday 2026-11-11 10:00 in Hong Kong
const deps = () => ({ defaults, clock: new FixedClock('2026-11-11T02:00:00Z') });

describe('resolveRun', () => {
  describe('resolveRun', () => {
    it('resolves the previous Monday–Sunday and the stage defaults for an empty input', async () => {
      // Act
      const run = await resolveRun({ input: {}, executionName: 'weekly-2026-11-11' }, deps());

      // Assert
      expect(run).toEqual({
        runId: 'weekly-2026-11-11',
        startDate: '2026-11-02',
        endDate: '2026-11-08',
        timeZone: 'Asia/Hong_Kong',
        regions: ['us-east-1', 'ap-east-1'],
        frameworks: ['AWS ISO 27001:2013'],
        includeAccounts: [],
        excludeAccounts: ['999999999999'],
        notify: true,
      });
    });

    it('treats a null input as empty', async () => {
      const run = await resolveRun({ input: null, executionName: 'r1' }, deps());
      expect(run.startDate).toBe('2026-11-02');
    });

    it('resolves the week relative to scheduledTime in the report time zone', async () => {
      // Arrange: Sunday 2026-11-15 20:00 UTC is Monday 2026-11-16 04:00 in Hong Kong
      const input = { scheduledTime: '2026-11-15T20:00:00Z' };

      // Act
      const run = await resolveRun({ input, executionName: 'r1' }, deps());

      // Assert
      expect(run).toMatchObject({ startDate: '2026-11-09', endDate: '2026-11-15' });
    });

    it('falls back to the execution start time before the clock', async () => {
      const run = await resolveRun(
        { input: {}, executionName: 'r1', executionStartTime: '2026-11-23T01:00:00.000Z' },
        deps(),
      );
      expect(run).toMatchObject({ startDate: '2026-11-16', endDate: '2026-11-22' });
    });

    it('resolves currentWeek to this Monday–Sunday', async () => {
      const run = await resolveRun({ input: { currentWeek: true }, executionName: 'r1' }, deps());
      expect(run).toMatchObject({ startDate: '2026-11-09', endDate: '2026-11-15' });
    });

    it.each([
      [{ startDate: '2026-11-02' }, '2026-11-02', '2026-11-08'],
      [{ endDate: '2026-11-08' }, '2026-11-02', '2026-11-08'],
      [{ startDate: '2026-10-01', endDate: '2026-10-31' }, '2026-10-01', '2026-10-31'],
    ])('resolves the dates of %j', async (input, startDate, endDate) => {
      const run = await resolveRun({ input, executionName: 'r1' }, deps());
      expect(run).toMatchObject({ startDate, endDate });
    });

    it('applies the overrides from the input', async () => {
      // Arrange
      const input = {
        accounts: ['111111111111'],
        regions: ['eu-west-1'],
        frameworks: ['CIS AWS 1.4'],
        notify: false,
      };

      // Act
      const run = await resolveRun({ input, executionName: 'dry-run' }, deps());

      // Assert
      expect(run).toMatchObject({
        includeAccounts: ['111111111111'],
        regions: ['eu-west-1'],
        frameworks: ['CIS AWS 1.4'],
        notify: false,
        excludeAccounts: ['999999999999'],
      });
    });

    it('throws InvalidInputError when endDate is before startDate', async () => {
      const result = resolveRun(
        { input: { startDate: '2026-11-08', endDate: '2026-11-01' }, executionName: 'r1' },
        deps(),
      );
      await expect(result).rejects.toBeInstanceOf(InvalidInputError);
      await expect(result).rejects.toThrow('endDate 2026-11-01 is before startDate 2026-11-08; swap them');
    });

    it('throws InvalidInputError for a range over 92 days', async () => {
      const result = resolveRun(
        { input: { startDate: '2026-01-01', endDate: '2026-06-30' }, executionName: 'r1' },
        deps(),
      );
      await expect(result).rejects.toThrow('spans 181 days; the maximum is 92');
    });

    it('throws InvalidInputError naming an unknown field', async () => {
      // Act
      const error = await resolveRun({ input: { enddate: '2026-11-08' }, executionName: 'r1' }, deps()).catch(
        (e: unknown) => e,
      );

      // Assert
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).name).toBe('InvalidInput');
      expect((error as Error).message).toContain('invalid execution input');
      expect((error as Error).message).toContain('enddate');
    });

    it('throws InvalidInputError for currentWeek with dates', async () => {
      const result = resolveRun({ input: { currentWeek: true, startDate: '2026-11-02' }, executionName: 'r1' }, deps());
      await expect(result).rejects.toThrow('currentWeek cannot be combined with startDate/endDate');
    });

    it('throws InvalidInputError for an execution name that cannot be a run id', async () => {
      const result = resolveRun({ input: {}, executionName: 'weekly run/1' }, deps());
      await expect(result).rejects.toBeInstanceOf(InvalidInputError);
      await expect(result).rejects.toThrow('invalid run id "weekly run/1"');
    });

    it('throws ConfigError when the stage defaults are malformed', async () => {
      const bad = { defaults: { ...defaults, regions: ['Mars'] }, clock: new FixedClock() };
      await expect(resolveRun({ input: {}, executionName: 'r1' }, bad)).rejects.toBeInstanceOf(ConfigError);
    });
  });
});
