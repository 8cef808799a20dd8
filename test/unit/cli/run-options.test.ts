import {
  DEFAULT_SCENARIO,
  envOverridesFrom,
  executionInputFrom,
  parseRunOptions,
} from '../../../cli/options/run-options';

describe('parseRunOptions', () => {
  it('applies the defaults: demo scenario, output/, sandbox mode', () => {
    // Act
    const options = parseRunOptions([]);

    // Assert
    expect(options).toMatchObject({ scenario: DEFAULT_SCENARIO, output: 'output', live: false, account: [] });
  });

  it('reads repeatable accounts and dates into the execution input', () => {
    // Arrange
    const argv = ['--start-date', '2026-11-02', '--end-date', '2026-11-08', '--account', '111111111111'];
    argv.push('--account', '222222222222');

    // Act
    const input = executionInputFrom(parseRunOptions(argv));

    // Assert
    expect(input).toEqual({
      startDate: '2026-11-02',
      endDate: '2026-11-08',
      accounts: ['111111111111', '222222222222'],
    });
    expect(executionInputFrom(parseRunOptions(['--no-notify']))).toEqual({ notify: false });
  });

  it('throws exit code 2 for an unknown flag, with the usage', () => {
    expect(() => parseRunOptions(['--scenarios', 'x.json'])).toThrow(
      expect.objectContaining({ name: 'ExitError', code: 2, message: expect.stringContaining('usage: npm start') }),
    );
  });

  it('throws naming the field and value for a malformed date', () => {
    expect(() => parseRunOptions(['--start-date', '2026-13-01'])).toThrow(/startDate/);
  });

  it('throws when --live lacks the bucket and the external id', () => {
    expect(() => parseRunOptions(['--live'])).toThrow(/--live needs --bucket[\s\S]*--live needs --external-id/);
  });

  describe('the legacy Lacework options', () => {
    it('takes -k and -r like the legacy tools: the framework to report and the alerts filter', () => {
      // Act
      const options = parseRunOptions([
        '-k',
        'keys/lw.json',
        '-r',
        'AWS ISO 27001:2013',
        '--output-file',
        'alerts.csv',
      ]);

      // Assert
      expect(options).toMatchObject({
        apiKeyFile: 'keys/lw.json',
        reportName: 'AWS ISO 27001:2013',
        outputFile: 'alerts.csv',
      });
      expect(executionInputFrom(options).frameworks).toEqual(['AWS ISO 27001:2013']);
      expect(envOverridesFrom(options)).toEqual({ LACEWORK_ALERTS_FRAMEWORK: 'AWS ISO 27001:2013' });
    });

    it('turns --clear-cache into a zero policy cache lifetime', () => {
      expect(envOverridesFrom(parseRunOptions(['--clear-cache']))).toEqual({ LACEWORK_POLICY_CACHE_TTL_HOURS: '0' });
    });

    it('throws when --output-file is a path instead of a file name', () => {
      expect(() => parseRunOptions(['--output-file', '../x.csv'])).toThrow(/a file name, not a path/);
    });
  });
});
