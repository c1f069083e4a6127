# Diagnostics: each rule's message (the value) and hint (.hint and other attributes).
# The keys are those of ../zh/diagnostics.ftl (a test compares them). A literal brace
# is written {"{"} or {"}"}.

## Common

did-you-mean-code = did you mean `{ $best }`?
did-you-mean-title = did you mean “{ $best }”?
first-here = first here
first-defined-here = first defined here
unfinished-prefix = unfinished for the archive:{" "}

## Counts

undefined-count = count `{ $name }` is referenced but not defined
    .hint = define it under `counts:`, e.g. `{ $name }: {"{"} value: 1, unit: 人 {"}"}`
unknown-format = unknown count format `{ $format }` in `{ $written }`
    .hint = write `{"{"}name{"}"}` (411人), `{"{"}name:cn{"}"}` (九篇) or `{"{"}name:num{"}"}` (411)
spaced-reference = `{ $written }` has spaces inside its braces: it is no reference and would be printed as it stands
    .hint = remove the spaces: write `{ $fixed }`
mixed-numerals-in-text = “{ $written }” in { $place } is written in Chinese numerals, the other { $arabic } figures in Arabic ones
    .hint = write figures one way, Arabic for statistics: “{ $digits }”, or define a count and reference it
mixed-numerals = “{ $count }” in { $place } prints in Chinese numerals (“{ $shown }”), the other { $arabic } figures in Arabic ones
    .hint = write figures one way, Arabic for statistics: `{ $plain }` instead of `{ $written }`
unused-count = count “{ $count }” is defined but never used
    .hint = reference it in the text as `{"{"}{ $name }{"}"}`, or remove it
unreferenceable-count = count `{ $name }` has a name the text cannot reference
    .hint = a name starts with a letter or _ and holds only letters, digits, _ and -: rename it `{ $typed }`, then write `{"{"}{ $typed }{"}"}` in the text
count-without-value = count “{ $count }” has no value
    .hint = add `value:`; until then the text shows “{ $missing }”
counts-to-fill = { $n ->
        [one] one count has
       *[other] { $n } counts have
    } no value yet and are not used in the text: { $counts }
    .hint = once this period's figures are in, write each one's `value:` and reference it in the text as `{"{"}name{"}"}`; delete those no longer counted
counts-to-fill-item = “{ $count }”
counts-to-fill-separator = ,{" "}
percent-out-of-range = percentage “{ $count }” is { $value }%, outside 0–100
    .hint = check the value; a growth rate that can exceed 100 needs another unit
unknown-part-of = “{ $count }” is part of `{ $whole }`, which is not defined
part-exceeds-whole = “{ $count }” ({ $part }) is part of “{ $whole }” ({ $total }) but exceeds it
    .hint = one of the two figures is wrong: check the records

## Text

placeholder = placeholder “{ $placeholder }” left in { $place }
    .hint = replace it with the real text, or with a count: define it under `counts:` and write `{"{"}name{"}"}`
unbalanced-bracket = “{ $mark }” in { $place } has no matching “{ $partner }”
    .hint = add the “{ $partner }”, or remove the “{ $mark }”
half-width-punctuation = half-width “{ $mark }” between Chinese characters in { $place }
    .hint = write the full-width “{ $wide }”
space-around-digits = a space between a Chinese character and a digit in { $place }
    .hint = remove the space: “2020年”, not “2020 年”
repeated-punctuation = repeated “{ $mark }” in { $place }
    .hint = remove the extra mark
missing-end-punctuation = { $place } does not end with a full stop
    .hint = end the sentence with “。” or “.”
long-word = { $place } has { $chars } characters without a space (“{ $start }…”), more than a line holds; the document breaks them where the line ends
    .hint = add a space where it may break, or shorten it (up to { $limit } characters stay whole)
double-numbering = { $place } starts with “{ $marker }”, but nianbao numbers it already
    .hint = remove “{ $marker }”: nianbao writes the number
mixed-numbering = { $place } is numbered “{ $marker }” in the style “{ $style }”, the other numbers in the style “{ $usual }”
    .hint = number one way throughout, “{ $usual }” (or write a `numbered:` list with `meta.numbering` and let nianbao number it)
