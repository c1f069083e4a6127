# 文档、命令和页面之外的其他用语：`nianbao explain` 的页面、文档的标题用语、汇总、排版。

## nianbao explain

explain-title = { $id } { $name }（默认级别：{ $level }）
explain-error = 错误
explain-warning = 警告
explain-example = 示例：
explain-example-input = 示例（检查这个输入，报出 { $id }）：
explain-fix = 改正：
explain-rule = 规则名 `{ $name }`：可在输入的 `settings: rules:` 中设为 allow、warn 或 deny。
explain-rule-deny-only = 规则名 `{ $name }`：可在输入的 `settings: rules:` 中设为 deny，但不能 allow（它会造成错误的文档）。
explain-unknown = 没有诊断代码或规则名 `{ $code }`
    .hint = 诊断代码见 `nianbao check --help`，例如 `nianbao explain E0608`

## 时期

period-year = { $year }年
period-first-half = { $year }年上半年
period-second-half = { $year }年下半年
# 紧跟在同一年的时期之后，不再写年份（“2022年上半年工作总结和下半年工作计划”）。
period-first-half-same-year = 上半年
period-second-half-same-year = 下半年
period-months = { $to_year }年{ $from_month }月至{ $to_month }月
period-months-years = { $from_year }年{ $from_month }月至{ $to_year }年{ $to_month }月

## 文档的标题和标题用语

title-report = { $organisation }{ $period }工作总结
title-report-and-plan = { $organisation }{ $period }工作总结及{ $next }工作计划
# 半年的总结和计划用“和”：“2022年上半年工作总结和下半年工作计划”。
title-half-report-and-plan = { $organisation }{ $period }工作总结和{ $next }工作计划
title-plan = { $organisation }{ $period }工作计划
heading-summary = { $period }工作总结
heading-problems = 存在的问题
heading-plans = { $period }主要工作
heading-plans-plan-only = { $period }工作计划
heading-attachment = 附件
attachments-note = 附件：
comparison-title = { $this }主要数据与上年对比
comparison-label = 附表
comparison-item = 项目
comparison-change = 增减
# DOCX 中版记所在文本框的名称（Word 的“选择窗格”列出它）。
docx-record-box = 版记

## nianbao import --dry-run：未导入的网页内容

import-dropped = 未导入的网页内容（{ $count } 处）：
import-dropped-line = 第 { $line } 行：{ $text }

## nianbao build --kind

build-kind-shows-nothing = `{ $input }` 中没有 `--kind { $kind }` 要写的部分（计划只写 `role: plans` 的部分，总结写其余部分），文件只会有标题；什么也没有写
## nianbao next：下一期输入的开头注释和占位文字

# 占位文字：检查时报为占位文字（validate::PLACEHOLDERS 中有它）。
next-todo = 待补充。
next-header =
    { $next }——由 `nianbao next` 从{ $period }的输入开始。
    请填写各条（标为“{ $todo }”）和各数字的数值（从上一期带过来，没有数值）；
    `nianbao check` 会列出还没有完成的地方。
# 成文日期旁的注释（next 和 rollup 都写）。
draft-date-comment = 成文日期：定稿时请改为实际日期

## nianbao rollup：联合会的输入和 CSV 表格

rollup-item = 项目
rollup-union = 单位
rollup-total = 合计
rollup-column = { $label }（{ $unit }）
rollup-point = 全年各基层工会共{ $label }{"{"}{ $name }{"}"}。
rollup-point-unlabelled = 全年各基层工会共{"{"}{ $name }{"}"}。
rollup-attachment-title = { $period }各基层工会主要数据
rollup-header =
    { $period }——由 `nianbao rollup` 从 { $count } 个基层工会的输入汇总而成。
    各数字是它们的合计（`from:` 列出每个数字加总了哪些单位）；附件中的表格
    列出各单位的数字。联合会自己的文字写在 `parts:` 中。

## 与上年比较（{name:change} 和对比表的“增减”栏）

change-unknown = （无上年数据）
change-none = 与上年持平
change-up = 较上年增加{ $amount }
change-up-percent = 较上年增加{ $amount }，增长{ $percent }
change-down = 较上年减少{ $amount }
change-down-percent = 较上年减少{ $amount }，下降{ $percent }

## 活动：按日期排列的一行（“3月8日，开展“三八”节活动。……”）

activity-line = { $month }月{ $day }日，{ $title }。{ $text }
cover-title-notice = 关于印发《{ $title }》的通知
cover-title-report = 关于报送{ $title }的报告
cover-title-request = 关于{ $title }的请示
cover-title-letter = 关于{ $title }的函
cover-title-minutes = { $title }纪要
gongwen-signers = 签发人：
gongwen-addressee = { $addressee }：
gongwen-annotation = （{ $text }）
gongwen-cc = 抄送：{ $organs }。
gongwen-cc-separator = ，
gongwen-printed = { $date }印发

## 编辑页列出的数字：标签和数值（生日慰问 411人）

count-display = { $label } { $figure }
