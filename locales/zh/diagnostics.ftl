# 诊断信息：每条规则的消息（值）和提示（.hint 等属性）。
# 与 ../en/diagnostics.ftl 的键一一对应（测试检查）。字面的花括号写作 {"{"} 和 {"}"}。

## 通用

did-you-mean-code = 是否指 `{ $best }`？
did-you-mean-title = 是否指“{ $best }”？
first-here = 第一次出现在这里
first-defined-here = 首次定义在这里
unfinished-prefix = 未定稿，不能归档：

## 数字

undefined-count = 引用了未定义的数字 `{ $name }`
    .hint = 在 `counts:` 下定义它，例如 `{ $name }: {"{"} value: 1, unit: 人 {"}"}`
unknown-format = `{ $written }` 中的数字格式 `{ $format }` 无法识别
    .hint = 可写 `{"{"}name{"}"}`（411人）、`{"{"}name:cn{"}"}`（九篇）或 `{"{"}name:num{"}"}`（411）
spaced-reference = `{ $written }` 的花括号里有空格，不是引用，会原样印出
    .hint = 去掉空格：写 `{ $fixed }`
mixed-numerals-in-text = { $place }中的“{ $written }”用汉字数字，而文中其余{ $arabic }处统计数字用阿拉伯数字
    .hint = 统计数字宜统一用阿拉伯数字：写“{ $digits }”，或定义一个数字并引用它
mixed-numerals = { $place }中的“{ $count }”印作汉字数字“{ $shown }”，而文中其余{ $arabic }处统计数字用阿拉伯数字
    .hint = 统计数字宜统一用阿拉伯数字：把 `{ $written }` 改为 `{ $plain }`
unused-count = 数字“{ $count }”已定义但未被引用
    .hint = 在正文中写 `{"{"}{ $name }{"}"}` 引用它，或删除它
unreferenceable-count = 数字 `{ $name }` 的名字不能在正文中引用
    .hint = 名字以文字或 _ 开头，只含文字、数字、_ 和 -：改名为 `{ $typed }`，再在正文中写 `{"{"}{ $typed }{"}"}`
count-without-value = 数字“{ $count }”没有数值
    .hint = 补上 `value:`；在此之前正文显示“{ $missing }”
counts-to-fill = { $n }个统计数字还没有数值，正文中也还没有引用：{ $counts }
    .hint = 本期统计出来后，在 `value:` 写上数值，并在正文中写 `{"{"}名字{"}"}` 引用；本期不再统计的，删去它
# 其中的一个数字（数字的名称里可能有顿号，故加引号）。
counts-to-fill-item = “{ $count }”
# 带引号的并列成分之间不用顿号。
counts-to-fill-separator = {""}
percent-out-of-range = 百分比“{ $count }”为 { $value }%，超出 0–100
    .hint = 检查数值；增长率等可超过100的数字请用其他单位
unknown-part-of = “{ $count }”的 part_of 指向未定义的数字 `{ $whole }`
part-exceeds-whole = “{ $count }”（{ $part }）是“{ $whole }”（{ $total }）的一部分，却比它大
    .hint = 两个数字至少有一个有误：请核对原始记录

## 文字

placeholder = { $place }留有占位文字“{ $placeholder }”
    .hint = 换成实际内容，或换成数字引用：在 `counts:` 下定义后写 `{"{"}name{"}"}`
unbalanced-bracket = { $place }中的“{ $mark }”没有对应的“{ $partner }”
    .hint = 补上“{ $partner }”，或删去多余的“{ $mark }”
half-width-punctuation = { $place }中的半角“{ $mark }”夹在汉字之间
    .hint = 改为全角“{ $wide }”
space-around-digits = { $place }中汉字与数字之间有空格
    .hint = 删去空格：写“2020年”而不是“2020 年”
repeated-punctuation = { $place }中标点“{ $mark }”重复
    .hint = 删去多余的标点
missing-end-punctuation = { $place }末尾缺少句末标点
    .hint = 在句末加“。”
long-word = { $place }中“{ $start }…”连续{ $chars }个字符没有空格，一行排不下，排版时在行末断开
    .hint = 在可以断开处加空格，或缩短它（不超过 { $limit } 个字符不断开）
double-numbering = { $place }以“{ $marker }”开头，而 nianbao 已给它编号
    .hint = 删去“{ $marker }”：编号由 nianbao 生成
mixed-numbering = { $place }的编号“{ $marker }”用“{ $style }”式，文中其他编号用“{ $usual }”式
    .hint = 全文统一用“{ $usual }”式编号（或用 `numbered:` 列表和 `meta.numbering`，由 nianbao 编号）
