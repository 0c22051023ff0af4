import { fakeClientFactory } from '../../support/fake-whatsapp-web';
import { startTestApp, type TestApp } from '../../support/app';

const fakes = fakeClientFactory();
let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ env: { WHATSAPP_WEB: '1', CHROMIUM_PATH: '/nonexistent/chromium' }, deps: { whatsappWebClientFactory: fakes.factory } });
  token = await t.login();
});
afterAll(() => t.close());

async function channels() {
  return (await t.request('GET', '/api/channels', { token })).body;
}

describe('channel status for the inbox', () => {
  it('when WhatsApp Web waits for a login, the inbox gets its QR code; once linked, it reports ready', async () => {
    const deadline = Date.now() + 5000;
    while (!(fakes.clients.length && fakes.last().initializeCalls > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    fakes.last().emitQr('2@qr-payload-for-the-phone');
    const waiting = await channels();
    expect(waiting.channels).toEqual(expect.arrayContaining([{ name: 'webchat', shared: true }, { name: 'whatsapp', shared: false }]));
    expect(waiting.whatsappWeb).toEqual({ state: 'qr', qr: '2@qr-payload-for-the-phone' });
    fakes.last().emitReady();
    expect((await channels()).whatsappWeb).toEqual({ state: 'ready' });
  });

  it('when an agent of another tenant asks, it sees no WhatsApp number of this tenant, and without a token it is 401', async () => {
    await t.request('POST', '/api/admin/tenants', { token, body: { slug: 'other-co', name: 'Other' } });
    await t.request('POST', '/api/admin/users', { token, body: { tenant: 'other-co', email: 'a@other-co.example', password: 'other-pass-1', role: 'agent' } });
    const other = await t.login('a@other-co.example', 'other-pass-1');
    const seen = (await t.request('GET', '/api/channels', { token: other })).body;
    expect(seen.whatsappWeb).toBeNull();
    expect(seen.channels).toEqual([{ name: 'webchat', shared: true }]);
    expect((await t.request('GET', '/api/channels')).status).toBe(401);
  });
});
