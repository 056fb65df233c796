# syntax=docker/dockerfile:1
# Shipshape web app. Targets:
#   runtime (default)  the Next.js standalone server, non-root, no dev dependencies
#   tools              full source + node_modules: runs migrations and the demo seed
#                      (docker compose runs it once as the `migrate` service)
# Nothing is downloaded at run time; the build needs only the npm registry.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 \
    NEXT_TELEMETRY_DISABLED=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
# The postinstall step generates the Prisma client from the schema, so copy what it reads first.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma/schema.prisma prisma/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN mkdir -p public && npx next build

FROM build AS tools
# The official Node images ship an unprivileged `node` user (uid 1000).
RUN chown -R node:node /app
USER node
ENV NODE_ENV=production
CMD ["npx", "tsx", "scripts/db-migrate.ts", "deploy"]

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000
# The standalone output is a self-contained server with only the node_modules it traced;
# static assets and public/ are not part of it and are copied beside it.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