chinese-numerals-in-english = `{ $written }` 在英文文件里写中文数字
    .hint = 英文文件用 `{"{"}名称{"}"}` 或 `{"{"}名称:num{"}"}`

## 结构与日期

plan-year-plan-only = 计划年度为{ $planned }年，但 meta.year 是{ $expected }年
    .hint = 只有计划的文件（工作计划）以 meta.year 为计划年度：两处写同一年，或省略 plans.year
plan-year = 计划年度为{ $planned }年，但总结的是{ $period }
    .hint = { $period }的总结，计划的是{ $expected }年（也可省略 plans.year）
invalid-half = `half: { $half }` 无效：上半年写 1，下半年写 2
    .hint = 上半年 half: 1，下半年 half: 2
invalid-period-date = `{ $field }: { $written }` 不是有效日期
    .hint = 按 YYYY-MM-DD 写日期
    .hint-iso = 日期按“年-月-日”写，用半角数字和减号：`{ $field }: { $iso }`
period-alone = `from:` 和 `to:` 须同时给出
    .hint = 例如 from: 2022-03-01 与 to: 2022-08-31
period-reversed = `from:` 晚于 `to:`
    .hint = { period-alone.hint }
period-mixed = `half:` 与 `from:`/`to:` 只能选一种
    .hint = { period-alone.hint }
invalid-document-date = `{ $written }` 不是有效日期
    .hint = 按 YYYY-MM-DD 写日期，例如 2020-12-08
    .hint-iso = 日期按“年-月-日”写，用半角数字和减号：`date: { $iso }`
document-date-outside = 成文日期 { $written } 不在{ $period }或其后{ $grace_days }天内
    .hint = { $period }的总结应在 { $start } 至 { $latest } 之间成文
date-in-text-outside = { $place }提到的“{ $written }”不在{ $period }内
    .hint = 核对日期；总结只写本年度的工作
date-in-text-not-real = { $place }中的“{ $written }”不是有效日期
    .hint = { date-in-text-outside.hint }
duplicate-section-title = 总结中已有同名小节“{ $title }”
    .hint = 合并两个小节，或改用不同的标题
duplicate-plan-title = 计划中已有同名条目“{ $title }”
    .hint = 合并两项，或改用不同的标题
duplicate-plan-id = 计划编号 `{ $id }` 已用过
    .hint = 每项计划的 id 必须唯一
identical-text = { $place }与前文的内容完全相同
    .hint = 删去重复的一条
section-without-points = { $place }“{ $title }”没有内容
    .hint = 在 `points:` 下写上本节的工作
part-heading = 第{ $number }部分（role: { $role }）没有标题
    .hint = 写上 `heading:`；只有每种角色的第一个 work、problems、plans 部分有默认标题
empty-part = 第{ $number }部分“{ $heading }”下面没有内容
    .hint = 写上它的 `points:`、`items:`、`body:` 或 `sections:`，或删去这一部分
section-too-deep = 小节“{ $title }”在第{ $level }层，公文的层次最多四层
    .hint = 把它并入上一层，或改写为段落或条目
empty-text = { $place }是空的
    .hint = 写上内容，或删去这一项

## 活动记录与计划落实

derived-mismatch = “{ $count }”写为 { $declared }，活动记录合计为 { $sum }
    .hint = 合计的活动：{ $activities }
figure-of-no-count = 活动数字 `{ $name }` 没有对应的统计数字
    .hint = 在 `counts:` 下定义 `{ $name }`（可不写 value，由活动合计）
activity-date-outside = 活动“{ $title }”的日期 { $date } 不在{ $period }内
    .hint = 按 YYYY-MM-DD 写本期内的日期
activity-date-invalid = 活动“{ $title }”的日期 `{ $date }` 无效
    .hint = { activity-date-outside.hint }
unknown-section = 活动“{ $title }”所属的小节“{ $section }”不存在
plan-not-fulfilled = 上期计划“{ $title }”（`{ $id }`）在本期总结中没有对应的小节
    .hint = 在本期总结的相应小节写 `fulfils: { $id }`，或说明未完成的原因
fulfils-no-plan = `fulfils: { $id }` 指向上期不存在的计划
    .hint = 上期计划的编号见 { $previous }

## 不能成文的输入

control-character = { $place }中有控制字符 U+{ $code_point }
    .hint = 删去它：回车、退格、转义等字符会改变文档的结构或显示
line-break = { $place }只能写一行，却有换行
    .hint = 写在一行里；需要分段的内容放到正文