chinese-numerals-in-english = `{ $written }` writes Chinese numerals in an English document
    .hint = write `{"{"}name{"}"}` or `{"{"}name:num{"}"}` in an English document

## Structure and dates

plan-year-plan-only = the plan is for { $planned }, but meta.year is { $expected }
    .hint = a plan-only document (no work parts) plans for meta.year: write the same year in both, or leave plans.year out
plan-year = the plan is for { $planned }, but the report covers { $period }
    .hint = a report on { $period } plans for { $expected } (or leave plans.year out)
invalid-half = `half: { $half }` is not a half: write 1 or 2
    .hint = half: 1 for January–June, 2 for July–December
invalid-period-date = `{ $field }: { $written }` is not a real date
    .hint = write the date as YYYY-MM-DD
    .hint-iso = write a date as year-month-day, in half-width digits and hyphens: `{ $field }: { $iso }`
period-alone = `from:` and `to:` go together
    .hint = e.g. from: 2022-03-01 and to: 2022-08-31
period-reversed = `from:` is after `to:`
    .hint = { period-alone.hint }
period-mixed = give either `half:` or `from:`/`to:`, not both
    .hint = { period-alone.hint }
invalid-document-date = `{ $written }` is not a real date
    .hint = write the date as YYYY-MM-DD, e.g. 2020-12-08
    .hint-iso = write a date as year-month-day, in half-width digits and hyphens: `date: { $iso }`
document-date-outside = the document is dated { $written }, outside the period { $period }
    .hint = a report on { $period } is dated between { $start } and { $latest } ({ $grace_days } days after the period ends)
date-in-text-outside = “{ $written }” in { $place } lies outside the period { $period }
    .hint = check the date: a summary covers its own period
date-in-text-not-real = “{ $written }” in { $place } is not a real date
    .hint = { date-in-text-outside.hint }
duplicate-section-title = the summary has a section “{ $title }” already
    .hint = merge the two sections or give them different titles
duplicate-plan-title = the plan has an item “{ $title }” already
    .hint = merge the two items or give them different titles
duplicate-plan-id = plan id `{ $id }` is used already
    .hint = each plan needs an id of its own
identical-text = { $place } repeats an earlier text
    .hint = remove one of them
section-without-points = { $place } “{ $title }” has no points
    .hint = write the section's work under `points:`
part-heading = part { $number } (role: { $role }) has no heading
    .hint = write its `heading:`; only the first part of role work, problems or plans has a derived one
empty-part = part { $number } “{ $heading }” has nothing under it
    .hint = write its `points:`, `items:`, `body:` or `sections:`, or remove the part
section-too-deep = the section “{ $title }” is at level { $level }; a 公文 has four levels at most
    .hint = merge it into the level above, or write it as paragraphs or items
empty-text = { $place } is empty
    .hint = write the text or remove the entry

## Activities and plan follow-up

derived-mismatch = “{ $count }” is declared { $declared } but its activities add up to { $sum }
    .hint = activities summed: { $activities }
figure-of-no-count = activity figure `{ $name }` adds to no count
    .hint = define `{ $name }` under `counts:` (without a value, the activities add up to it)
activity-date-outside = activity “{ $title }” is dated { $date }, outside { $period }
    .hint = write a date of the period as YYYY-MM-DD
activity-date-invalid = activity “{ $title }” has no real date: `{ $date }`
    .hint = { activity-date-outside.hint }
unknown-section = activity “{ $title }” belongs to “{ $section }”, which is no section
plan-not-fulfilled = last period's plan “{ $title }” (`{ $id }`) is fulfilled by no section
    .hint = write `fulfils: { $id }` in the section that reports on it, or say why it was not done
fulfils-no-plan = `fulfils: { $id }` names no plan of last period
    .hint = last period's plan ids are in { $previous }

## What cannot make a right document

control-character = a control character U+{ $code_point } in { $place }
    .hint = remove it: carriage returns, escapes and the like change the document's structure or display
line-break = a line break in { $place }, which is one line
    .hint = write it on one line; text that needs paragraphs belongs in the body
