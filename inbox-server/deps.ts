import type { DbHandle } from '../db/client';
import type { Triage } from '../nlp/triage';
import type { WhatsAppWebOptions } from '../bots/channels/whatsapp-web';
import type { Config } from './config';

/** What the app is built from; tests build it with their own database and clock. */
export interface AppDeps {
  db: DbHandle;
  config: Config;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** The triage model, loaded once at start. */
  triage: Triage;
  /**
   * Test seam for the one platform without a wire protocol to emulate: whatsapp-web.js drives a
   * browser, so tests hand in a fake client with the library's event and method shapes.
   */
  whatsappWebClientFactory?: WhatsAppWebOptions['clientFactory'];
}
