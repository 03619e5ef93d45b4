#!/bin/sh
# First start of the database container only: the owner, the API's role and its login, and the
# database (README, "Security").
set -eu
psql -v ON_ERROR_STOP=1 --username postgres <<SQL
CREATE ROLE huhang_owner LOGIN PASSWORD '${HUHANG_OWNER_PASSWORD}';
CREATE ROLE huhang_api NOLOGIN;
CREATE ROLE huhang_app LOGIN PASSWORD '${HUHANG_APP_PASSWORD}' IN ROLE huhang_api;
CREATE DATABASE huhang OWNER huhang_owner;
SQL