year-out-of-range = `{ $field }: { $year }` is not a year between 1900 and 2100
    .hint = write the year in four digits, e.g. 2020
figure-not-finite = count “{ $count }” has a value that is not a finite number
    .hint = write the real figure; leave `value:` out until it is known
figure-too-large = count “{ $count }” has a value above 10¹⁵
    .hint = check the figure; money can be counted in larger units (万元, 亿元)
figure-not-counted = count “{ $count }” counts { $unit }, but its value is { $value }
    .hint = a number of people or things is a whole number, at least 0; write a change as a count of its own, marked `signed: true`
unknown-rule = unknown rule `{ $name }`

## Reading the input

input-too-large = the input is { $megabytes } MB; nianbao reads inputs up to { $limit } MB
    .hint = a year's report is far smaller: split activity logs into a folder of files
document-too-large = the document's text is at least { $megabytes } MB once its aliases and references are expanded; nianbao makes documents of up to { $limit } MB (about 1 000 pages)
    .hint = an alias (*name) counts its text at each use; a year's report is far smaller
not-utf8 = the file is not valid UTF-8 (first bad byte at offset { $offset })
    .hint = save the file as UTF-8
utf16 = the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8
    .hint = save the file as UTF-8 (Notepad: Save As → Encoding UTF-8)
empty-file = the file is empty
    .hint = an input needs at least `meta:` and `summary:`; see `nianbao explain E0003`
unknown-field = unknown field `{ $field }`
    .hint = the fields allowed here are: { $allowed }
unknown-value = unknown value `{ $value }`
    .hint = write one of: { $allowed }
missing-field-in = missing field `{ $field }` in `{ $parent }`
    .hint = add `{ $field }:` under `{ $parent }:`
missing-field = missing field `{ $field }`
    .hint = add `{ $field }:` to this mapping
missing-top-field = missing field `{ $field }`
    .hint = add `{ $field }:` at the top level; see `nianbao explain E0003`
    .hint-parts = write the body at the top level: `parts:` listing the parts, or the shorthand `summary:` (with `problems:`, `plans:`); see `nianbao explain E0003`
missing-in-folder = no file of the folder defines `{ $field }`
    .hint = write `{ $field }:` in the folder's main file, e.g. report.yaml
parts-and-shorthand = `parts` and `summary`/`problems`/`plans` both write the body
    .hint = write the body one way: `parts:` listing every part, or the shorthand `summary:`, `problems:`, `plans:`
duplicate-key = duplicate key `{ $key }`
    .hint = each key may appear once in a mapping: remove or rename one
duplicate-key-unnamed = duplicate key
    .hint = { duplicate-key.hint }
defined-twice-part = `{ $part }` is defined in two files
    .hint = keep it in one file of the folder; the others add activities, counts and sections
defined-twice-section = the section “{ $title }” is defined in two files
    .hint = { defined-twice-part.hint }
defined-twice-count = the count `{ $name }` is defined in two files
    .hint = { defined-twice-part.hint }
defined-twice-rule-setting = the rule setting `{ $name }` is defined in two files
    .hint = { defined-twice-part.hint }
expected-list = expected a list here
    .hint = for what this field takes, see `nianbao explain E0002`
expected-mapping = expected a mapping (key: value) here
    .hint = { expected-list.hint }
expected-text = expected text here
    .hint = { expected-list.hint }
expected-quoted-text = expected text here
    .hint = text that starts with `{"{"}` must be quoted: '{"{"}name{"}"}人次……'
expected-other = expected { $other } here
    .hint = { expected-list.hint }
invalid-value = { $detail }: `{ $value }`
    .hint = { expected-list.hint }
invalid-value-unquoted = { $detail }
    .hint = { expected-list.hint }
input-limit-values = the input holds more than { $limit } YAML values (keys, values, items)
    .hint = nianbao reads at most { $values } values, { $depth } levels of nesting and { $aliases } aliases (`nianbao explain E0006`)
input-limit-depth = the input is nested deeper than { $limit } levels
    .hint = { input-limit-values.hint }
input-limit-aliases = the input holds more than { $limit } aliases (*name) or anchors (&name)
    .hint = { input-limit-values.hint }