year-out-of-range = `{ $field }: { $year }` 不是 1900–2100 之间的年份
    .hint = 写四位数的公历年份，例如 2020
figure-not-finite = 数字“{ $count }”的值不是有限的数
    .hint = 写实际的数值；尚未统计就先不写 value
figure-too-large = 数字“{ $count }”的值大于 10¹⁵
    .hint = 核对数值；金额可换用万元、亿元等单位
figure-not-counted = 数字“{ $count }”以“{ $unit }”计数，值却是 { $value }
    .hint = 人数、项数等须是不小于 0 的整数；增减请写成另一个数字，并标上 `signed: true`
unknown-rule = 未知的规则 `{ $name }`

## 读取输入

input-too-large = 输入文件有 { $megabytes } MB；nianbao 只读 { $limit } MB 以内的输入
    .hint = 一年的总结远小于此：把活动记录分成一个文件夹里的多个文件
document-too-large = 展开别名和数字引用后，文档正文至少有 { $megabytes } MB；nianbao 只排 { $limit } MB 以内的文档（约 1000 页）
    .hint = 别名（*name）每用一次，它的文字就算一次；一年的总结远小于此
not-utf8 = 文件不是有效的 UTF-8（第一个错误字节在偏移 { $offset }）
    .hint = 把文件存为 UTF-8
utf16 = 文件是 UTF-16 编码（以 UTF-16 字节顺序标记开头），不是 UTF-8
    .hint = 把文件另存为 UTF-8（记事本：另存为 → 编码 UTF-8）
empty-file = 文件是空的
    .hint = 输入至少要有 `meta:` 和 `summary:`，见 `nianbao explain E0003`
unknown-field = 未知的字段 `{ $field }`
    .hint = 这里可以写的字段：{ $allowed }
unknown-value = 未知的取值 `{ $value }`
    .hint = 可写：{ $allowed }
missing-field-in = `{ $parent }` 缺少字段 `{ $field }`
    .hint = 在 `{ $parent }:` 下加上 `{ $field }:`
missing-field = 缺少字段 `{ $field }`
    .hint = 在这个映射里加上 `{ $field }:`
missing-top-field = 缺少字段 `{ $field }`
    .hint = 在最外层加上 `{ $field }:`，见 `nianbao explain E0003`
    .hint-parts = 在最外层写上正文：`parts:` 列出各部分，或简写 `summary:`（及 `problems:`、`plans:`）；见 `nianbao explain E0003`
missing-in-folder = 文件夹里没有哪个文件定义 `{ $field }`
    .hint = 在文件夹的主文件（如 report.yaml）里写 `{ $field }:`
parts-and-shorthand = `parts` 与 `summary`/`problems`/`plans` 不能同时写
    .hint = 正文只写一种：`parts:` 列出全部部分，或用 `summary:`、`problems:`、`plans:` 三部分的简写
duplicate-key = 键 `{ $key }` 重复
    .hint = 同一映射里每个键只能出现一次：删去或改名其中一个
duplicate-key-unnamed = 键重复
    .hint = { duplicate-key.hint }
defined-twice-part = `{ $part }` 在两个文件里都有定义
    .hint = 只在文件夹的一个文件里写它；其他文件补充活动、数字和小节
defined-twice-section = 小节“{ $title }”在两个文件里都有定义
    .hint = { defined-twice-part.hint }
defined-twice-count = 数字 `{ $name }` 在两个文件里都有定义
    .hint = { defined-twice-part.hint }
defined-twice-rule-setting = 规则设置 `{ $name }` 在两个文件里都有定义
    .hint = { defined-twice-part.hint }
expected-list = 这里应是列表
    .hint = 这个字段可写什么，见 `nianbao explain E0002`
expected-mapping = 这里应是映射（键: 值）
    .hint = { expected-list.hint }
expected-text = 这里应是文字
    .hint = { expected-list.hint }
expected-quoted-text = 这里应是文字
    .hint = 以 `{"{"}` 开头的文字须加引号：'{"{"}name{"}"}人次……'
expected-other = 这里应是 { $other }
    .hint = { expected-list.hint }
invalid-value = 取值无效（{ $detail }）：`{ $value }`
    .hint = { expected-list.hint }
invalid-value-unquoted = 取值无效（{ $detail }）
    .hint = { expected-list.hint }
input-limit-values = 输入的 YAML 值（键、值、列表项）超过 { $limit } 个
    .hint = nianbao 最多读 { $values } 个值、{ $depth } 层嵌套和 { $aliases } 个别名（`nianbao explain E0006`）
