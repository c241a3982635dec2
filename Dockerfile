# Gateway image for docker-compose.yml. Not buildable on the development
# machines of this project (no Docker engine there); kept correct by review.
# The dashboards' web app is built in its own stage (vite is a dev dependency).
FROM node:20-bookworm-slim AS dashboards
WORKDIR /app
COPY package.json package-lock.json ./
COPY proto/package.json proto/
COPY gateway/package.json gateway/
COPY firmware-sim/package.json firmware-sim/
COPY dashboards/package.json dashboards/
RUN npm ci --ignore-scripts
COPY dashboards dashboards
RUN npm run build -w dashboards

FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY proto/package.json proto/
COPY gateway/package.json gateway/
COPY firmware-sim/package.json firmware-sim/
COPY dashboards/package.json dashboards/
RUN npm ci --omit=dev --ignore-scripts && npm rebuild esbuild
COPY proto proto
COPY gateway gateway
COPY firmware-sim firmware-sim
COPY dashboards dashboards
COPY --from=dashboards /app/dashboards/dist dashboards/dist
ENV HTTP_HOST=0.0.0.0 MQTT_HOST=0.0.0.0
EXPOSE 8080 1883
USER node
CMD ["node", "--import", "tsx", "gateway/src/server.ts"]
