# SiteGroup application image: `docker compose build` (see docker-compose.yml and README "Production").
# Stage 1 installs exactly the lock file, stage 2 builds the admin, stage 3 is what runs.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Build tools only for native modules without a prebuilt binary for this platform (better-sqlite3, sharp).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
# The production export condition avoids Node 20's deadlock on lexical's entry points (src/lib/module-conditions.ts).
# The stamp tells `npm start` the admin build matches the sources, so containers never rebuild at start;
# then the dev dependencies (type checker, test and bench tools) leave the image.
RUN NODE_OPTIONS="--conditions=production --no-deprecation" node node_modules/next/dist/bin/next build \
  && node --conditions=production --import tsx -e "import('./src/lib/fingerprint.ts').then((m) => require('node:fs').writeFileSync('.next/sitegroup-build-hash', m.fingerprint(m.ADMIN_BUILD_INPUTS)))" \
  && rm -rf data .next/cache \
  && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# postgresql-client: `npm run backup` calls pg_dump when DATABASE_URI is PostgreSQL.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client tini ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 DATA_DIR=/data MEDIA_DIR=/data/media
COPY --from=build --chown=node:node /app /app
# Created in the image so a named volume mounted there starts owned by the node user.
RUN mkdir -p /data/media /data/backups && chown -R node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["npm", "start"]