input-limit-reader = the input passes a limit of the YAML reader
    .hint = { input-limit-values.hint }
yaml-tag = a YAML tag `{ $tag }` on { $place }
    .hint = remove the tag: nianbao reads plain text and figures only
multiple-documents = the file holds more than one YAML document: a second `---` starts another
    .hint = an input is one document: remove the extra `---`, or put the second part in a file of its own in a folder input
yaml-syntax = { $detail }
    .hint = check indentation, quotes and the `key: value` form on this line

## Slips of people new to YAML

slip-full-width-colon = a full-width colon “：” after the key `{ $key }`
    .hint = replace the full-width colon “：” with a half-width colon “:” and a space: `{ $fixed }`
    .hint-label = replace the full-width colon “：” with a half-width colon “:” and a space; “{ $key }” is written `{ $field }` in the file: `{ $fixed }`
slip-no-space-after-colon = no space after the colon “:” of the key `{ $key }`
    .hint = put a space after the colon “:”: `{ $fixed }`
    .hint-label = put a space after the colon “:”; “{ $key }” is written `{ $field }` in the file: `{ $fixed }`
slip-no-space-after-dash = no space after the “-” of a list item
    .hint = put a space after the “-”: `{ $fixed }`
slip-tab-indent = a tab in the indentation
    .hint = indent with half-width spaces only: replace the blanks that start this line with { $spaces } spaces
    .hint-align = indent with half-width spaces only: remove the tab and align the line with spaces to the line above at its level
slip-full-width-space-indent = a full-width space “　” in the indentation
    .hint = indent with half-width spaces only: replace the blanks that start this line with { $spaces } spaces
    .hint-align = indent with half-width spaces only: remove the full-width space and align the line with spaces to the line above at its level
slip-leading-quote = the text starts with a quote: YAML reads “{ $quoted }” as the whole text, and the words after it are left over
    .hint = use Chinese quotes: `{ $fixed }`; or quote the whole text with single quotes: `{ $wrapped }`
slip-colon-in-text = the half-width colon “:” in this text makes YAML read the line as “key: value”
    .hint = write a full-width colon “：”: `{ $fixed }`; or quote the whole text with single quotes: `{ $wrapped }`
    .hint-quote = quote the whole text with single quotes: `{ $wrapped }`
slip-number-with-unit = `{ $written }` is a number with its unit; `{ $key }:` takes the number only
    .hint = a number is written without its unit: write { $number }, and the unit as unit: { $unit }
    .hint-no-unit = a number is written without its unit: write `{ $key }: { $number }`
slip-full-width-digits = `{ $written }` is written in full-width digits
    .hint = write half-width digits: `{ $key }: { $digits }`
slip-label-as-key = `{ $key }` is the editing page's name of the field `{ $field }`
    .hint = replace `{ $key }:` with `{ $field }:`
slip-here-too = here too
slip-missing-dash = this line lacks the “- ” that starts a list item
    .hint = put a half-width hyphen and a space before the text: `{ $fixed }`
slip-full-width-dash = the list item starts with a full-width “{ $dash }”
    .hint = write a half-width hyphen “-” and a space: `{ $fixed }`
not-a-number = `{ $written }` is not a number
    .hint = write it in digits, e.g. `411`; the unit goes in `unit:`
    .hint-plain = `{ $key }:` takes half-width digits only
    .hint-digits = write it in digits: `{ $key }: { $digits }`
not-a-whole-number = `{ $written }` is not a whole number
    .hint = write a whole number in digits, e.g. `2020`
number-too-large = `{ $written }` is too large
    .hint = check the number: this field takes a year or a count

## Rollup (nianbao rollup)

rollup-other-period = `{ $path }` reports on { $year }, the first input on { $first_year }
    .label = the first input's year
    .hint = a rollup adds up the reports of one period
rollup-unit-differs = count “{ $count }” has the unit “{ $unit }”, where `{ $first_path }` has “{ $first_unit }”
    .hint = counts of one name are added up: give them one unit and one meaning, or different names
