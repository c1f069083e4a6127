# 检查信息中的位置：“总结第2节第3条”“第2部分标题”。位置由外而内拼成：先是所在的
# 部分（place-summary 等），再是其中的小节、条目，最后是字段；字段的称呼来自
# page.ftl 中该字段的 label-FIELD.place，与编辑页面的表单同一来源。

# 一个字段：“总结第2节” + “标题”。
place-field = { $at }{ $field }
place-organisation = meta.organisation（{ label-organisation.place }）
place-opening = { label-opening.place }段落

## 各部分（条目、字段直接跟在后面）

place-summary = 总结
place-problems = 存在问题
place-plans = 计划
place-part = 第{ $n }部分
place-attachment = 附件{ $n }

## 各部分中的小节（后跟“第2节”）

place-sections-summary = 总结
place-sections-problems = 存在问题
place-sections-plans = 计划
place-sections-part = 第{ $n }部分
place-sections-attachment = 附件{ $n }
# 一个小节；.within：后面还跟着其中的内容（“总结第2节标题”）。
place-section = { $at }第{ $path }节
    .within = { $at }第{ $path }节

## 其中的条目

place-point = { $at }第{ $m }条
place-list-item = { $at }第{ $m }条
place-item = { $at }第{ $n }项
place-plan-item = { $at }第{ $n }项
place-paragraph = { $at }的{ label-paragraph.place }
place-table = { $at }的{ label-table.place }

## 数字的字段

place-count-field = 数字“{ $count }”的{ $field }
