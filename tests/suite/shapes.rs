//! Every shape of real work summary: four heading levels, run-in headings, mixed
//! bodies, tables, attachments, half-years, the three kinds, plans that carry
//! over, and English documents. Checked on the Markdown and on the PDF text.

use crate::common::*;

use std::path::Path;

/// Builds an input of `inputs/` with extra arguments; returns (Markdown, PDF text).
fn built(input: &str, extra: &[&str]) -> (String, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let out = build(&repo().join("inputs").join(input), dir.path(), extra);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let stem = Path::new(input)
        .file_stem()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let md = read(&dir.path().join(format!("{stem}.md")));
    let text = pdf_text(&dir.path().join(format!("{stem}.pdf")));
    (md, text, dir)
}

#[test]
fn half_year_report_with_four_levels_run_in_headings_a_table_and_an_attachment() {
    let (md, text, dir) = built("2022-H1.yaml", &[]);
    for line in [
        "# 某区教育工会<br>2022年上半年工作总结和下半年工作计划",
        "## 一、2022年上半年工作总结",
        "**（一）基层组织建设**。按期完成7所学校工会换届，全区46所基层工会组织健全",
        "### （二）维护教职工合法权益",
        "#### 1、教代会制度建设",
        "##### （1）规范提案办理",
        "一是全区学校教代会共收到提案38件，已办结31件，其余正在办理。",
        "1. 春节期间走访慰问困难教职工23户，发放帮扶资金8.5万元。",
        "| 工会干部培训 | 212人次 | 线上线下结合 |",
        "## 三、下半年主要工作",
        "附件：2022年上半年基层工会换届情况表",
        "2022年7月6日",
        "| 第一中学 | 2022年3月 | 王喆 |",
    ] {
        assert!(
            md.lines().any(|l| l == line || l.starts_with(line)),
            "{line:?} not in\n{md}"
        );
    }
    let squeezed = squeeze(&text);
    assert!(squeezed.contains("（一）基层组织建设。按期完成"), "{text}");
    assert!(
        squeezed.contains("1、教代会制度建设（1）规范提案办理"),
        "{text}"
    );
    assert!(
        squeezed.contains("工会干部培训212人次线上线下结合"),
        "{text}"
    );
    // The attachment starts a page: its last page begins with 附件 and the title.
    let pdf = dir.path().join("2022-H1.pdf");
    let last_page = pdf_pages(&pdf).pop().unwrap();
    assert!(
        squeeze(&last_page).starts_with(
            "附件2022年上半年基层工会换届情况表学校换届时间新任主席第一中学2022年3月王喆"
        ),
        "{last_page}"
    );
}

#[test]
fn the_plan_kind_holds_the_five_plans_and_nothing_of_the_summary() {
    let (md, text, _dir) = built("2020.yaml", &["--kind", "plan"]);
    // 21 characters of 22 pt do not fit a line: the title breaks after the organisation.
    assert!(
        md.starts_with("# 广东邮电职业技术学院学院工会<br>2021年工作计划\n"),
        "{md}"
    );
    for n in ["（一）", "（二）", "（三）", "（四）", "（五）"] {
        assert!(md.contains(&format!("\n**{n}")), "{n} missing in\n{md}");
    }
    for absent in [
        "2020年工作总结",
        "一是",
        "存在的问题",
        "生日慰问",
        "2020年，在广东公司工会",
    ] {
        assert!(!md.contains(absent), "{absent:?} in the plan:\n{md}");
        assert!(
            !squeeze(&text).contains(absent),
            "{absent:?} in the plan's PDF"
        );
    }
    assert!(squeeze(&text).contains("（五）守正创新，加强工会自身建设。加强工会干部"));
    assert!(md.contains("学校工会办\\\n2020年12月8日"));
}

#[test]
fn the_summary_kind_has_no_plan() {
    let (md, _, _dir) = built("2020.yaml", &["--kind", "summary", "--format", "md,pdf"]);
    assert!(
        md.starts_with("# 广东邮电职业技术学院学院工会<br>2020年工作总结\n"),
        "{md}"
    );
    assert!(md.contains("## 二、存在的问题"));
    assert!(!md.contains("2021年主要工作"));
    assert!(!md.contains("守正创新"));
}

