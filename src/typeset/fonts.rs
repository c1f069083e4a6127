//! Fonts for the four roles of a 公文 (Song, FangSong, Hei, Kai, and bold Song for
//! the title). nianbao carries free fonts for each role, embedded in the binary, and
//! prefers installed fonts under the customary names. Everything is loaded once per
//! process; the fallback for rare ideographs only when a document needs it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::Font;

use crate::diag::{Code, Diagnostic};
use crate::locale::{tr, user_lang};
use crate::model::Lang;

/// A role a font plays in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// 小标宋: the title, bold Song.
    Title,
    /// 宋体: page numbers.
    Song,
    /// 仿宋: the body.
    Fang,
    /// 黑体: level-1 headings.
    Hei,
    /// 楷体: level-2 and run-in headings.
    Kai,
    /// The serif of English documents (body, headings, title).
    Serif,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Title,
        Role::Song,
        Role::Fang,
        Role::Hei,
        Role::Kai,
        Role::Serif,
    ];

    /// The key the style file uses: `fonts.fang` …
    pub fn key(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Song => "song",
            Role::Fang => "fang",
            Role::Hei => "hei",
            Role::Kai => "kai",
            Role::Serif => "serif",
        }
    }

    /// What the role sets, as `nianbao fonts` lists it, in the user's language.
    pub fn describe(self) -> &'static str {
        // Written once for each language, for the life of the process.
        static WORDS: [OnceLock<Vec<String>>; 2] = [OnceLock::new(), OnceLock::new()];
        let lang = user_lang();
        let words = WORDS[match lang {
            Lang::Zh => 0,
            Lang::En => 1,
        }]
        .get_or_init(|| {
            Role::ALL
                .iter()
                .map(|r| tr!(lang, r.describe_key()))
                .collect()
        });
        let at = Role::ALL
            .iter()
            .position(|r| *r == self)
            .expect("a role of ALL");
        &words[at]
    }

    fn describe_key(self) -> &'static str {
        match self {
            Role::Title => "font-role-title",
            Role::Song => "font-role-song",
            Role::Fang => "font-role-fang",
            Role::Hei => "font-role-hei",
            Role::Kai => "font-role-kai",
            Role::Serif => "font-role-serif",
        }
    }

    /// The customary names, preferred when such a font is installed.
    pub fn customary(self) -> &'static [&'static str] {
        match self {
            Role::Title => &[
                "FZXiaoBiaoSong-B05S",
                "FZXiaoBiaoSong-B05",
                "方正小标宋简体",
                "方正小标宋_GBK",
            ],
            Role::Song => &["SimSun", "宋体", "STSong", "Songti SC"],
            Role::Fang => &[
                "FangSong_GB2312",
                "仿宋_GB2312",
                "FangSong",
                "仿宋",
                "STFangsong",
            ],
            Role::Hei => &["SimHei", "黑体", "STHeiti", "Heiti SC"],
            Role::Kai => &["KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti"],
            Role::Serif => &[],
        }
    }

    /// The family of the free font nianbao carries for the role.
    pub fn carried(self) -> &'static str {
        match self {
            Role::Title | Role::Song => "FandolSong",
            Role::Fang => "FandolFang R",
            Role::Hei => "FandolHei",
            Role::Kai => "FandolKai",
            Role::Serif => "Libertinus Serif",
        }
    }
}

/// The family of the carried fallback for ideographs the role fonts lack.
pub const FALLBACK_FAMILY: &str = "Noto Serif CJK SC";

struct Carried {
    file: &'static str,
    data: &'static [u8],
}

const CARRIED: [Carried; 5] = [
    Carried {
        file: "nianbao-song.otf",
        data: include_bytes!("../../fonts/nianbao-song.otf"),
    },
    Carried {
        file: "nianbao-song-bold.otf",
        data: include_bytes!("../../fonts/nianbao-song-bold.otf"),
    },
    Carried {
        file: "nianbao-fang.otf",
        data: include_bytes!("../../fonts/nianbao-fang.otf"),
    },
    Carried {
        file: "nianbao-hei.otf",
        data: include_bytes!("../../fonts/nianbao-hei.otf"),
    },
    Carried {
        file: "nianbao-kai.otf",
        data: include_bytes!("../../fonts/nianbao-kai.otf"),
    },
];

const CARRIED_FALLBACK: Carried = Carried {
    file: "nianbao-fallback-serif.otf",
    data: include_bytes!("../../fonts/nianbao-fallback-serif.otf"),
};

