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

## nianbao import --dry-run：未导入的网页内容

import-dropped = 未导入的网页内容（{ $count } 处）：
import-dropped-line = 第 { $line } 行：{ $text }

## nianbao build --kind

build-kind-shows-nothing = `{ $input }` 中没有 `--kind { $kind }` 要写的部分（计划只写 `role: plans` 的部分，总结写其余部分），文件只会有标题；什么也没有写
