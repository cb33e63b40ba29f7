# One image for every service; SERVICE picks which one runs (docker-compose.yml sets it).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The broker's jars are not needed inside a service image: Kafka runs in its own container.
ENV CBEC_SKIP_KAFKA_FETCH=1
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production CBEC_SKIP_KAFKA_FETCH=1
COPY package.json package-lock.json ./
COPY infra/kafka/fetch.js infra/kafka/fetch.js
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
# The gateway serves the ops console's files (ES modules and CSS) as they are.
COPY services/gateway/console services/gateway/console
COPY tsconfig.base.json ./
COPY scripts/register-paths.js scripts/register-paths.js
ARG SERVICE=order
ENV SERVICE=${SERVICE}
CMD ["sh", "-c", "exec node --enable-source-maps -r ./scripts/register-paths.js dist/services/${SERVICE}/src/main.js"]
