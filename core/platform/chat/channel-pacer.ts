import type { Sleep } from '../../shared/sleep';
import type { Clock } from '../clock.port';

/**
 * Paces posts to at most one per `intervalMs` per channel (Slack allows about one message per second per channel).
 * Each caller reserves the next free slot before sleeping, so concurrent posts queue instead of bunching up. Share one
 * pacer per process: a new pacer knows no earlier posts.
 */
export class ChannelPacer {
  private readonly nextFreeAt = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly sleep: Sleep,
    private readonly intervalMs = 1000,
  ) {}

  /** Waits until a message may be posted to `channel` and reserves that slot. */
  async wait(channel: string): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.max(now, this.nextFreeAt.get(channel) ?? now);
    this.nextFreeAt.set(channel, slot + this.intervalMs);
    if (slot > now) await this.sleep(slot - now);
  }
}
