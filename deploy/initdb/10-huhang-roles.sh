#!/bin/sh
# First start of the database container only: the owner, the API's role and its login, and the
# database (README, "Security"), and the replication login of the streaming replica.
set -eu
psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE huhang_owner LOGIN PASSWORD '${HUHANG_OWNER_PASSWORD}';
CREATE ROLE huhang_api NOLOGIN;
CREATE ROLE huhang_app LOGIN PASSWORD '${HUHANG_APP_PASSWORD}' IN ROLE huhang_api;
CREATE DATABASE huhang OWNER huhang_owner;
CREATE ROLE huhang_replicator LOGIN REPLICATION PASSWORD '${HUHANG_REPLICATION_PASSWORD}';
SQL
# The streaming replica of compose.yaml connects as huhang_replicator.
echo "host replication huhang_replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
