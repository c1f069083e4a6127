# nianbao archive 的用语：拒绝写入的原因，以及 archive verify 查出的问题（archive-*
# 是 nianbao 自己的记录，ocfl-* 是 OCFL 存储）。用用户的语言（LC_ALL、LC_MESSAGES、LANG）。

## 写入

archive-other-document = `{ $path }` 中是另一份文档（`{ $id }`）
archive-other-document-not = `{ $path }` 中是另一份文档（`{ $id }`），不是 `{ $expected }`
archive-not-a-document = `{ $path }` 已经存在，但不是归档的文档
archive-foreign-files = `{ $path }` 中有文件，却不是归档：请归档到空文件夹或新文件夹
archive-not-a-folder = `{ $path }` 不是文件夹（是链接？）：归档不跟随链接
archive-not-regular = `{ $path }` 不是普通文件：归档中不放链接
archive-waiting = 另一个 nianbao 正在写入 `{ $path }`，等它完成
archive-docx-not-well-formed = DOCX 文件的格式有误（{ $detail }）；什么也没有归档
archive-none = `{ $path }` 中没有归档（没有 { $declaration }）
archive-not-inventory = `{ $path }` 不是 OCFL 清单（inventory）：{ $detail }
archive-file-too-large = 超过归档能读的大小

## 检查 nianbao 的记录

archive-unknown-format = 未知的记录格式 `{ $format }`
archive-wrong-place = 它的记录是{ $year }年{ $organisation }（{ $kind }）的，应当放在 `{ $expected }`
archive-wrong-id = 对象的 id `{ $id }` 与记录的 `{ $expected }` 不同
archive-missing-file = 记录列出了 `{ $logical }`，但这个版本中没有它
archive-unnamed-file = 记录中没有列出 `{ $path }`
archive-file-not-well-formed = `{ $logical }` 的格式有误：{ $detail }
archive-input-differs = 归档的输入是{ $year }年{ $organisation }的，记录却是{ $record_year }年{ $record_organisation }的
archive-input-unreadable = 归档的输入不能作为 nianbao 的输入读取
archive-no-xmp = 没有 XMP 元数据（不是 PDF/A）
# $what：XMP 的字段（title 等）。
archive-xmp-differs = 它的 { $what } 是 `{ $found }`，记录中是 `{ $wanted }`

## 早先的格式（manifest.json）

archive-not-manifest = `{ $path }` 不是 nianbao 的归档清单：{ $detail }
archive-outside = 在归档之外：{ $path }
archive-needs-migration =
    `{ $path }` 中是 nianbao 早先格式（manifest.json）的归档
      = help: 请先把它转为 OCFL 归档：nianbao archive migrate --dir { $path }
archive-legacy-unverified =
    `{ $path }` 中的归档与它的清单不符；什么也没有迁移：
    { $problems }

## 检查 OCFL 存储

ocfl-root-declaration = 存储根的声明文件没有写 `ocfl_1.1`
ocfl-no-root = 缺少它：不是 OCFL 1.1 的存储根
ocfl-not-utf8 = 名称不是 UTF-8 的{ $kind ->
        [folder] 文件夹
       *[file] 文件
    }：没有 OCFL 路径能指明它
ocfl-empty-folder = 存储层级中的空文件夹
ocfl-link = 链接：归档中不放链接
ocfl-extensions-folders = extensions 文件夹中只能有文件夹
ocfl-outside-object = 不属于任何对象的文件（没有列在清单中）
ocfl-sidecar-altered = 已被改动：它的 sha512 与旁边的校验文件不同
ocfl-object-declaration = 对象的声明文件没有写 `ocfl_object_1.1`
ocfl-not-inventory = 不是 OCFL 清单：{ $detail }
ocfl-unknown-type = 未知的清单类型 `{ $kind }`
ocfl-digest = 摘要算法是 `{ $algorithm }`：归档用的是 sha512
ocfl-versions = 版本不是从 v1、v2……连续到最新版本
ocfl-not-in-object = 不属于这个对象（不是版本、清单或声明文件）
ocfl-version-inventory-differs = 与对象的清单不同（最新版本的清单必须与它相同）
ocfl-not-in-version = 不属于这个版本（不是它的内容或清单）
ocfl-not-content-path = 不是版本的内容路径（vN/content/…）
ocfl-altered = 已被改动：它的 sha512 与清单中的不同
ocfl-unlisted = 未列出：在对象中，却不在它的清单中
ocfl-unknown-digest = { $name } 指向清单的 manifest 中没有的摘要
ocfl-bad-logical-path = { $name }：`{ $path }` 不是有效的逻辑路径
ocfl-empty-content-folder = 版本内容中的空文件夹
# 一个版本的清单与对象的清单比较。
ocfl-other-id = 指明的对象是 `{ $id }`，对象的清单是 `{ $object }`
ocfl-other-digest = 摘要算法是 `{ $algorithm }`，对象的清单是 `{ $object }`
ocfl-other-head = 它的最新版本是 `{ $head }`，不是 `{ $expected }`
ocfl-other-record = 它对 { $name } 的记录与对象的清单不同
ocfl-other-manifest = 它的 manifest 列出了 { $digest }… 下的内容，对象的清单中却没有