input-limit-depth = 输入嵌套超过 { $limit } 层
    .hint = { input-limit-values.hint }
input-limit-aliases = 输入的别名（*name）或锚点（&name）超过 { $limit } 个
    .hint = { input-limit-values.hint }
input-limit-reader = 输入超出 YAML 读取器的限制
    .hint = { input-limit-values.hint }
yaml-tag = { $place }带有 YAML 标签 `{ $tag }`
    .hint = 删去标签：nianbao 只读普通的文字和数字
multiple-documents = 文件里有不止一个 YAML 文档：第二个 `---` 开始了另一个
    .hint = 一个输入只是一个文档：删去多余的 `---`，或把第二部分放进文件夹输入的另一个文件
yaml-syntax = YAML 语法错误：{ $detail }
    .hint = 检查这一行的缩进、引号和 `键: 值` 的写法

## 不熟悉 YAML 时常见的笔误

slip-full-width-colon = 键 `{ $key }` 后面是全角冒号“：”
    .hint = 把全角冒号“：”改成半角冒号“:”并加空格：`{ $fixed }`
    .hint-label = 把全角冒号“：”改成半角冒号“:”并加空格，“{ $key }”在文件里写作 `{ $field }`：`{ $fixed }`
slip-no-space-after-colon = 键 `{ $key }` 的冒号“:”后面缺少空格
    .hint = 在冒号“:”后加一个空格：`{ $fixed }`
    .hint-label = 在冒号“:”后加一个空格，“{ $key }”在文件里写作 `{ $field }`：`{ $fixed }`
slip-no-space-after-dash = 列表项的“-”后面缺少空格
    .hint = 在“-”后加一个空格：`{ $fixed }`
slip-tab-indent = 缩进里有制表符（Tab 键）
    .hint = 缩进只能用半角空格：把这一行开头的空白换成 { $spaces } 个半角空格
    .hint-align = 缩进只能用半角空格：删去制表符，用半角空格与同一层的上一行对齐
slip-full-width-space-indent = 缩进里有全角空格“　”
    .hint = 缩进只能用半角空格：把这一行开头的空白换成 { $spaces } 个半角空格
    .hint-align = 缩进只能用半角空格：删去全角空格，用半角空格与同一层的上一行对齐
slip-leading-quote = 文字以引号开头：YAML 把引号里的“{ $quoted }”读作整段文字，后面的字就多出来了
    .hint = 改用中文引号：`{ $fixed }`；或给整段文字加单引号：`{ $wrapped }`
slip-colon-in-text = 文字里的半角冒号“:”让 YAML 把这一行读成“键: 值”
    .hint = 改用全角冒号“：”：`{ $fixed }`；或给整段文字加单引号：`{ $wrapped }`
    .hint-quote = 给整段文字加单引号：`{ $wrapped }`
slip-number-with-unit = `{ $written }` 是数字加单位，`{ $key }:` 只写数字
    .hint = 数字里不写单位：写 { $number }，单位写在 unit: { $unit }
    .hint-no-unit = 数字里不写单位：写 `{ $key }: { $number }`
slip-full-width-digits = `{ $written }` 用了全角数字
    .hint = 改成半角数字：`{ $key }: { $digits }`
slip-label-as-key = `{ $key }` 是编辑页面上的名称，文件里的字段名是 `{ $field }`
    .hint = 把 `{ $key }:` 改成 `{ $field }:`
slip-here-too = 这里也一样
slip-missing-dash = 这一行缺少列表项开头的“- ”
    .hint = 在文字前加半角减号和空格：`{ $fixed }`
slip-full-width-dash = 列表项开头用了全角的“{ $dash }”
    .hint = 改成半角减号“-”加空格：`{ $fixed }`
not-a-number = `{ $written }` 不是数字
    .hint = 写阿拉伯数字，例如 `411`；单位写在 `unit:`
    .hint-plain = `{ $key }:` 只写半角的阿拉伯数字
    .hint-digits = 写阿拉伯数字：`{ $key }: { $digits }`
not-a-whole-number = `{ $written }` 不是整数
    .hint = 写阿拉伯数字的整数，例如 `2020`
number-too-large = `{ $written }` 太大了
    .hint = 核对这个数字：这里写的是年份或个数

## 汇总（nianbao rollup）

rollup-other-period = `{ $path }` 总结的是{ $year }年，第一个输入是{ $first_year }年
    .label = 第一个输入的年度
    .hint = 汇总只加总同一时期的总结
rollup-unit-differs = 数字“{ $count }”的单位是“{ $unit }”，而 `{ $first_path }` 中是“{ $first_unit }”
    .hint = 同名的数字会被加总：统一单位和含义，或改用不同的名称