/// Where a font came from, for `nianbao fonts`.
#[derive(Clone, Debug)]
pub enum Origin {
    Carried(&'static str),
    File(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Carried(file) if file.ends_with(".otf") => f.write_str(&tr!(
                user_lang(),
                "font-carried",
                what = format!("fonts/{file}")
            )),
            Origin::Carried(what) => f.write_str(&tr!(user_lang(), "font-carried", what = what)),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// The fonts of a process.
pub struct FontSet {
    /// Installed fonts with customary names and `--font-path` fonts first, then
    /// the carried ones, in a fixed order (the order changes the PDF's bytes).
    fonts: Vec<(Font, Origin)>,
    fallback: OnceLock<Font>,
    /// The characters some font of `fonts` has, computed on first use.
    covered: OnceLock<Covered>,
    /// What the set was loaded from, to load it again in another process.
    pub options: FontOptions,
}

/// A set of characters, one bit each: a lookup costs the same for every
/// character, where a font's own coverage is a list of runs searched from the
/// start (thousands for a CJK font, for each character of each document).
struct Covered(Box<[u64]>);

impl Covered {
    fn of(fonts: &[(Font, Origin)]) -> Covered {
        let mut bits = vec![0u64; (char::MAX as usize + 1).div_ceil(64)].into_boxed_slice();
        for (font, _) in fonts {
            for c in font.info().coverage.iter() {
                if let Some(word) = bits.get_mut(c as usize / 64) {
                    *word |= 1 << (c % 64);
                }
            }
        }
        Covered(bits)
    }

    fn contains(&self, c: char) -> bool {
        let c = c as usize;
        self.0[c / 64] & (1 << (c % 64)) != 0
    }
}

/// Where to look for installed fonts (by default: nowhere, only the
/// carried fonts).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct FontOptions {
    /// Folders whose fonts are all added (`--font-path`).
    pub font_paths: Vec<PathBuf>,
    /// Look for installed fonts with the customary names.
    pub system_fonts: bool,
}

impl FontSet {
    /// Loads the fonts. A file under `--font-path` that is not a font is an error.
    pub fn load(options: &FontOptions) -> Result<FontSet, Diagnostic> {
        let mut fonts = Vec::new();
        for dir in &options.font_paths {
            if !dir.is_dir() {
                let key = if dir.exists() {
                    "font-folder-not-folder"
                } else {
                    "font-folder-missing"
                };
                let lang = user_lang();
                return Err(
                    Diagnostic::error(Code::Font, tr!(lang, key, path = dir.display()))
                        .in_file(dir)
                        .hint(tr!(lang, &format!("{key}.hint"))),
                );
            }
            for path in font_files(dir) {
                let loaded = load_file(&path, |_| true);
                if loaded.is_empty() {
                    let lang = user_lang();
                    return Err(Diagnostic::error(
                        Code::Font,
                        tr!(lang, "font-unreadable", path = path.display()),
                    )
                    .in_file(&path)
                    .hint(tr!(lang, "font-unreadable.hint")));
                }
                fonts.extend(loaded);
            }
        }
        if options.system_fonts {
            let wanted: BTreeSet<String> = Role::ALL
                .iter()
                .flat_map(|r| r.customary())
                .map(|n| n.to_lowercase())
                .collect();
            for dir in system_font_dirs() {
                for path in font_files(&dir) {
                    fonts.extend(load_file(&path, |family| {
                        wanted.contains(&family.to_lowercase())
                    }));
                }
            }
        }
        for carried in &CARRIED {
            let font = Font::new(Bytes::new(carried.data), 0).ok_or_else(|| {
                Diagnostic::error(
                    Code::Font,
                    tr!(user_lang(), "font-carried-broken", file = carried.file),
                )
            })?;
            fonts.push((font, Origin::Carried(carried.file)));
        }
        // Libertinus Serif (regular, bold, italic, bold italic) from typst-assets,
        // for English documents.
        for data in typst_assets::fonts().take(4) {
            if let Some(font) = Font::new(Bytes::new(data), 0) {
                fonts.push((font, Origin::Carried("typst-assets: Libertinus Serif")));
            }
        }
        Ok(FontSet {
            fonts,
            fallback: OnceLock::new(),
            covered: OnceLock::new(),
            options: options.clone(),
        })
    }

    /// The fallback font, parsed on first use.
    pub fn fallback(&self) -> &Font {
        self.fallback.get_or_init(|| {
            Font::new(Bytes::new(CARRIED_FALLBACK.data), 0)
                .expect("the carried fallback font parses")
        })
    }

    /// The fonts a document needs: all role fonts, and the fallback if some of
    /// its characters need it.
    pub fn for_document(&self, needs_fallback: bool) -> Vec<Font> {
        let mut fonts: Vec<Font> = self.fonts.iter().map(|(f, _)| f.clone()).collect();
        if needs_fallback {
            fonts.push(self.fallback().clone());
        }
        fonts
    }

    /// The font chain of a role, as the style file gets it. The serif of English
    /// documents falls back to the Song fonts for Chinese names.
    pub fn chain(&self, role: Role) -> Vec<String> {
        let mut chain: Vec<String> = role.customary().iter().map(|s| s.to_string()).collect();
        chain.push(role.carried().to_string());
        if role == Role::Serif {
            chain.push(Role::Song.carried().to_string());
        }
        chain.push(FALLBACK_FAMILY.to_string());
        chain
    }

    /// The font that serves a role: the first family of its chain that is loaded,
    /// in the weight the role asks for (bold for the title).
    pub fn serving(&self, role: Role) -> Option<(&Font, &Origin)> {
        let weight = if role == Role::Title { 700 } else { 400 };
        self.chain(role).iter().find_map(|family| {
            self.fonts
                .iter()
                .filter(|(f, _)| f.info().family.eq_ignore_ascii_case(family))
                .min_by_key(|(f, _)| (f.info().variant.weight.to_number() as i32 - weight).abs())
                .map(|(f, o)| (f, o))
        })
    }

    /// Whether some loaded role font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.covered
            .get_or_init(|| Covered::of(&self.fonts))
            .contains(c)
    }

    /// Whether the fallback has a glyph for `c`.
    pub fn fallback_covers(&self, c: char) -> bool {
        // Cheap: the fallback holds exactly the ideographs that the carried role
        // fonts lack; parse it only when the character is an ideograph.
        (0x4E00..=0x9FFF).contains(&(c as u32))
            && self.fallback().info().coverage.contains(c as u32)
    }

    /// All fonts with where they come from, for `nianbao fonts`.
    pub fn all(&self) -> impl Iterator<Item = (&Font, &Origin)> {
        self.fonts.iter().map(|(f, o)| (f, o))
    }
}

/// The folders where operating systems keep installed fonts.
fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        "/System/Library/Fonts",
        "C:\\Windows\\Fonts",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        dirs.push(home.join(".fonts"));
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join("Library/Fonts"));
    }
    dirs.into_iter().filter(|d| d.is_dir()).collect()
}

