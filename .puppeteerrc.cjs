// whatsapp-web.js pins puppeteer, whose install script would download Chrome; Ombuds uses the
// system Chromium (CHROMIUM_PATH) instead. npm 10 ignores "allowScripts", so say it here too.
module.exports = { skipDownload: true };