rollup-label-differs = 数字 `{ $name }` 的 label 是“{ $label }”，而 `{ $first_path }` 中是“{ $first_label }”
    .hint = { rollup-unit-differs.hint }
rollup-total-too-large = 数字“{ $count }”加总为 { $total }，不小于 10¹⁵：{ $unions }
    .hint = 汇总不写出文档不能印的合计：核对这些数字；金额可换用万元、亿元等单位
rollup-union-figure = { $organisation }（{ $value }）
list-separator = 、

## 排版（用户的样式文件）

style-over-time = 用样式文件 `{ $file }` 排版超过 { $seconds } 秒，已停止，什么也没有写
style-over-memory = 用样式文件 `{ $file }` 排版占用超过 { $gigabytes } GB 内存，已停止，什么也没有写
style-not-tried = 无法试排样式文件：{ $error }
style-over-limit =
    .hint = 样式文件排一份文档最多可用 { $seconds } 秒和 { $gigabytes } GB 内存；检查其中的循环或很大的 range()
doc-number-brackets = 发文字号“{ $number }”的年份没有用六角括号〔〕
    .hint = 年份用六角括号：〔2021〕
doc-number-first = 发文字号“{ $number }”的序号前加了“第”
    .hint = 序号不加“第”：〔2021〕15号
doc-number-zero = 发文字号“{ $number }”的序号编了虚位（前面的0）
    .hint = 序号不编虚位：〔2021〕5号，不写〔2021〕005号
doc-number-end = 发文字号“{ $number }”末尾没有“号”
    .hint = 写成“代字〔年份〕序号号”：〔2021〕15号
doc-number-year = 发文字号“{ $number }”的年份是{ $year }年，成文日期却在{ $date_year }年
    .hint = 在〔〕里写成文日期的年份，或改正 `meta.date`
missing-addressee = { $kind }需要主送机关
    .hint = 在 `document.addressee` 写上主送机关
request-ending = 请示的结尾没有请求批示的话
    .hint = 在最后一段末尾写“妥否，请批示。”或类似的话
record-without-kind = 抄送和印发写在公文的版记里，这份文件却没有 `document.kind`
    .hint = 写上 `document.kind`（报告、请示、通知、函、纪要），或删去 `cc:`、`printer:` 和 `printed:`
record-letter = 函的版记不写印发机关和印发日期
    .hint = 删去 `printer:` 和 `printed:`；函只保留 `cc:`
record-incomplete = `printer:` 和 `printed:` 要一起写：印发机关和印发日期
    .hint = 两个都写，或都不写
record-date = 印发日期不是按 YYYY-MM-DD 写的真实日期
    .hint = 写成 2021-01-05 这样
seal-empty = 印章是空的
    .hint = 选一个 PNG 或 SVG 印章图片，或写 space 留出手工盖章的位置
seal-unreadable = 无法读取印章图片“{ $path }”
    .hint = 给一个输入文件旁的 PNG 或 SVG 文件，或写 `seal: space`
seal-format = 印章图片“{ $path }”既不是 PNG 也不是 SVG
    .hint = 把印章存为 PNG（透明背景）或 SVG
signatures-empty = “署名和印章”是空的
    .hint = 每个机关写一项名称和印章，或删去“署名和印章”
signatures-and-seal = 已在“署名和印章”中给各个署名写了印章，就不再写单独的“印章”
    .hint = 删去这个单独的“印章”
signatures-seal-and-stamp = 一个署名不能既有印章又有签名章
    .hint = 机关署名配印章，签发人职务配签名章，二选一
signatures-unsealed = 联合行文加盖印章时，每个机关都要有自己的印章，这个署名没有印章
    .hint = 给它选一个印章图片（或写 space 留出手工盖章的位置），或者所有署名都不加印章
signatures-unstamped = 使用签名章时，每位签发人都要有签名章，这个署名没有签名章
    .hint = 给它选一个签名章图片；印章和签名章不混用
signatures-stamp-space = 签名章要给图片，不能只留盖章的位置（space）
    .hint = 选签名章的 PNG 或 SVG 图片
joint-issuer-one-line = 发文机关标志“{ $line }”把几个机关写在了一行
    .hint = 联合行文每个机关写一行，主办机关在前，“文件”二字单独写在最后一行（在浏览器中用“＋ 添加一条”）
joint-issuer-wenjian = 联合行文的“文件”二字和某个机关写在了同一行（{ $line }）
    .hint = 把“文件”二字单独写在最后一行，它会排在各机关名称的右侧居中
