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

## nianbao import --dry-run: what was left out

import-dropped = page furniture left out ({ $count }):
import-dropped-line = line { $line }: { $text }

## nianbao build --kind

build-kind-shows-nothing = `{ $input }` has no part that `--kind { $kind }` shows (a plan shows the parts with `role: plans`, a summary the others): the document would be its title and nothing else; nothing was written
