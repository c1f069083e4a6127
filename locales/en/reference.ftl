# The guide's reference pages made from the code (docs/src/reference/,
# written by `nianbao reference`).

ref-generated = This page is made from the program by `nianbao reference --out docs/src/reference`; do not edit it by hand: `cargo test` fails when it is stale.
ref-cli-title = Command-line reference
ref-cli-intro = One page per command, the same as `nianbao COMMAND --help` prints (in Chinese where the locale is Chinese, else in English). `nianbao completions bash` writes the shell completions and `nianbao man` the manual page, from the same definition.
ref-cli-commands = Commands
ref-cli-usage = Usage
ref-cli-arguments = Arguments and options
ref-cli-help = `{ $command } --help` in full
ref-cli-english = English
ref-col-command = Command
ref-col-option = Argument or option
ref-col-default = Default
ref-col-values = Values
ref-col-help = What
ref-input-title = Input field reference
ref-input-intro = Every field of an input: where it is written, its name, the type of its value, what it is when left out, and an example. The field is the YAML key, followed by the label the editing page shows. A field written wrong or unknown is error E0004, a value of the wrong type E0002. How to write a whole input: [Input format](../en/input.md).
ref-input-other = 中文：[输入格式参考](input.md)
ref-col-field = Field and label
ref-col-type = Type
ref-col-example = Example
ref-codes-title = Diagnostic codes
ref-codes-intro = Every code `nianbao check` reports. Each section is what `nianbao explain CODE --lang en` prints; the rule name is for an input's `settings: rules:`.
ref-codes-other = 中文：[诊断代码参考](codes.md)
ref-col-code = Code
ref-col-rule = Rule name
ref-col-level = Default level
ref-col-what = What
guide-title = nianbao user guide
