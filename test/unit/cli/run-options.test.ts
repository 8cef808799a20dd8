import { DEFAULT_SCENARIO, executionInputFrom, parseRunOptions } from '../../../cli/options/run-options';

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
      notify: false,
    });
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
});
