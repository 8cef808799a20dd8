// What a newcomer reads after `npm install && npm start`: the lines `npm start` prints for the demo, read back.
// (The default week: the demo's traced changes lie in November 2026, so nothing is traced and no CloudTrail pacing.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/commands/run';

describe('npm start on the demo', () => {
  it('prints the week, one line per account in words, the failed account, readable totals and where to look', async () => {
    // Arrange
    const output = mkdtempSync(join(tmpdir(), 'npm-start-'));
    const printed: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });

    // Act
    try {
      await main(['--no-notify', '--log-level', 'SILENT', '--output', output]);
    } finally {
      spy.mockRestore();
    }
    const lines = printed.join('').split('\n');

    // Assert
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}report week \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(run local-\d{8}T\d{6}Z\), regions /),
    );
    expect(lines).toContain('  20 accounts to scan');
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}\[\s?\d+\/20\] \d{12} ok {6}\d+ rules; resources \d+ compliant, \d+ non-compliant/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/ ok {6}\d+ rules; .*; Config off in 1 region$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}\[\s?\d+\/20\] 493405773595 failed {2}MemberRoleNotAssumable: /),
    );
    expect(lines).toContain('  20 accounts: 19 scanned, 1 failed');
    expect(lines).toContain(
      'Failed accounts, from the Map Run as `npm run cli -- failed <execution>` lists them on AWS:',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {4}493405773595 {2}MemberRoleNotAssumable: member role not assumable/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Run local-\S+ succeeded: 20 accounts \(19 scanned, 1 failed\); resources \d+ compliant, \d+ non-compliant; score \d+\.\d %; Config off in 1 account-region$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/\(the sandbox's bucket, gone when this command ends\) copied to /),
    );
    expect(lines).toContain(
      `Start with ${join(output, 'summary.html')}: the overview in a browser; the workbook has every row.`,
    );
    expect(lines).toContain('Slack: skipped (notify is false)');
    expect(lines).toContain('Jira: skipped (notify is false)');
    expect(lines.some((line) => line.startsWith('{'))).toBe(false);
    rmSync(output, { recursive: true, force: true });
  });
});
