#!/usr/bin/env bash
# Generates a migration for both dialects from the difference between the entities and a fresh
# database migrated to the latest committed migration. Usage: npm run migration:generate -- AddThing
# Needs MariaDB at 127.0.0.1:3306 with the rubricon user (.ci/run creates it).
set -euo pipefail
name=${1:?usage: npm run migration:generate -- <Name>}
cd "$(dirname "$0")/../../../.."
export TS_NODE_TRANSPILE_ONLY=1 NODE_OPTIONS="-r tsconfig-paths/register"
tmp=$(mktemp -d)
db="rubricon_migrations_$$"
mariadb_url="mariadb://rubricon:rubricon@127.0.0.1:3306/$db"
mariadb -h127.0.0.1 -urubricon -prubricon -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
trap 'mariadb -h127.0.0.1 -urubricon -prubricon -e "DROP DATABASE IF EXISTS $db"; rm -rf "$tmp"' EXIT
# Each index.ts lists every migration file, oldest first.
write_indexes() {
  for dialect in sqlite mysql; do
    dir=apps/api/src/database/migrations/$dialect
    upper=$(echo $dialect | tr a-z A-Z)
    {
      echo "// Every migration, oldest first; rewritten by generate-migration.sh."
      classes=()
      for f in $(ls $dir | grep -E '^[0-9]+-.*\.ts$' | sort -n); do
        cls=$(grep -o 'class [A-Za-z0-9_]*' "$dir/$f" | head -1 | cut -d' ' -f2)
        echo "import { $cls } from './${f%.ts}';"
        classes+=("$cls")
      done
      echo
      echo "export const ${upper}_MIGRATIONS = [$(IFS=,; echo "${classes[*]}" | sed 's/,/, /g')];"
    } > $dir/index.ts
  done
}
write_indexes
cli=node_modules/.bin/typeorm-ts-node-commonjs
ds=apps/api/src/database/data-source.ts
DATA_DIR=$tmp $cli migration:run -d $ds >/dev/null
DATA_DIR=$tmp $cli migration:generate -d $ds "apps/api/src/database/migrations/sqlite/$name"
DATABASE_URL=$mariadb_url DATA_DIR=$tmp $cli migration:run -d $ds >/dev/null
DATABASE_URL=$mariadb_url DATA_DIR=$tmp $cli migration:generate -d $ds "apps/api/src/database/migrations/mysql/$name"
write_indexes
