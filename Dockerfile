# One image for every Rubricon process: the API (the default command) and the code runner
# (`node --no-node-snapshot dist/apps/runner/main.js`). docker-compose.yml builds it; docs/production.md
# describes the same steps without Docker. Build: docker build -t rubricon .

# --- build: all dependencies, every bundle, then the development packages removed -----------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
# isolated-vm and better-sqlite3 are native modules: compiled here when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# node-gyp takes Node's headers from this image instead of downloading them.
ENV npm_config_nodedir=/usr/local
# Dependencies first: this layer is reused while package-lock.json does not change.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# `npm prune` keeps the compiled native modules, so the runtime stage needs no compiler.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: the bundles and runtime dependencies only -------------------------------------------
FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read at run time: the question bank (required) and the seed postings (imported on the first start).
COPY question-banks ./question-banks
COPY seeds ./seeds
# DATA_DIR's default (/app/data): the SQLite file and generated JWT secret of a single instance.
# With MySQL and JWT_SECRET set (docker-compose.yml) nothing is written there.
RUN mkdir data && chown node:node data
USER node
EXPOSE 3000
# --no-node-snapshot: isolated-vm (the sandbox) does not work with Node 24's startup snapshot.
CMD ["node", "--no-node-snapshot", "dist/apps/api/main.js"]
