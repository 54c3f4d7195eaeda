#!/bin/sh
# Installs Sightline's Elasticsearch and Kibana assets: the ILM policy, the logs-sightline-* index
# template (a data stream per environment) and the Kibana saved objects (data view, saved searches,
# the "Logs overview" dashboard). Idempotent: run it again after changing a file.
#
#   ES_URL                        default http://elasticsearch:9200
#   KIBANA_URL                    default http://kibana:5601
#   SIGHTLINE_LOG_RETENTION_DAYS  default 14 (the ILM delete phase)
#   ES_AUTH                       optional user:password for both (curl -u)
#   SETUP_TIMEOUT_SECONDS         default 300: give up waiting for Elasticsearch/Kibana after this
set -eu

ES_URL="${ES_URL:-http://elasticsearch:9200}"
KIBANA_URL="${KIBANA_URL:-http://kibana:5601}"
SIGHTLINE_LOG_RETENTION_DAYS="${SIGHTLINE_LOG_RETENTION_DAYS:-14}"
SETUP_TIMEOUT_SECONDS="${SETUP_TIMEOUT_SECONDS:-300}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ILM_POLICY="$HERE/elasticsearch/ilm-policy.json"
INDEX_TEMPLATE="$HERE/elasticsearch/index-template.json"
SAVED_OBJECTS="$HERE/kibana/sightline.ndjson"

log() {
  printf '%s sightline-elk-setup: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

fail() {
  log "ERROR: $*"
  exit 1
}

case "$SIGHTLINE_LOG_RETENTION_DAYS" in
  '' | *[!0-9]*) fail "SIGHTLINE_LOG_RETENTION_DAYS must be a whole number of days, got '$SIGHTLINE_LOG_RETENTION_DAYS'" ;;
esac
for file in "$ILM_POLICY" "$INDEX_TEMPLATE" "$SAVED_OBJECTS"; do
  [ -r "$file" ] || fail "missing $file"
done

# curl with optional basic auth; prints the body, fails on HTTP >= 400 (the body goes to stderr).
request() {
  out="$(mktemp)"
  if [ -n "${ES_AUTH:-}" ]; then
    status="$(curl -sS -o "$out" -w '%{http_code}' -u "$ES_AUTH" "$@")" || status=000
  else
    status="$(curl -sS -o "$out" -w '%{http_code}' "$@")" || status=000
  fi
  if [ "$status" -ge 400 ] || [ "$status" = 000 ]; then
    log "HTTP $status for: $*"
    cat "$out" >&2
    printf '\n' >&2
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

# wait_for NAME URL: retries with exponential backoff (1, 2, 4 … 16 s) until SETUP_TIMEOUT_SECONDS.
wait_for() {
  name="$1"
  url="$2"
  delay=1
  waited=0
  until request "$url" >/dev/null 2>&1; do
    if [ "$waited" -ge "$SETUP_TIMEOUT_SECONDS" ]; then
      fail "$name at $url not ready after ${waited}s"
    fi
    log "waiting for $name at $url (${waited}s)"
    sleep "$delay"
    waited=$((waited + delay))
    if [ "$delay" -lt 16 ]; then
      delay=$((delay * 2))
    fi
  done
  log "$name is up"
}

wait_for Elasticsearch "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=5s"
# Kibana answers /api/status with 503 until its plugins are available.
wait_for Kibana "$KIBANA_URL/api/status"

log "ILM policy sightline-logs (delete after ${SIGHTLINE_LOG_RETENTION_DAYS}d)"
sed "s/\${SIGHTLINE_LOG_RETENTION_DAYS}/$SIGHTLINE_LOG_RETENTION_DAYS/g" "$ILM_POLICY" |
  request -X PUT "$ES_URL/_ilm/policy/sightline-logs" -H 'Content-Type: application/json' --data-binary @- >/dev/null

log "index template sightline-logs (logs-sightline-*)"
request -X PUT "$ES_URL/_index_template/sightline-logs" -H 'Content-Type: application/json' \
  --data-binary "@$INDEX_TEMPLATE" >/dev/null

log "Kibana saved objects"
result="$(request -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" -H 'kbn-xsrf: true' \
  --form "file=@$SAVED_OBJECTS")"
case "$result" in
  *'"success":true'*) log "imported: $result" ;;
  *) fail "saved objects import reported errors: $result" ;;
esac

log "done: open $KIBANA_URL/app/dashboards#/view/sightline-logs-overview"
