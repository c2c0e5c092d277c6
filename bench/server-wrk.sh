#!/usr/bin/env bash
# Throughput, latency and memory of `gongwen serve` under wrk, on loopback only, bounded
# in time. Renders one document per request (POST /v1/render).
#
#   bench/server-wrk.sh [INPUT.json]      default: samples/article-quality-conference.json
#
# Environment: BUILD_DIR (build), DURATION (30 s), CONNECTIONS (16), WRK_THREADS (2),
# WORKERS (one per core), REQUESTS (100000 for the memory run; 0 skips it),
# MEMORY_TIME_LIMIT (900 s: the memory run stops there whatever the count),
# VARY (a field, e.g. recipient: each request puts another made-up name there, as an
# office's certificates differ; without it every request is the same document),
# VARY_KEEP=1 (the name goes in front of the field's text, or of its first paragraph:
# VARY=body VARY_KEEP=1 keeps the minutes' 4 pages and changes their body each time).
# Image fields given as file paths (a seal) are sent inline as data: URIs, as a client
# must: the server never reads a file named by a request.
# Prints: requests/s sustained over DURATION, p50/p99 latency, non-2xx responses, and the
# server's resident memory sampled every 2 s across REQUESTS requests.
set -euo pipefail
cd "$(dirname "$0")/.."
INPUT=${1:-samples/article-quality-conference.json}
BUILD_DIR=${BUILD_DIR:-build}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-16}
WRK_THREADS=${WRK_THREADS:-2}
WORKERS=${WORKERS:-$(nproc)}
REQUESTS=${REQUESTS:-100000}
MEMORY_TIME_LIMIT=${MEMORY_TIME_LIMIT:-900}
VARY=${VARY:-}
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/install-deps.sh)" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$BUILD_DIR/cli/gongwen" serve --bind 127.0.0.1 --port 0 --workers "$WORKERS" \
  --queue 256 --instance bench 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 300); do
  grep -q "listening on" "$work/server.log" && break
  sleep 0.1
done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -1)
[ -n "$url" ] || { cat "$work/server.log" >&2; exit 1; }

# The request body: image paths inlined; the VARY field marked for the Lua script.
python3 - "$INPUT" "$work/body.json" "$VARY" <<'PY'
import base64, json, os, sys
src, dst, vary = sys.argv[1:4]
record = json.load(open(src, encoding="utf-8"))
for key, value in record.items():
    path = os.path.join(os.path.dirname(src), value) if isinstance(value, str) else ""
    if path.lower().endswith(".png") and os.path.isfile(path):
        record[key] = "data:image/png;base64," + base64.b64encode(open(path, "rb").read()).decode()
if vary and os.environ.get("VARY_KEEP") == "1":
    value = record[vary]
    if isinstance(value, list):
        value[0] = "@@VARY@@" + value[0]
    else:
        record[vary] = "@@VARY@@" + value
elif vary:
    record[vary] = "@@VARY@@"
json.dump(record, open(dst, "w", encoding="utf-8"), ensure_ascii=False)
PY

# One request to learn the document's size and pages.
sed 's/@@VARY@@/张三/' "$work/body.json" >"$work/first.json"
curl -s -D "$work/headers" -o "$work/one.pdf" -H 'Content-Type: application/json' \
  --data-binary @"$work/first.json" "$url/v1/render"
pages=$(grep -i '^x-gongwen-pages:' "$work/headers" | tr -dc '0-9')
echo "input: $INPUT${VARY:+ ($VARY varied per request)} ($pages pages, $(stat -c %s "$work/one.pdf") bytes of PDF)"
echo "server: $WORKERS workers on $(nproc) cores; wrk: $WRK_THREADS threads, $CONNECTIONS connections"

cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open("$work/body.json", "rb"))
local body = f:read("*a")
f:close()
local at = body:find("@@VARY@@", 1, true)
if not at then
  wrk.body = body
