#!/usr/bin/env bash
# The certificate figures of the README, whole process (fonts loaded from scratch each run):
#   1. one certificate (samples/certificate-mayor-quality-award.json): median time, PDF size;
#   2. 1000 certificates from a CSV into one merged PDF: median time, PDF size.
# Medians of hyperfine runs. Usage: bench/certificate-figures.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
gongwen="$build/cli/gongwen"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# 1000 made-up people, each with the sample's seal (one image, embedded once).
python3 - "$out/people-1000.csv" "$PWD/samples/specimen-seal.png" <<'PY'
import csv, random, sys
random.seed(2012)
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉海燕文斌宇浩然涵欣怡思远晓东"
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["recipient", "citation", "issuer", "date", "seal", "serial"])
    for i in range(1000):
        name = random.choice(surnames) + "".join(random.choice(given) for _ in range(random.choice([1, 2])))
        w.writerow([name + "同志",
                    "在2012年度全市质量强市工作中成绩突出，被评为质量工作先进个人。特发此状，以资鼓励。",
                    "南京市人民政府", "2012-06-13", sys.argv[2], "NJ-2012-%04d" % (i + 1)])
PY

one="$gongwen render samples/certificate-mayor-quality-award.json -o $out/one.pdf"
many="$gongwen batch -q --layout certificate $out/people-1000.csv -o $out/many.pdf"
$one && $many
hyperfine --warmup 3 --runs 30 -N --export-json "$out/one.json" "$one" >/dev/null
hyperfine --warmup 1 --runs 10 -N --export-json "$out/many.json" "$many" >/dev/null
python3 - "$out" <<'PY'
import json, os, sys
d = sys.argv[1]
for name, label in (("one", "one certificate"), ("many", "1000 certificates, merged")):
    r = json.load(open(f"{d}/{name}.json"))["results"][0]
    print(f"{label}: median {r['median']*1000:.1f} ms (min {r['min']*1000:.1f}, max "
          f"{r['max']*1000:.1f}, {len(r['times'])} runs); PDF {os.path.getsize(f'{d}/{name}.pdf')/1024:.0f} KB")
PY