#[test]
fn english_report_has_english_headings_numbers_dates_and_a_serif() {
    let (md, text, dir) = built("branch-2023-en.yaml", &[]);
    for line in [
        "# Riverside Hospital Staff Union Branch: Work Report for 2023 and Plan for 2024",
        "## 1. Work in 2023",
        "### 1.1 Membership and organisation",
        "#### (a) Outcomes",
        "**(b) Pay and grading**. The branch supported the regrading claim",
        "## 2. Problems",
        "1. Turnout at branch meetings remains low on night shifts;",
        "## 3. Plans for 2024",
        "**3.1 Train a representative for every ward**. We will run two courses",
        "15 January 2024",
    ] {
        assert!(
            md.lines().any(|l| l.starts_with(line)),
            "{line:?} not in\n{md}"
        );
    }
    assert!(text.contains("15 January 2024"), "{text}");
    assert!(
        squeeze(&text).contains("WangZhe(王喆)andLiKun(李堃)"),
        "{text}"
    );
    let fonts = pdf_fonts(&dir.path().join("branch-2023-en.pdf"));
    for family in ["LibertinusSerif-Regular", "LibertinusSerif-Bold"] {
        assert!(
            fonts
                .iter()
                .any(|f| f.family().starts_with(family) && f.embedded),
            "{family} not in {fonts:#?}"
        );
    }
}