else
  -- Each request another name: 40 surnames × 40² given names, counted through.
  local head, tail = body:sub(1, at - 1), body:sub(at + 8)
  local surnames = {"王","李","张","刘","陈","杨","黄","赵","吴","周","徐","孙","马","朱","胡","郭",
    "何","高","林","罗","郑","梁","谢","宋","唐","许","韩","冯","邓","曹","彭","曾","肖","田","董","袁",
    "潘","于","蒋","蔡"}
  local given = {"伟","芳","娜","秀","英","敏","静","丽","强","磊","军","洋","勇","艳","杰","娟","涛",
    "明","超","兰","霞","平","刚","桂","华","建","国","志","红","玉","海","燕","文","斌","宇","浩","然",
    "涵","欣","怡"}
  -- wrk gives each thread its own Lua state: start each at another place.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
  local n = math.random(0, 1000000)
  request = function()
    n = n + 1
    local name = surnames[n % 40 + 1] .. given[math.floor(n / 40) % 40 + 1] ..
                 given[math.floor(n / 1600) % 40 + 1]
    return wrk.format(nil, nil, nil, head .. name .. tail)
  end
end
LUA

# Warm up, then the sustained run.
wrk -t "$WRK_THREADS" -c "$CONNECTIONS" -d 3s -s "$work/post.lua" "$url/v1/render" >/dev/null
# The server's own CPU time (user + system, clock ticks) around the sustained run: on a
# shared machine requests/s measures the neighbours too, CPU per request much less so.
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_before=$(server_ticks)
wrk -t "$WRK_THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --latency -s "$work/post.lua" \
  "$url/v1/render" >"$work/wrk.txt"
ticks_after=$(server_ticks)
rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$work/wrk.txt")
errors=$(awk '/Socket errors:/ {print}' "$work/wrk.txt")
echo "sustained ${DURATION} s: ${rps} requests/s, p50 ${p50}, p99 ${p99}, non-2xx ${non2xx:-0}${errors:+, $errors}"
answered=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
awk -v ticks=$(( ticks_after - ticks_before )) -v hz="$(getconf CLK_TCK)" -v n="$answered" \
  -v cores="$(nproc)" 'BEGIN {
    ms = ticks * 1000 / hz / n
    printf "server CPU per request: %.2f ms (%d requests); %d cores fully its own would answer ~%.0f requests/s\n",
      ms, n, cores, cores * 1000 / ms }'

if [ "$REQUESTS" -gt 0 ]; then
  # wrk runs until its duration is over, so the memory run is a series of 10 s runs until
  # REQUESTS have been answered (or MEMORY_TIME_LIMIT is reached); RSS after each.
  rss() { awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status"; }
  sent=0
  start=$(date +%s)
  echo "$(rss)" >"$work/rss.txt"
  while [ "$sent" -lt "$REQUESTS" ] && [ $(( $(date +%s) - start )) -lt "$MEMORY_TIME_LIMIT" ]; do
    wrk -t "$WRK_THREADS" -c "$CONNECTIONS" -d 10s -s "$work/post.lua" "$url/v1/render" \
      >"$work/chunk.txt"
    sent=$(( sent + $(awk '/requests in/ {print $1}' "$work/chunk.txt") ))
    echo "$(rss)" >>"$work/rss.txt"
  done
  seconds=$(( $(date +%s) - start ))
  # Resident memory once warm (after the first tenth of the run) against the rest.
  awk -v sent="$sent" -v seconds="$seconds" '
    { rss[NR] = $1 }
    END {
      n = NR; warm = int(n / 10) + 2; if (warm > n) warm = n
      lo = rss[warm]; hi = rss[warm]
      for (i = warm; i <= n; i++) { if (rss[i] < lo) lo = rss[i]; if (rss[i] > hi) hi = rss[i] }
      printf "memory across %d requests (%d s): RSS at start %.1f MB; once warm %.1f..%.1f MB (spread %.1f%%); at the end %.1f MB\n",
        sent, seconds, rss[1] / 1024, lo / 1024, hi / 1024, (hi - lo) * 100 / lo, rss[n] / 1024
    }' "$work/rss.txt"
  curl -s "$url/metrics" | awk '/^gongwen_http_requests_total\{route="\/v1\/render"/ && !/status="200"/ {bad += $NF}
    END {print "non-2xx over the whole benchmark: " bad + 0}'
fi
