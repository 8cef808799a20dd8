import { once, onceSucceeded } from '../../../../core/shared/once';

describe('once', () => {
  it('makes the value on the first call only', () => {
    // Arrange
    let made = 0;
    const get = once(() => ({ n: ++made }));

    // Act
    const first = get();
    const second = get();

    // Assert
    expect(second).toBe(first);
    expect(made).toBe(1);
  });
});

describe('onceSucceeded', () => {
  it('keeps a fulfilled promise', async () => {
    let made = 0;
    const get = onceSucceeded(async () => ++made);

    await expect(get()).resolves.toBe(1);
    await expect(get()).resolves.toBe(1);
    expect(made).toBe(1);
  });

  it('tries again after a rejection', async () => {
    let calls = 0;
    const get = onceSucceeded(async () => {
      calls += 1;
      if (calls === 1) throw new Error('secret not readable');
      return 'key';
    });

    await expect(get()).rejects.toThrow('secret not readable');
    await expect(get()).resolves.toBe('key');
    await expect(get()).resolves.toBe('key');
    expect(calls).toBe(2);
  });
});
