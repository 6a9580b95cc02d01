# The Kluis sync server as a container: the browser host and the server bundle are built in the first
# stage; the second holds only what runs, as an unprivileged user, with the data directory on a volume.
#   docker build -t kluis-server .
#   docker run -d --name kluis -p 8787:8787 -v kluis-data:/data kluis-server
# Settings are the environment variables of `npm run server -- --help` (README, "Run the server").
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node server/build.mjs --renderer

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
    HOST=0.0.0.0 \
    PORT=8787 \
    KLUIS_DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/dist/renderer ./dist/renderer
COPY deploy/healthcheck.mjs ./deploy/healthcheck.mjs
RUN groupadd --system --gid 10001 kluis \
    && useradd --system --uid 10001 --gid kluis --home-dir /nonexistent --shell /usr/sbin/nologin kluis \
    && mkdir -p /data && chown kluis:kluis /data && chmod 700 /data
USER kluis
VOLUME ["/data"]
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "deploy/healthcheck.mjs"]
CMD ["node", "dist/server/main.mjs"]
