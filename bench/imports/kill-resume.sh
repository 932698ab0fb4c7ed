#!/usr/bin/env bash
# An import killed mid-run (kill -9) and resumed on restart (issue 15): the published host on a throwaway SQLite
# database with the demo accounts, a generated list of ROWS rows (one in ten a duplicate of an earlier row), the host
# killed once a quarter of the rows are done, started again, and the import checked: completed, every record reported
# once, each person created once.
#   ROWS   rows in the list (default 20000)
# Usage: bench/imports/kill-resume.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${ROWS:-20000}
work=$(mktemp -d /tmp/caredesk-kill-resume.XXXXXX)
port=5391
url=http://127.0.0.1:$port
host_pid=

cleanup() { [[ -n "$host_pid" ]] && kill -9 "$host_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== publish"
dotnet publish src/CareDesk.Host/CareDesk.Host.csproj -c Release -o "$work/host" --nologo -v quiet

start_host() {
  # From the host's directory: its appsettings.json (log levels) is read from the working directory.
  (cd "$work/host" && ASPNETCORE_URLS=$url ASPNETCORE_ENVIRONMENT=Production Demo__Enabled=true \
    Database__ConnectionString="Data Source=$work/caredesk.db" Imports__StorageDirectory="$work/imports" \
    Contacts__RecordingsDirectory="$work/recordings" \
    exec dotnet "$work/host/CareDesk.Host.dll" >> "$work/host.log" 2>&1) &
  host_pid=$!
  for _ in $(seq 1 120); do curl -fs "$url/health/ready" > /dev/null 2>&1 && return; sleep 1; done
  echo "host did not start"; tail -50 "$work/host.log"; exit 1
}

python3 - "$rows" "$work/list.csv" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
random.seed(15)
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华"
people, out = [], ["姓名,手机,出生日期,城市"]
for i in range(rows):
    if people and i % 10 == 9:
        name, mobile, dob = random.choice(people)
    else:
        name = random.choice(surnames) + "".join(random.choice(given) for _ in range(random.choice((1, 2))))
        mobile = "139%08d" % random.randrange(10**8)
        dob = "19%02d-%02d-%02d" % (random.randrange(30, 99), random.randrange(1, 13), random.randrange(1, 29))
        people.append((name, mobile, dob))
    out.append(f"{name},{mobile},{dob},上海")
open(path, "w", encoding="utf-8").write("\r\n".join(out) + "\r\n")
PY

echo "== start, import $rows rows"
start_host
token=$(curl -fs -H 'Content-Type: application/json' -d '{"email":"supervisor@demo.caredesk","password":"CareDesk-demo-1"}' "$url/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
SECONDS=0
id=$(curl -fs -H "Authorization: Bearer $token" -F "files=@$work/list.csv" -F sourceName=kill-resume -F defaultRegion=CN "$url/api/imports" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
status() { curl -fs -H "Authorization: Bearer $token" "$url/api/imports/$id"; }
done_count() { status | python3 -c 'import json,sys; print(json.load(sys.stdin)["counts"]["done"])'; }

while (( $(done_count) < rows / 4 )); do sleep 0.5; done
echo "== kill -9 at $(done_count) of $rows records, ${SECONDS}s after the upload"
kill -9 "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=

echo "== restart"
start_host
token=$(curl -fs -H 'Content-Type: application/json' -d '{"email":"supervisor@demo.caredesk","password":"CareDesk-demo-1"}' "$url/api/auth/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
for _ in $(seq 1 1200); do
  state=$(status | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  [[ "$state" == completed || "$state" == failed ]] && break
  sleep 1
done
echo "== finished ${SECONDS}s after the upload"
status | python3 -m json.tool | sed -n '/"counts"/,/}/p'

python3 - "$work/caredesk.db" "$id" "$rows" <<'PY'
import sqlite3, sys, uuid
db, import_id, rows = sqlite3.connect(sys.argv[1]), sys.argv[2], int(sys.argv[3])
key = uuid.UUID(import_id)
ids = [str(key).upper(), str(key)]
status, = db.execute("select Status from imports where Id in (?, ?)", ids).fetchone()
reported, distinct = db.execute("select count(*), count(distinct FileIndex || ':' || Record) from import_rows where ImportId in (?, ?)", ids).fetchone()
created, = db.execute("select count(*) from import_rows where ImportId in (?, ?) and Status = 'Created'", ids).fetchone()
people, = db.execute("select count(distinct PersonId) from import_rows where ImportId in (?, ?) and PersonId is not null", ids).fetchone()
phones, twice = db.execute("select count(*), count(*) - count(distinct Value) from contact_points where Provenance_ImportId in (?, ?)", ids).fetchone()
print(f"status {status}; rows reported {reported} (distinct {distinct}) of {rows}; created {created}; people named {people}; phones {phones}, held twice {twice}")
ok = status == "Completed" and reported == distinct == rows and created == people and twice == 0
print("RESULT", "ok" if ok else "FAILED")
sys.exit(0 if ok else 1)
PY
