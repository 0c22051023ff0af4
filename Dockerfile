# Ombuds for production: Node 20 on Debian slim, with Debian's Chromium for the WhatsApp Web channel.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=1
COPY package.json package-lock.json .npmrc .puppeteerrc.cjs ./
COPY scripts ./scripts
COPY db ./db
COPY nlp ./nlp
COPY bots ./bots
COPY inbox-server ./inbox-server
COPY inbox-ui ./inbox-ui
COPY test/support ./test/support
COPY test/bench ./test/bench
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-core ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data CHROMIUM_PATH=/usr/bin/chromium PUPPETEER_SKIP_DOWNLOAD=1
COPY --from=build /app /app
RUN useradd --system --home /app ombuds && mkdir -p /data && chown ombuds /data
USER ombuds
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/inbox-server/main.js"]
