#!/bin/sh
# Runs once, after the image's own set-up (DOCKER_INFLUXDB_INIT_*) created the org and the "events"
# bucket: adds the bucket the services' Micrometer push writes to. The influx CLI is already
# configured with the admin token here.
set -eu
influx bucket create --name metrics --org "$DOCKER_INFLUXDB_INIT_ORG" --retention 168h
