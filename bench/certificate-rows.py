#!/usr/bin/python3
"""Writes N made-up certificates as a CSV for the batch figures (bench/certificate-figures.sh,
bench/streamed-batch-figures.sh): each row a person, the same citation, issuer and date, and
the seal SEAL (one image, embedded once). Usage: certificate-rows.py OUT.csv SEAL N"""
import csv
import random
import sys

random.seed(2012)
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉海燕文斌宇浩然涵欣怡思远晓东"
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["recipient", "citation", "issuer", "date", "seal", "serial"])
    for i in range(int(sys.argv[3])):
        name = random.choice(surnames) + "".join(random.choice(given) for _ in range(random.choice([1, 2])))
        w.writerow([name + "同志",
                    "在2012年度全市质量强市工作中成绩突出，被评为质量工作先进个人。特发此状，以资鼓励。",
                    "南京市人民政府", "2012-06-13", sys.argv[2], "NJ-2012-%04d" % (i + 1)])
