import { Redactor, redact, safeExcerpt } from '../../../../../core/platform/http/redact';

describe('redact', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redact('a TOKEN b TOKEN c URL', ['TOKEN', 'URL', ''])).toBe('a [redacted] b [redacted] c [redacted]');
  });

  it('replaces a secret that contains another one whole', () => {
    expect(redact('url https://h/T0K/x', ['T0K', 'https://h/T0K/x'])).toBe('url [redacted]');
  });
});

describe('Redactor', () => {
  it('redacts the secrets registered after it was built', () => {
    // Arrange
    const redactor = new Redactor(['key-secret']);

    // Act
    redactor.add('token-1').add('');

    // Assert
    expect(redactor.apply('key-secret token-1 token-2')).toBe('[redacted] [redacted] token-2');
  });
});

describe('safeExcerpt', () => {
  it('redacts before it cuts, so a secret across the cut leaves no part of itself', () => {
    // Arrange
    const secret = 'S3CRET-0123456789-abcdef';
    const text = `${'x'.repeat(190)}${secret} and more`;

    // Act
    const excerpt = safeExcerpt(text, new Redactor([secret]), 200);

    // Assert
    expect(excerpt).toBe(`${'x'.repeat(190)}[redacted]`);
    expect(excerpt).not.toContain(secret.slice(0, 6));
  });
});
