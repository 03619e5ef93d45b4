# The Huhang API and widgets, for a bureau's own server. Two stages: build with every dependency,
# then run the compiled code with production dependencies only, as the unprivileged `node` user.
# Configuration is by environment (README, "Configuration"; docs/DEPLOY.md).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/api/package.json packages/api/
COPY packages/schema/package.json packages/schema/
COPY packages/widgets/package.json packages/widgets/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HUHANG_SEED=false \
    PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/packages ./packages
COPY --from=build --chown=node:node /app/examples ./examples
USER node
EXPOSE 4000
# Ready means the database answers too (/readyz); /healthz is liveness only.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "packages/api/dist/main.js"]
