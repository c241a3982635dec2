# Gateway image for docker-compose.yml. The project's build machines have no
# Docker engine: gateway/test/deploy/docker.test.ts checks this file against
# the gateway's configuration (writable paths, user, volume) and runs
# `docker-compose config` on the compose file.
#
# Base image pinned to the Node version the project is developed and tested on.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# The dashboards' web app is built in its own stage (vite is a dev dependency).
FROM ${NODE_IMAGE} AS dashboards
WORKDIR /app
COPY package.json package-lock.json ./
COPY proto/package.json proto/
COPY i18n/package.json i18n/
COPY gateway/package.json gateway/
COPY firmware-sim/package.json firmware-sim/
COPY dashboards/package.json dashboards/
RUN npm ci --ignore-scripts
COPY proto proto
COPY i18n i18n
COPY dashboards dashboards
RUN npm run build -w dashboards

FROM ${NODE_IMAGE}
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY proto/package.json proto/
COPY i18n/package.json i18n/
COPY gateway/package.json gateway/
COPY firmware-sim/package.json firmware-sim/
COPY dashboards/package.json dashboards/
RUN npm ci --omit=dev --ignore-scripts && npm rebuild esbuild && npm cache clean --force
COPY proto proto
COPY i18n i18n
COPY gateway gateway
COPY firmware-sim firmware-sim
COPY --from=dashboards /app/dashboards/dist dashboards/dist
# /app stays root-owned: the gateway never writes its own code. Everything it
# writes lives under DATA_DIR, owned by the runtime user and kept on a volume:
# the write-ahead spool (DATA_DIR/spool), the OTA signing key it generates
# when OTA_SIGNING_KEY is unset (DATA_DIR/ota-signing-key.pem), OTA artifacts
# (DATA_DIR/artifacts) and, without DATABASE_URL, the embedded PostgreSQL
# (DATA_DIR/pg). tsx's compile cache goes to /tmp.
# A deployment starts no demo fleet and no demo users (DEMO_VEHICLES=0).
ENV DATA_DIR=/var/lib/fleetwire \
    HTTP_HOST=0.0.0.0 \
    MQTT_HOST=0.0.0.0 \
    DEMO_VEHICLES=0
RUN mkdir -p /var/lib/fleetwire && chown node:node /var/lib/fleetwire
VOLUME /var/lib/fleetwire
# 8080 HTTP API, dashboard, MQTT over WebSocket; 1883 MQTT; 8883 MQTT over TLS (with MQTT_TLS_CERT/KEY).
EXPOSE 8080 1883 8883
USER node
CMD ["node", "--import", "tsx", "gateway/src/server.ts"]
