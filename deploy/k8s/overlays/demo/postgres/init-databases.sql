-- One PostgreSQL server for the demo, one database per service: POSTGRES_DB creates "orders",
-- this script (run once, on an empty data directory) adds "inventory".
-- Used by the Kubernetes demo overlay (configMapGenerator) and mounted by deploy/docker-compose.yml.
CREATE DATABASE inventory;
