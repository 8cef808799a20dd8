import { redact } from '../../../../../core/platform/http/redact';

describe('redact', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redact('a TOKEN b TOKEN c URL', ['TOKEN', 'URL', ''])).toBe('a [redacted] b [redacted] c [redacted]');
  });
});
