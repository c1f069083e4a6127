# Other words: the pages of `nianbao explain`, the document's heading words, the
# rollup, typesetting.

## nianbao explain

explain-title = { $id } { $name } (default level: { $level })
explain-error = error
explain-warning = warning
explain-example = Example:{" "}
explain-example-input = Example (this input, checked, shows { $id }):
explain-fix = Fix:{" "}
explain-rule = Rule name `{ $name }`: an input's `settings: rules:` can set it to allow, warn or deny.
explain-rule-deny-only = Rule name `{ $name }`: an input's `settings: rules:` can deny it but not allow it (it would make a wrong document).
explain-unknown = no diagnostic code or rule name `{ $code }`
    .hint = `nianbao check --help` lists the codes, e.g. `nianbao explain E0608`

## Periods

period-year = { $year }
period-first-half = the first half of { $year }
period-second-half = the second half of { $year }
# After a period of the same year (Chinese drops the year there; English keeps it).
period-first-half-same-year = the first half of { $year }
period-second-half-same-year = the second half of { $year }
period-months = { $from_month } to { $to_month } { $to_year }
period-months-years = { $from_month } { $from_year } to { $to_month } { $to_year }

## The document's title and heading words

title-report = { $organisation }: Work Report for { $period }
title-report-and-plan = { $organisation }: Work Report for { $period } and Plan for { $next }
title-half-report-and-plan = { $organisation }: Work Report for { $period } and Plan for { $next }
title-plan = { $organisation }: Plan for { $period }
heading-summary = Work in { $period }
heading-problems = Problems
heading-plans = Plans for { $period }
heading-plans-plan-only = Plans for { $period }
heading-attachment = Annex
attachments-note = Annexes:{" "}
comparison-title = Figures of { $this } against { $last }
comparison-label = Appendix
comparison-item = Item
comparison-change = Change
# The name of the DOCX's text box that holds the 版记 (Word's selection pane lists it).
docx-record-box = Copies and printing

## nianbao import --dry-run: what was left out

import-dropped = page furniture left out ({ $count }):
import-dropped-line = line { $line }: { $text }

## nianbao build --kind

build-kind-shows-nothing = `{ $input }` has no part that `--kind { $kind }` shows (a plan shows the parts with `role: plans`, a summary the others): the document would be its title and nothing else; nothing was written
## nianbao next: the comment and placeholder of next period's input

# A placeholder: check reports it as one (validate::PLACEHOLDERS holds it).
next-todo = TODO.
next-header =
    { $next } — started by `nianbao next` from the input for { $period }.
    Fill in the points (marked { $todo }) and the counts' values (carried over from last period
    without them); `nianbao check` lists what is left.
# The comment beside the document date (next and rollup write it).
draft-date-comment = the document date: change it when the document is done

## nianbao rollup: the federation's input and the CSV table

rollup-item = Item
rollup-union = Union
rollup-total = Total
rollup-column = { $label } ({ $unit })
rollup-point = { $label }, all grassroots unions: {"{"}{ $name }{"}"}.
rollup-point-unlabelled = All grassroots unions: {"{"}{ $name }{"}"}.
rollup-attachment-title = The grassroots unions' main figures, { $period }
rollup-header =
    { $period } — started by `nianbao rollup` from { $count } grassroots inputs.
    The counts are their totals (`from:` lists the unions each adds up); the table in
    the attachment gives every union's figures. Write the federation's own text in `parts:`.

## Against last year ({name:change} and the comparison table's Change column)

change-unknown = (no figure for last year)
change-none = unchanged from last year
change-up = up { $amount } on last year
change-up-percent = up { $amount } ({ $percent }) on last year
change-down = down { $amount } on last year
change-down-percent = down { $amount } ({ $percent }) on last year

## Activities: one line by date ("8 March: Women's Day event. …"); $month is the month's name

activity-line = { $day } { $month }: { $title }. { $text }
cover-title-notice = Notice on issuing “{ $title }”
cover-title-report = Report submitting { $title }
cover-title-request = Request concerning { $title }
cover-title-letter = Letter concerning { $title }
cover-title-minutes = Minutes: { $title }
gongwen-signers = Signed off by:{" "}
gongwen-addressee = { $addressee }:
gongwen-annotation = ({ $text })
gongwen-cc = Copies to: { $organs }.
gongwen-cc-separator = ,{" "}
gongwen-printed = printed on { $date }

## A count as the editor lists it: its label and figure (birthday visits: 411)

count-display = { $label }: { $figure }
