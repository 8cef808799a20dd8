import type { ChatMessage, ChatNotifier, PostedMessage } from '../../../../core/platform/chat/chat-notifier.port';

/** A ChatNotifier that keeps the messages; `failNext` makes the next post throw. */
export class RecordingChat implements ChatNotifier {
  readonly messages: ChatMessage[] = [];
  failNext = false;
  async post(message: ChatMessage): Promise<PostedMessage> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('slack is down');
    }
    this.messages.push(message);
    return {};
  }
}
