/** An agent's inbox: socket.io-client on `/inbox`, recording every event with its name and time. */
import { io, type Socket } from 'socket.io-client';

export interface InboxEvent { name: string; body: any; receivedAt: number }

export class AgentSocket {
  readonly events: InboxEvent[] = [];
  ready: any = null;
  private socket!: Socket;

  constructor(private readonly url: string, private readonly auth: { token: string; lastEventId?: number }) {}

  async connect(): Promise<this> {
    this.socket = io(`${this.url}/inbox`, { auth: this.auth, transports: ['websocket'], forceNew: true, reconnection: false });
    this.socket.onAny((name: string, body: unknown) => this.events.push({ name, body, receivedAt: performance.now() }));
    this.ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ready event')), 5_000);
      this.socket.once('ready', (r: unknown) => { clearTimeout(timer); resolve(r); });
      this.socket.once('connect_error', (e: Error) => { clearTimeout(timer); reject(e); });
    });
    return this;
  }

  /** The highest event id seen: what a reconnecting client passes as `lastEventId`. */
  lastEventId(): number {
    return Math.max(0, ...this.events.map((e) => Number(e.body?.eventId ?? 0)));
  }

  named(name: string): InboxEvent[] { return this.events.filter((e) => e.name === name); }

  async waitFor(name: string, match: (body: any) => boolean = () => true, timeoutMs = 5_000): Promise<InboxEvent> {
    const start = Date.now();
    for (;;) {
      const found = this.events.find((e) => e.name === name && match(e.body));
      if (found) return found;
      if (Date.now() - start > timeoutMs) throw new Error(`no ${name} event within ${timeoutMs} ms; got ${this.events.map((e) => e.name).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  emit(event: string, payload: unknown): Promise<any> {
    return this.socket.timeout(5_000).emitWithAck(event, payload);
  }

  raw(): Socket { return this.socket; }

  close(): void { this.socket?.close(); }
}
