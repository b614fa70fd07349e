#!/usr/bin/env bash
# Writes the SQL that takes the last committed schema (git HEAD) to the working schema into a new
# migration folder. `prisma migrate dev` and `migrate diff --from-migrations` do not work with the JS
# schema engine and a driver adapter, so the diff is taken between the two datamodels instead.
set -euo pipefail
name="${1:?usage: npm run db:new-migration -- <name>}"
prev=$(mktemp --suffix=.prisma)
trap 'rm -f "$prev"' EXIT
if git show HEAD:prisma/schema.prisma > "$prev" 2>/dev/null; then from=(--from-schema-datamodel "$prev"); else from=(--from-empty); fi
sql=$(npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script)
if ! grep -qvE '^\s*(--.*)?$' <<<"$sql"; then echo "The schema has not changed since HEAD: nothing to write."; exit 0; fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
[ -f prisma/migrations/migration_lock.toml ] || printf 'provider = "sqlite"\n' > prisma/migrations/migration_lock.toml
echo "Wrote $dir/migration.sql"