#[test]
fn endings_opening_and_problems_as_a_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let variants = [
        (
            "signature-only.yaml",
            "  signature: 工会办\n  ending: signature\n",
            true,
            false,
        ),
        (
            "date-only.yaml",
            "  signature: 工会办\n  ending: date\n",
            false,
            true,
        ),
        (
            "neither.yaml",
            "  signature: 工会办\n  ending: none\n",
            false,
            false,
        ),
    ];
    for (name, meta, signature, date) in variants {
        let text = MINIMAL.replace("  signature: 工会办\n", meta);
        let input = write_input(&dir, name, &text);
        let out = build(&input, dir.path(), &["--format", "md"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let md = read(&input.with_extension("md"));
        assert_eq!(md.contains("工会办"), signature, "{name}:\n{md}");
        assert_eq!(md.contains("2020年12月8日"), date, "{name}:\n{md}");
        assert_eq!(
            md.contains("nianbao:closing"),
            signature || date,
            "{name}:\n{md}"
        );
    }
    let text = MINIMAL.replace(
        "  signature: 工会办\n",
        "  signature: 工会办\n  problems_as: paragraph\n",
    ) + "problems:\n  - 活动形式单一\n  - 经费不足\n";
    let input = write_input(&dir, "paragraph.yaml", &text);
    let out = build(&input, dir.path(), &["--format", "md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&input.with_extension("md"));
    assert!(md.contains("\n一是活动形式单一；二是经费不足。\n"), "{md}");
    assert!(!md.contains("opening"), "no opening paragraph");
    assert!(
        md.starts_with("# 某某工会2020年工作总结及2021年工作计划\n\n## 一、"),
        "{md}"
    );
}

/// `nianbao next THIS -o NEXT`, succeeded: the input it wrote.
fn next(this: &Path, next: &Path) -> String {
    let out = nianbao(&["next", this.to_str().unwrap(), "-o", next.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    read(next)
}

#[test]
fn next_starts_the_next_year_from_the_plans_and_check_follows_them_up() {
    let dir = tempfile::tempdir().unwrap();
    let this_year = dir.path().join("2020.yaml");
    std::fs::copy(repo().join("inputs/2020.yaml"), &this_year).unwrap();
    let next_year = dir.path().join("2021.yaml");
    let yaml = next(&this_year, &next_year);
    assert!(yaml.contains("  year: 2021\n"), "{yaml}");
    assert!(yaml.contains("      fulfils: care-for-staff\n"), "{yaml}");
    assert!(
        yaml.contains("  birthday_visits: {unit: 人, label: 生日慰问}\n"),
        "{yaml}"
    );
    assert!(!yaml.contains("value:"), "{yaml}");
    // A whole document of the seed's shape: an opening, problems and the plan
    // of the year after, in the same areas, with ids made for them.
    assert!(yaml.contains("\nopening: 待补充。\n"), "{yaml}");
    assert!(yaml.contains("\nproblems:\n  - 待补充。\n"), "{yaml}");
    assert!(
        yaml.contains(
            "\nplans:\n  sections:\n    - id: plan-1\n      title: 深入学习贯彻习近平新时代中国特色社会主义思想为指导，坚定政治方向，凝聚奋进力量\n      text: 待补充。\n    - id: plan-2\n      title: 坚持以人民为中心发展思想，关心关爱员工\n      text: 待补充。\n"
        ),
        "{yaml}"
    );

    // A valid file: check exits 0 and lists what is left to fill, whole: last
    // year's 18 counts, still to fill, in one warning; the opening, the five
    // sections' points, a problem and the five plans of the year after, each
    // to be written where it stands. 2020.yaml lies beside it, and all five
    // of its plans are taken up (no W0801).
    let out = nianbao(&["check", next_year.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    let folder = dir.path().to_str().unwrap();
    insta::assert_snapshot!("check_of_a_fresh_next_file", err.replace(folder, "DIR"));

    // A count filled and used: said no more, and compared with last year's
    // (411 in 2020.yaml); the others still to fill, in one warning.
    let filled = yaml
        .replace(
            "  birthday_visits: {unit: 人, label: 生日慰问}\n",
            "  birthday_visits: {value: 450, unit: 人, label: 生日慰问}\n",
        )
        .replacen(
            "\nopening: 待补充。\n",
            "\nopening: 全年生日慰问{birthday_visits}，{birthday_visits:change}。\n",
            1,
        );
    std::fs::write(&next_year, &filled).unwrap();
    let out = nianbao(&["check", next_year.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    assert!(
        err.starts_with("warning[W0102]: 17个统计数字还没有数值，正文中也还没有引用：“岗位创新工作室”“创新课题成果”“慰问援汉家属”“为滞留国外职工子女筹集口罩”“湖北员工线上座谈会”“新加入互助会员工”“办理互助金申领”“慰问困难员工”“慰问生病、结婚、孕期、生育员工”“夏送清凉、冬送温暖慰问用品”“职代会联席会议”“审议通过制度办法”“征集代表提案和意见”“处理中的提案”“主动公开信息类别”“主动公开信息”“宣传稿件”\n"),
        "{err}"
    );
    assert!(!err.contains("生日慰问”没有数值"), "{err}");
    assert!(err.ends_with("1 个文件：0 个错误，12 个警告\n"), "{err}");
    let out = nianbao(&[
        "build",
        next_year.to_str().unwrap(),
        "--format",
        "md",
        "-o",
        folder,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&next_year.with_extension("md"));
    assert!(
        md.contains("全年生日慰问450人，较上年增加39人，增长9.5%。"),
        "{md}"
    );
    std::fs::write(&next_year, &yaml).unwrap();

    // A plan that no section takes up is reported where the plan was made.
    std::fs::write(
        &next_year,
        yaml.replace("      fulfils: care-for-staff\n", ""),
    )
    .unwrap();
    let out = nianbao(&["check", next_year.to_str().unwrap(), "--lang", "en"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    assert!(
        err.contains("warning[W0801]: last period's plan “坚持以人民为中心发展思想，关心关爱员工” (`care-for-staff`) is fulfilled by no section"),
        "{err}"
    );
    let id_line = read(&this_year)
        .lines()
        .position(|l| l.contains("id: care-for-staff"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("2020.yaml:{id_line}:11")), "{err}");

    // next does not overwrite.
    let out = nianbao(&[
        "next",
        this_year.to_str().unwrap(),
        "-o",
        next_year.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 2);
}

#[test]
fn every_example_builds() {
    for input in ["2020.yaml", "2022-H1.yaml", "branch-2023-en.yaml"] {
        let (md, text, _dir) = built(input, &[]);
        assert!(!md.is_empty() && !text.is_empty(), "{input}");
    }
}

#[test]
fn any_date_range_is_a_period() {
    let dir = tempfile::tempdir().unwrap();
    let text = MINIMAL.replace(
        "  year: 2020\n  date: 2020-12-08\n",
        "  year: 2020\n  from: 2020-03-01\n  to: 2020-08-31\n  date: 2020-09-10\n",
    );
    let input = write_input(&dir, "range.yaml", &text);
    let out = build(&input, dir.path(), &["--format", "md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&input.with_extension("md"));
    assert!(
        md.starts_with("# 某某工会<br>2020年3月至8月工作总结及2021年工作计划\n"),
        "{md}"
    );
    assert!(md.contains("## 一、2020年3月至8月工作总结"), "{md}");
    // A date after the period's grace is refused; a backwards range too.
    let late = write_input(&dir, "late.yaml", &text.replace("2020-09-10", "2021-03-01"));
    let out = nianbao(&["check", late.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("outside the period March to August 2020"),
        "{}",
        stderr(&out)
    );
    let backwards = write_input(
        &dir,
        "backwards.yaml",
        &text.replace("to: 2020-08-31", "to: 2020-02-01"),
    );
    let out = nianbao(&["check", backwards.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("error[E0203]: `from:` is after `to:`"),
        "{}",
        stderr(&out)
    );
}

/// `{{` and `}}` write one brace in every text: the body, the title, units and labels.
#[test]
fn literal_braces_are_the_same_in_title_units_and_body() {
    let dir = tempfile::tempdir().unwrap();
    let text = MINIMAL
        .replace(
            "  signature: 工会办\n",
            "  signature: 工会办\n  title: 某某工会{{试行}}总结\n",
        )
        .replace(
            "{ value: 411, unit: 人 }",
            "{ value: 411, unit: \"人{{次}}\" }",
        )
        .replace("生日慰问{visits}。", "生日慰问{visits}，另见{{附表}}。");
    let input = write_input(&dir, "r.yaml", &text);
    let out = build(&input, dir.path(), &["--format", "md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&dir.path().join("r.md"));
    assert!(md.starts_with("# 某某工会\\{试行\\}总结\n"), "{md}");
    assert!(
        md.contains("生日慰问411人\\{次\\}，另见\\{附表\\}。"),
        "{md}"
    );
}

/// Last year's input named after its title (as 新建, 导入 and `new` name
/// them) is found beside this year's and its plans followed up; another
/// office's input of the same year beside them is not taken for it, even
/// when newer.
#[test]
fn last_years_input_named_after_its_title_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir
        .path()
        .join("广东邮电职业技术学院学院工会2020年工作总结及2021年工作计划.yaml");
    std::fs::copy(repo().join("inputs/2020.yaml"), &last).unwrap();
    let this = dir
        .path()
        .join("广东邮电职业技术学院学院工会2021年工作总结.yaml");
    let written = next(&last, &this);
    std::fs::write(
        &this,
        written.replace("      fulfils: care-for-staff\n", ""),
    )
    .unwrap();
    let other = dir.path().join("某某区教育工会2020年工作总结.yaml");
    std::fs::write(
        &other,
        read(&last).replace(
            "organisation: 广东邮电职业技术学院学院工会",
            "organisation: 某某区教育工会",
        ),
    )
    .unwrap();
    let out = nianbao(&["check", this.to_str().unwrap(), "--lang", "en"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    let id_line = read(&last)
        .lines()
        .position(|l| l.contains("id: care-for-staff"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "warning[W0801]: last period's plan “坚持以人民为中心发展思想，关心关爱员工” (`care-for-staff`) is fulfilled by no section\n  --> {}:{id_line}:11",
            last.display()
        )),
        "{err}"
    );
    assert_eq!(err.matches("W0801").count(), 1, "{err}");
    // Without last year's input, nothing to follow up.
    std::fs::remove_file(&last).unwrap();
    let out = nianbao(&["check", this.to_str().unwrap(), "--lang", "en"]);
    assert!(!stderr(&out).contains("W0801"), "{}", stderr(&out));
}

/// A plan that names a figure ("开展干部培训{trainings}") heads next year's
/// section with the figure as it printed (next year's count has no value
/// yet, and a heading of 开展干部培训（待统计） would be wrong); its literal
/// braces stay text.
#[test]
fn next_writes_a_plans_figures_into_its_heading() {
    let dir = tempfile::tempdir().unwrap();
    let this_year = write_input(
        &dir,
        "2020.yaml",
        &MINIMAL
            .replace(
                "  visits: { value: 411, unit: 人 }\n",
                "  visits: { value: 411, unit: 人 }\n  trainings: { value: 3, unit: 期 }\n",
            )
            .replace(
                "    - id: care\n      title: 关心关爱员工\n",
                "    - id: care\n      title: 关心关爱员工\n      text: 继续开展慰问。\n    - id: training\n      title: 开展干部培训{trainings}，编写{{培训手册}}。\n",
            )
            .replacen("      text: 继续开展慰问。\n", "", 1),
    );
    let next_year = dir.path().join("2021.yaml");
    let yaml = next(&this_year, &next_year);
    assert!(
        yaml.contains("    - title: 开展干部培训3期，编写{{培训手册}}\n      fulfils: training\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("    - id: plan-2\n      title: 开展干部培训3期，编写{{培训手册}}\n"),
        "{yaml}"
    );
    let out = nianbao(&[
        "build",
        next_year.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&dir.path().join("2021.md"));
    assert!(
        md.contains("### （二）开展干部培训3期，编写\\{培训手册\\}\n"),
        "{md}"
    );
}