rollup-label-differs = count `{ $name }` has the label “{ $label }”, where `{ $first_path }` has “{ $first_label }”
    .hint = { rollup-unit-differs.hint }
rollup-total-too-large = count “{ $count }” adds up to { $total }, not below 10¹⁵: { $unions }
    .hint = a rollup writes no total a document cannot print: check these figures; money can be counted in larger units (万元, 亿元)
rollup-union-figure = { $organisation } ({ $value })
list-separator = ,{" "}

## Typesetting (a user's style file)

style-over-time = typesetting with the style file `{ $file }` took longer than { $seconds } s; stopped, nothing was written
style-over-memory = typesetting with the style file `{ $file }` took more than { $gigabytes } GB of memory; stopped, nothing was written
style-not-tried = the style file could not be tried: { $error }
style-over-limit =
    .hint = a style file may take at most { $seconds } s and { $gigabytes } GB for a document; look for a loop or a large range() in it
doc-number-brackets = the 发文字号 “{ $number }” puts its year in brackets other than 〔〕
    .hint = write the year in 六角括号: 〔2021〕
doc-number-first = the 发文字号 “{ $number }” has “第” before its number
    .hint = write the number without 第: 〔2021〕15号
doc-number-zero = the 发文字号 “{ $number }” has a leading zero in its number
    .hint = write the number without leading zeros: 〔2021〕5号, not 〔2021〕005号
doc-number-end = the 发文字号 “{ $number }” does not end in 号
    .hint = write 代字〔year〕number号: 〔2021〕15号
doc-number-year = the 发文字号 “{ $number }” is of { $year }, the document is dated in { $date_year }
    .hint = write the year of the date in 〔〕, or correct `meta.date`
missing-addressee = a { $kind } needs a 主送机关
    .hint = write the organ it goes to in `document.addressee`
request-ending = the 请示 does not end with a request for instruction
    .hint = end its last paragraph with “妥否，请批示。” or similar
record-without-kind = 抄送 and 印发 stand in the 版记 of a 公文; this document has no `document.kind`
    .hint = give `document.kind` (报告, 请示, 通知, 函, 纪要), or remove `cc:`, `printer:` and `printed:`
record-letter = a 函's 版记 has no 印发机关 or 印发日期
    .hint = remove `printer:` and `printed:`; a 函 keeps `cc:` only
record-incomplete = `printer:` and `printed:` go together: the 印发机关 and the 印发日期
    .hint = write both, or neither
record-date = the 印发日期 is not a real date written YYYY-MM-DD
    .hint = write it like 2021-01-05
seal-empty = the seal is empty
    .hint = choose a PNG or SVG image of the seal, or write space for a seal stamped by hand
seal-unreadable = the seal image “{ $path }” cannot be read
    .hint = give a PNG or SVG file beside the input, or `seal: space`
seal-format = the seal image “{ $path }” is neither PNG nor SVG
    .hint = save the seal as PNG (with a transparent background) or SVG
signatures-empty = “Signatures with seals” is empty
    .hint = write each organ's name and seal, or remove “Signatures with seals”
signatures-and-seal = the signatures have their seals, so the separate “Seal” is not written
    .hint = remove this separate “Seal”
signatures-seal-and-stamp = a signature has both a seal and a 签名章
    .hint = an organ's name goes with its seal, a 签发人's post with their 签名章: one of them
signatures-unsealed = in a sealed 联合行文 every organ has its own seal; this signature has none
    .hint = choose a seal image for it (or write space for a seal stamped by hand), or give no signature a seal
signatures-unstamped = with 签名章, every 签发人 has one; this signature has none
    .hint = choose a 签名章 image for it; seals and 签名章 are not mixed
signatures-stamp-space = a 签名章 is an image, not space left for stamping
    .hint = choose the 签名章's PNG or SVG image
joint-issuer-one-line = the 标志 “{ $line }” puts several organs on one line
    .hint = in a 联合行文 each organ has a line, the host first, and "文件" a line of its own last (on the page, “+ Add a point”)
joint-issuer-wenjian = the 联合行文's "文件" stands on the line of an organ ({ $line })
    .hint = give "文件" a line of its own, last: it is set to the right of the organs, centred on them
