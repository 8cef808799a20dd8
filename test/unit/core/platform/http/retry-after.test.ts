import { retryAfterMs } from '../../../../../core/platform/http/retry-after';

describe('retryAfterMs', () => {
  it('reads delta-seconds and ignores anything else', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('1.5')).toBe(1500);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
