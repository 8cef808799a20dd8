import { toAppError } from '../../../../../core/platform/aws/aws-errors';
import { ExternalServiceError, NotFoundError, ThrottledError } from '../../../../../core/shared/errors';
import { awsError } from '../../../../helpers/fakes/aws-sdk-errors';

const ctx = { service: 'config', operation: 'DescribeConfigRules', target: '111111111111/us-east-1' };

describe('aws-errors', () => {
  describe('toAppError', () => {
    it.each(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown'])(
      'maps %s to ThrottledError with the cause',
      (name) => {
        // Arrange
        const err = awsError(name);

        // Act
        const mapped = toAppError(err, ctx);

        // Assert
        expect(mapped).toBeInstanceOf(ThrottledError);
        expect(mapped.name).toBe('ThrottledError');
        expect(mapped.cause).toBe(err);
        expect(mapped.message).toContain('config DescribeConfigRules (111111111111/us-east-1) throttled');
        expect((mapped as ThrottledError).retryable).toBe(true);
      },
    );

    it('maps HTTP 429 with an unknown name to ThrottledError', () => {
      expect(toAppError(awsError('Whatever', { status: 429 }), ctx)).toBeInstanceOf(ThrottledError);
    });

    it('maps $retryable.throttling to ThrottledError', () => {
      expect(toAppError(awsError('Custom', { throttling: true }), ctx)).toBeInstanceOf(ThrottledError);
    });

    it('maps HTTP 5xx to a retryable ExternalServiceError', () => {
      // Act
      const mapped = toAppError(awsError('InternalFailure', { status: 503, message: 'boom' }), ctx);

      // Assert
      expect(mapped).toBeInstanceOf(ExternalServiceError);
      expect(mapped).not.toBeInstanceOf(ThrottledError);
      expect(mapped).toMatchObject({ name: 'ExternalServiceError', service: 'config', retryable: true });
      expect(mapped.message).toBe(
        'config DescribeConfigRules (111111111111/us-east-1) failed: InternalFailure (HTTP 503): boom',
      );
    });

    it('maps a connection reset to a retryable ExternalServiceError', () => {
      const err = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      expect(toAppError(err, ctx)).toMatchObject({ retryable: true });
    });

    it('maps a client error to a non-retryable ExternalServiceError', () => {
      const mapped = toAppError(awsError('InvalidParameterValueException', { status: 400 }), ctx);
      expect(mapped).toMatchObject({ name: 'ExternalServiceError', retryable: false });
    });

    it('passes our own errors through unchanged', () => {
      const ours = new NotFoundError('gone');
      expect(toAppError(ours, ctx)).toBe(ours);
    });

    it('handles a thrown non-error value', () => {
      const mapped = toAppError('weird', { service: 's3', operation: 'PutObject' });
      expect(mapped.message).toBe('s3 PutObject failed: UnknownError: weird');
    });
  });
});
