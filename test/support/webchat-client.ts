/** A web-chat visitor: socket.io-client against `/webchat`, collecting what the bot says. */
import { io, type Socket } from 'socket.io-client';

export interface ChatMessage { id: string; text: string; from: string; quickReplies?: string[]; at: string; lang?: string }

export class WebchatVisitor {
  readonly received: ChatMessage[] = [];
  sessionId = '';
  history: ChatMessage[] = [];
  private socket!: Socket;
  private counter = 0;

  constructor(private readonly url: string, private readonly auth: Record<string, unknown>) {}

  async connect(): Promise<this> {
    this.socket = io(`${this.url}/webchat`, { auth: this.auth, transports: ['websocket'], forceNew: true, reconnection: false });
    this.socket.on('message', (m: ChatMessage) => this.received.push(m));
    this.socket.on('history', (h: { messages: ChatMessage[] }) => { this.history = h.messages; });
    let timer: NodeJS.Timeout | undefined;
    this.sessionId = await new Promise<string>((resolve, reject) => {
      this.socket.once('session', (s: { sessionId: string }) => resolve(s.sessionId));
      this.socket.once('connect_error', reject);
      this.socket.once('disconnect', () => reject(new Error('disconnected before a session')));
      timer = setTimeout(() => reject(new Error('no session')), 5000);
    }).finally(() => clearTimeout(timer));
    return this;
  }

  /** Sends a message and waits for its acknowledgement. */
  async send(text: string, extra: Record<string, unknown> = {}): Promise<{ id?: string; error?: { code: string } }> {
    const clientMessageId = (extra.clientMessageId as string) ?? `m${++this.counter}-${Date.now()}`;
    return this.socket.timeout(10_000).emitWithAck('message', { text, clientMessageId, ...extra });
  }

  /** Sends and waits until the bot has answered (`settleMs` of quiet after the first reply). */
  async say(text: string, settleMs = 150): Promise<ChatMessage[]> {
    const before = this.received.length;
    const ack = await this.send(text);
    if (ack.error) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
    const start = Date.now();
    while (this.received.length === before && Date.now() - start < 10_000) await sleep(20);
    let count = -1;
    while (count !== this.received.length) { count = this.received.length; await sleep(settleMs); }
    return this.received.slice(before);
  }

  raw(): Socket { return this.socket; }

  close(): void { this.socket?.close(); }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
