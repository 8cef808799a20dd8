import { ChannelPacer } from '../../../../../core/platform/chat/channel-pacer';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';

describe('ChannelPacer', () => {
  it('spaces posts to one channel a second apart and leaves other channels alone', async () => {
    // Arrange
    const clock = new FixedClock();
    const waits: number[] = [];
    const pacer = new ChannelPacer(clock, async (ms) => {
      waits.push(ms);
    });

    // Act
    await pacer.wait('#a');
    await pacer.wait('#a');
    await pacer.wait('#b');
    clock.advance(400);
    await pacer.wait('#a');

    // Assert
    expect(waits).toEqual([1000, 1600]);
  });
});
