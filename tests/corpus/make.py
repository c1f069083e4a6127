import os
BASE = """meta:
  organisation: 某某工会
  year: 2020
  date: 2020-12-08
  signature: 工会办
counts:
  visits: { value: 411, unit: 人 }
summary:
  sections:
    - title: 关心关爱员工
      points:
        - 生日慰问{visits}。
plans:
  year: 2021
  sections:
    - id: care
      title: 关心关爱员工
      text: 继续开展慰问。
"""
def w(name, expect, body, binary=False):
    header = f"# expect: {expect}\n".encode()
    data = body if binary else body.encode()
    open(name + ".yaml", "wb").write(header + data)

r = BASE.replace
cases = [
 ("empty", "1 the file is empty", ""),
 ("only-comments", "1 the file is empty", "# nothing here\n# at all\n"),
 ("whitespace-only", "1 the file is empty", "\n   \n\t\n"),
 ("tab-indent", "1 error[E0001]: tabs disallowed @ 3:2", "meta:\n\torganisation: x\n"),
 ("unclosed-quote", "1 error[E0001]", r("  signature: 工会办", '  signature: "工会办')),
 ("unclosed-flow", "1 error[E0001]", r("{ value: 411, unit: 人 }", "{ value: 411, unit: 人")),
 ("top-level-list", "1 error[E0002]: expected a mapping (key: value) here @ 2:1", "- a\n- b\n"),
 ("top-level-scalar", "1 error[E0002]: expected a mapping (key: value) here", "just text\n"),
 ("year-string", "1 error[E0002]: invalid whole number: `二〇二〇` @ 4:9", r("year: 2020", "year: 二〇二〇")),
 ("year-float", "1 error[E0002] @ 4:9", r("year: 2020", "year: 2020.5")),
 ("year-huge", "1 error[E0002] @ 4:9", r("year: 2020", "year: 99999999999999999999")),
 ("value-string", "1 error[E0002]", r("value: 411", "value: many")),
 ("style-unknown", "1 did you mean `numbered`?", r("    - title: 关心关爱员工\n      points:", "    - title: 关心关爱员工\n      style: numberd\n      points:")),
 ("lang-unknown", "1 error[E0002]: unknown value `fr`", r("  signature: 工会办", "  signature: 工会办\n  lang: fr")),
 ("missing-meta", "1 error[E0003]: missing field `meta`", BASE[BASE.index("counts:"):]),
 ("missing-body", "1 error[E0003]: missing field `parts`", BASE[:BASE.index("summary:")] + "problems:\n  - 慰问{visits}还不够\n"),
 ("plan-only-year", "1 error[E0201]: the plan is for 2021, but meta.year is 2020 @ 10:9", BASE[:BASE.index("summary:")] + BASE[BASE.index("plans:"):]),
 ("parts-and-summary", "1 error[E0005]: `parts` and `summary`/`problems`/`plans` both write the body @ 14:3", r("summary:", "parts:\n  - heading: 工作\n    points:\n      - 慰问{visits}。\nsummary:")),
 ("part-without-heading", "1 error[E0704]: part 2 (role: other) has no heading @ 12:5", BASE[:BASE.index("summary:")] + "parts:\n  - points:\n      - 慰问{visits}。\n  - role: other\n    points:\n      - 其他工作。\n"),
 ("placeholder-x", "0 warning[W0103]: placeholder “X” left in summary section 1, point 1 @ 13:30", r("生日慰问{visits}。", "生日慰问{visits}，慰问困难职工X名。")),
 ("placeholder-times", "0 warning[W0103]: placeholder “××” left in summary section 1, point 1 @ 13:30", r("生日慰问{visits}。", "生日慰问{visits}，慰问困难职工××户。")),
 ("mixed-numerals-in-text", "0 warning[W0505]: “三户” in summary section 1, point 1 is written in Chinese numerals, the other 2 figures in Arabic ones @ 13:36", r("生日慰问{visits}。", "生日慰问{visits}，走访40户，慰问困难职工三户。“四个意识”两个方面，第三次。")),
 ("double-numbering", "0 warning[W0507]: summary section 1, point 1 starts with “1、”, but nianbao numbers it already @ 13:11", r("生日慰问{visits}。", "1、生日慰问{visits}。")),
 ("mixed-numbering", "0 warning[W0508]: summary section 1, paragraph is numbered “2.” in the style “1.”, the other numbers in the style “1、” @ 17:22", r("        - 生日慰问{visits}。\n", "        - 生日慰问{visits}。\n      body:\n        - paragraph: 1、开展慰问。\n        - paragraph: 3、开展走访。\n        - paragraph: 2.开展培训。\n")),
 ("apostrophe-en", "0 !W0501", BASE.replace("  signature: 工会办\n", "  signature: Branch office\n  lang: en\n").replace("生日慰问{visits}。", "The branch visited {visits} on each member’s birthday; the members’ fund grew.").replace("继续开展慰问。", "Visit members again.")),
 ("cn-in-english", "1 error[E0102]: `{visits:cn}` writes Chinese numerals in an English document @ 14:22", BASE.replace("  signature: 工会办\n", "  signature: Branch office\n  lang: en\n").replace("生日慰问{visits}。", "We visited {visits:cn}.").replace("继续开展慰问。", "Visit members again.")),
 ("part-empty", "0 warning[W0705]: part 2 “其他” has nothing under it @ 12:14", BASE[:BASE.index("summary:")] + "parts:\n  - points:\n      - 慰问{visits}。\n  - heading: 其他\n"),
 ("missing-date", "1 error[E0003]: missing field `date` in `meta` @ 2:1", r("  date: 2020-12-08\n", "")),
 ("unknown-meta-field", "1 did you mean `organisation`? @ 3:3", r("  organisation:", "  organization:")),
 ("unknown-section-field", "1 error[E0004]: unknown field `point` @ 12:7", r("      points:", "      point:")),
 ("unknown-count-field", "1 error[E0004]: unknown field `unti`", r("unit: 人", "unti: 人")),
 ("unknown-top-field", "1 error[E0004]: unknown field `zzz_unknown_field` @ 20:1", BASE + "zzz_unknown_field: 1\n"),
 ("duplicate-top-key", "1 error[E0005]", BASE + "opening: again\nopening: twice\n"),
 ("duplicate-count", "1 error[E0005] @ 9:3", r("  visits: { value: 411, unit: 人 }\n", "  visits: { value: 411, unit: 人 }\n  visits: { value: 1, unit: 人 }\n")),
 ("null-title", "1 error[E0002]: expected text here @ 11:14", r("    - title: 关心关爱员工\n      points:", "    - title: ~\n      points:")),
 ("points-not-list", "1 error[E0002]: expected a list here @ 12:15", r("      points:\n        - 生日慰问{visits}。", "      points: 生日慰问{visits}。")),
 ("brace-unquoted", "1 error[E0002]: expected text here @ 13:11", r("        - 生日慰问{visits}。", "        - {visits}人次生日慰问。")),
 ("undefined-count", "1 error[E0101]: count `vists` is referenced but not defined @ 13:15", r("{visits}", "{vists}")),
 ("unknown-format", "1 error[E0102]: unknown count format `roman` @ 13:15", r("{visits}", "{visits:roman}")),
 ("unused-count", "0 warning[W0101]: count `gifts` is defined but never used @ 9:3", r("  visits: { value: 411, unit: 人 }\n", "  visits: { value: 411, unit: 人 }\n  gifts: { value: 1000, unit: 份 }\n")),
 ("count-without-value", "0 warning[W0102]: count `visits` has no value @ 8:3", r("{ value: 411, unit: 人 }", "{ unit: 人 }")),
 ("placeholder-todo", "0 warning[W0103]: placeholder “TODO” left in plan section 1, text @ 19:19", r("继续开展慰问。", "继续开展慰问TODO。")),
 ("plan-year", "1 error[E0201]: the plan is for 2022 @ 15:9", r("  year: 2021", "  year: 2022")),
 ("date-not-real", "1 error[E0202]: `2020-02-30` is not a real date @ 5:9", r("2020-12-08", "2020-02-30")),
 ("date-slashes", "1 error[E0202]: `2020/12/08` is not a real date", r("2020-12-08", "2020/12/08")),
 ("date-outside", "1 error[E0202]: the document is dated 2022-01-01, outside the period 2020", r("2020-12-08", "2022-01-01")),
 ("unbalanced-quote", "0 warning[W0501]: ““” in summary section 1, point 1 has no matching “”” @ 13:15", r("生日慰问{visits}。", "生日慰问“关爱{visits}。")),
 ("unbalanced-book-title", "0 warning[W0501]: “》”", r("继续开展慰问。", "继续学习手册》开展慰问。")),
 ("half-width-comma", "0 warning[W0502]: half-width “,” between Chinese characters @ 19:19", r("继续开展慰问。", "继续开展慰问,关心职工。")),
 ("half-width-paren", "0 warning[W0502]: half-width “(”", r("继续开展慰问。", "继续开展慰问(含退休)工作。")),
 ("space-around-digits", "0 warning[W0503]: a space between a Chinese character and a digit @ 19:17", r("继续开展慰问。", "继续开展 3 次慰问。")),
 ("repeated-punctuation", "0 warning[W0504]: repeated “。” @ 19:19", r("继续开展慰问。", "继续开展慰问。。")),
 ("mixed-numerals", "0 warning[W0505]: `{gifts:cn}` in summary section 1, point 2 is written in Chinese numerals", r("  visits: { value: 411, unit: 人 }\n", "  visits: { value: 411, unit: 人 }\n  gifts: { value: 9, unit: 篇 }\n").replace("        - 生日慰问{visits}。\n", "        - 生日慰问{visits}。\n        - 完成稿件{gifts:cn}。\n")),
 ("missing-end-punctuation", "0 warning[W0506]: plan section 1, text does not end with a full stop", r("继续开展慰问。", "继续开展慰问")),
 ("part-exceeds-whole", "1 error[E0601]: `done` (12) is part of `visits` (11) but exceeds it @ 9:18", r("  visits: { value: 411, unit: 人 }\n", "  visits: { value: 11, unit: 件 }\n  done: { value: 12, unit: 件, part_of: visits }\n").replace("生日慰问{visits}。", "征集{visits}，办理{done}。")),
 ("unknown-part-of", "1 error[E0602]: `done` is part of `vists`, which is not defined", r("  visits: { value: 411, unit: 人 }\n", "  visits: { value: 411, unit: 人 }\n  done: { value: 12, unit: 人, part_of: vists }\n").replace("生日慰问{visits}。", "生日慰问{visits}，办理{done}。")),
 ("percent-out-of-range", "1 error[E0603]: percentage `rate` is 120%", r("  visits: { value: 411, unit: 人 }\n", "  visits: { value: 411, unit: 人 }\n  rate: { value: 120, unit: \"%\" }\n").replace("生日慰问{visits}。", "生日慰问{visits}，覆盖{rate}。")),
 ("date-in-text-outside", "0 warning[W0604]: “2019年6月” in summary section 1, point 1 lies outside the period 2020", r("生日慰问{visits}。", "2019年6月起生日慰问{visits}。")),
 ("date-in-text-not-real", "0 warning[W0604]: “2020年13月” in summary section 1, point 1 is not a real date", r("生日慰问{visits}。", "2020年13月生日慰问{visits}。")),
 ("duplicate-section-title", "0 warning[W0605]: the summary has a section “关心关爱员工” already", r("plans:", "    - title: 关心关爱员工\n      points:\n        - 继续开展走访活动。\nplans:")),
 ("duplicate-plan-id", "1 error[E0606]: plan id `care` is used already", BASE + "    - id: care\n      title: 另一项\n      text: 另一项工作。\n"),
 ("identical-points", "0 warning[W0607]: summary section 1, point 2 repeats an earlier text", r("        - 生日慰问{visits}。\n", "        - 生日慰问{visits}。\n        - 生日慰问{visits}。\n")),
 ("section-without-points", "0 warning[W0701]: summary section 1 “关心关爱员工” has no points", r("      points:\n        - 生日慰问{visits}。\n", "      points: []\n").replace("  visits: { value: 411, unit: 人 }\n", "  visits: { value: 411, unit: 人 }\n").replace("继续开展慰问。", "继续开展慰问{visits}。")),
 ("empty-point", "0 warning[W0702]: summary section 1, point 2 is empty", r("        - 生日慰问{visits}。\n", "        - 生日慰问{visits}。\n        - \"\"\n")),
 ("rule-denied", "1 error[W0502]", r("继续开展慰问。", "继续开展慰问,关心职工。") + "settings:\n  rules:\n    half-width-punctuation: deny\n"),
 ("rule-allowed", "0 !W0502", r("继续开展慰问。", "继续开展慰问,关心职工。") + "settings:\n  rules:\n    half-width-punctuation: allow\n"),
 ("rule-unknown", "1 error[E0004]: unknown rule `half-width-punct`", BASE + "settings:\n  rules:\n    half-width-punct: allow\n"),
 ("rule-bad-level", "1 error[E0002]: unknown value `off`", BASE + "settings:\n  rules:\n    placeholder: off\n"),
 ("alias-bomb", "1 error[", BASE.replace("plans:", "x-anchors: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nplans:") + "problems: [" + ",".join(["*a"]*9) + "]\n"),
 ("deep-flow", "1 error[", r("生日慰问{visits}。", "x").replace("        - x", "        - " + "[" * 10000 + "]" * 10000)),
 ("deep-block", "1 error[", "meta:\n" + "".join("  " * (i + 1) + "k:\n" for i in range(300))),
 ("very-long-line", "0 ", r("生日慰问{visits}。", "生日慰问{visits}，" + "关心关爱员工，" * 20000 + "完成。")),
 ("typst-and-markdown-syntax", "0 ", r("继续开展慰问。", "'#read(\"/etc/passwd\") $x$ <a> @b \\\\ * _ ] # **c** [d](e)。'")),
]
for name, expect, body in cases:
    w(name, expect, body)
# Bytes that are not text.
w("nul-byte", "1 error[E0001]: unexpected character", BASE.replace("工会办", "工会\x00办").encode(), binary=True)
w("invalid-utf8", "1 not valid UTF-8", BASE.encode().replace("工会办".encode(), b"\xff\xfe"), binary=True)
open("bom.yaml", "wb").write(b"\xef\xbb\xbf# expect: 1 error[E0004]: unknown field `zzz` @ 5:3\n" + BASE.replace("  date:", "  zzz: 1\n  date:").encode())
crlf = ("# expect: 1 error[E0004]: unknown field `zzz` @ 5:3\n" + BASE.replace("  date:", "  zzz: 1\n  date:")).replace("\n", "\r\n")
open("crlf.yaml", "wb").write(crlf.encode())
crlf_ok = ("# expect: 0 \n" + BASE).replace("\n", "\r\n")
open("crlf-valid.yaml", "wb").write(crlf_ok.encode())
print(len(os.listdir(".")))