/// Font files under a folder, sorted, at most 8 levels deep.
fn font_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if depth < 8 {
                    walk(&path, depth + 1, out);
                }
            } else if path.extension().is_some_and(|e| {
                let e = e.to_string_lossy().to_lowercase();
                ["ttf", "otf", "ttc", "otc"].contains(&e.as_str())
            }) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, 0, &mut out);
    out.sort();
    out
}

/// The faces of a font file whose family `keep` accepts. The file is mapped,
/// not read, and only its name tables are looked at before a face is kept.
fn load_file(path: &Path, keep: impl Fn(&str) -> bool) -> Vec<(Font, Origin)> {
    let Ok(file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    // SAFETY: the map is only read; a font file changed while nianbao runs can
    // give wrong glyphs but not unsoundness beyond what reading it would.
    let Ok(map) = (unsafe { memmap2::Mmap::map(&file) }) else {
        return Vec::new();
    };
    let count = ttf_parser::fonts_in_collection(&map).unwrap_or(1);
    let wanted: Vec<u32> = (0..count)
        .filter(|&i| {
            ttf_parser::Face::parse(&map, i)
                .ok()
                .is_some_and(|face| family_names(&face).iter().any(|n| keep(n)))
        })
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let bytes = Bytes::new(map);
    wanted
        .into_iter()
        .filter_map(|i| Font::new(bytes.clone(), i))
        .map(|font| (font, Origin::File(path.to_path_buf())))
        .collect()
}

/// All family names of a face, in every language it has them.
fn family_names(face: &ttf_parser::Face) -> Vec<String> {
    face.names()
        .into_iter()
        .filter(|n| {
            n.name_id == ttf_parser::name_id::FAMILY
                || n.name_id == ttf_parser::name_id::TYPOGRAPHIC_FAMILY
        })
        .filter_map(|n| n.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters `surely_covered` names are in the carried fonts.
    #[test]
    fn surely_covered_characters_are_carried() {
        let fonts = FontSet::load(&FontOptions {
            font_paths: Vec::new(),
            system_fonts: false,
        })
        .unwrap();
        let lacking: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| super::super::surely_covered(c) && !c.is_whitespace())
            .filter(|&c| !fonts.covers(c) && !fonts.fallback_covers(c))
            .collect();
        assert_eq!(lacking, Vec::<char>::new());
    }
}
