# Places in diagnostics: "summary section 2, point 3", "part 2, heading". A place
# is built from the outside in: the part (place-summary …), a section or item in
# it, then the field, named by the field's label-FIELD.place in page.ftl (the
# same definition as the editing page's form).

# A field: "summary section 2," + "title".
place-field = { $at } { $field }
place-organisation = meta.{ label-organisation.place }
place-opening = the { label-opening.place }

## The parts (an item or field follows directly)

place-summary = summary
place-problems = problem
place-plans = plan
place-part = part { $n },
place-attachment = attachment { $n },

## The sections of a part (a number follows: "section 2")

place-sections-summary = summary section
place-sections-problems = problems, section
place-sections-plans = plan, section
place-sections-part = part { $n }, section
place-sections-attachment = attachment { $n }, section
# A section; .within: followed by what is in it ("summary section 2, title").
place-section = { $at } { $path }
    .within = { $at } { $path },

## What they hold

place-point = { $at } point { $m }
place-list-item = { $at } item { $m }
place-item = { $at } item { $n },
# The shorthand's plans are sections of the plan: "plan section 2, text".
place-plan-item = { $at } section { $n },
place-paragraph = { $at } { label-paragraph.place }
place-table = { $at } { label-table.place }

## The fields of a count

place-count-field = the { $field } of count “{ $count }”
