import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const MONITOR_PATH = join(__dirname, '../../../../ops/datadog/aws-config-compliance-errors.monitor.json');

/** The fields of Datadog's monitor API (`POST /api/v1/monitor`) this definition relies on. */
const MonitorSchema = z.object({
  name: z.string().min(1),
  type: z.literal('log alert'),
  query: z.string(),
  message: z.string().min(1),
  tags: z.array(z.string().regex(/^[a-z0-9_.:/-]+$/)),
  priority: z.number().int().min(1).max(5),
  options: z.object({ thresholds: z.object({ critical: z.number() }) }).loose(),
});

describe('Datadog error monitor', () => {
  it('alerts on any error log of the service in 15 minutes', () => {
    // Act
    const monitor = MonitorSchema.parse(JSON.parse(readFileSync(MONITOR_PATH, 'utf8')));

    // Assert
    expect(monitor.query).toBe(
      'logs("service:aws-config-compliance status:error").index("*").rollup("count").last("15m") > 0',
    );
    expect(monitor.options.thresholds.critical).toBe(0);
    expect(monitor.tags).toContain('service:aws-config-compliance');
  });

  it('points the responder at the runbook and the execution', () => {
    // Act
    const monitor = MonitorSchema.parse(JSON.parse(readFileSync(MONITOR_PATH, 'utf8')));

    // Assert
    expect(monitor.message).toContain('Runbook');
    expect(monitor.message).toContain('Step Functions console');
    expect(monitor.message).toMatch(/@slack-/);
  });
});
