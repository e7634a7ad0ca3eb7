# newsbot in a container: a build stage with the compilers better-sqlite3's native module needs,
# and a slim runtime stage with the compiled bot (dist/), production dependencies and the seed
# corpus, run as an unprivileged user. State (SQLite database, index snapshots) lives in the
# /app/data volume; mount your own corpus on /app/corpus (NEWSBOT_CORPUS points there).
#   docker build -t newsbot .
#   docker run --env-file .env -v newsbot-data:/app/data -v "$PWD/corpus:/app/corpus:ro" -p 3000:3000 newsbot

ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEWSBOT_DB=/app/data/newsbot.db \
    NEWSBOT_CORPUS=/app/corpus \
    PORT=3000 \
    NEWSBOT_HTTP=on
WORKDIR /app
# the runtime holds no sources: bin/dist.mjs then takes dist/ as it is (no build at start)
COPY --from=build --chown=root:root /build/package.json ./
COPY --from=build --chown=root:root /build/node_modules ./node_modules
COPY --from=build --chown=root:root /build/dist ./dist
COPY --from=build --chown=root:root /build/bin ./bin
COPY --chown=root:root corpus ./corpus
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data", "/app/corpus"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/app/main.js"]
