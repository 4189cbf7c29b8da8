//! Name pools for synthetic rosters: Chinese personal names (common Guangdong
//! surnames plus one- or two-character given names) and place names, each with a
//! pinyin spelling from which the roster's ASCII ids are made. The pools are
//! fixed tables, so a seed always draws the same names.

use super::rng::Rand;
use std::collections::HashSet;

/// Surnames, most common in the Pearl River delta first; the weight is how
/// often the generator draws each.
const SURNAMES: &[(&str, &str, u32)] = &[
    ("陈", "chen", 14),
    ("李", "li", 9),
    ("黄", "huang", 9),
    ("梁", "liang", 8),
    ("张", "zhang", 6),
    ("林", "lin", 6),
    ("何", "he", 6),
    ("吴", "wu", 5),
    ("罗", "luo", 5),
    ("郭", "guo", 3),
    ("冯", "feng", 4),
    ("蔡", "cai", 3),
    ("邓", "deng", 3),
    ("周", "zhou", 3),
    ("谢", "xie", 3),
    ("叶", "ye", 3),
    ("刘", "liu", 4),
    ("苏", "su", 3),
    ("潘", "pan", 3),
    ("区", "ou", 2),
    ("卢", "lu", 3),
    ("麦", "mai", 3),
    ("曾", "zeng", 2),
    ("彭", "peng", 2),
    ("关", "guan", 3),
    ("杨", "yang", 3),
    ("王", "wang", 3),
    ("钟", "zhong", 2),
    ("谭", "tan", 3),
    ("莫", "mo", 2),
    ("邝", "kuang", 1),
    ("伍", "wu", 2),
    ("招", "zhao", 1),
    ("劳", "lao", 1),
    ("岑", "cen", 1),
    ("霍", "huo", 1),
    ("简", "jian", 1),
    ("余", "yu", 2),
    ("朱", "zhu", 2),
    ("徐", "xu", 2),
    ("严", "yan", 1),
    ("冼", "xian", 1),
    ("陆", "lu", 1),
    ("邱", "qiu", 1),
    ("庞", "pang", 1),
    ("甘", "gan", 1),
    ("孔", "kong", 1),
    ("杜", "du", 1),
    ("欧阳", "ouyang", 1),
];

/// Characters of given names, with pinyin.
const GIVEN: &[(&str, &str)] = &[
    ("志", "zhi"),
    ("强", "qiang"),
    ("伟", "wei"),
    ("建", "jian"),
    ("明", "ming"),
    ("国", "guo"),
    ("荣", "rong"),
    ("文", "wen"),
    ("辉", "hui"),
    ("华", "hua"),
    ("锦", "jin"),
    ("丽", "li"),
    ("芬", "fen"),
    ("婉", "wan"),
    ("仪", "yi"),
    ("美", "mei"),
    ("玲", "ling"),
    ("宏", "hong"),
    ("坚", "jian"),
    ("广", "guang"),
    ("行", "xing"),
    ("家", "jia"),
    ("俊", "jun"),
    ("杰", "jie"),
    ("永", "yong"),
    ("健", "jian"),
    ("海", "hai"),
    ("军", "jun"),
    ("敏", "min"),
    ("红", "hong"),
    ("燕", "yan"),
    ("静", "jing"),
    ("淑", "shu"),
    ("英", "ying"),
    ("惠", "hui"),
    ("嘉", "jia"),
    ("欣", "xin"),
    ("颖", "ying"),
    ("慧", "hui"),
    ("振", "zhen"),
    ("兴", "xing"),
    ("德", "de"),
    ("胜", "sheng"),
    ("炳", "bing"),
    ("洪", "hong"),
    ("耀", "yao"),
    ("基", "ji"),
    ("棠", "tang"),
    ("桂", "gui"),
    ("成", "cheng"),
    ("金", "jin"),
    ("宝", "bao"),
    ("汉", "han"),
    ("新", "xin"),
    ("启", "qi"),
    ("达", "da"),
    ("超", "chao"),
    ("伦", "lun"),
    ("景", "jing"),
    ("威", "wei"),
    ("雄", "xiong"),
    ("卓", "zhuo"),
    ("凤", "feng"),
    ("霞", "xia"),
    ("萍", "ping"),
    ("秀", "xiu"),
    ("冰", "bing"),
    ("雪", "xue"),
    ("丹", "dan"),
    ("晓", "xiao"),
    ("东", "dong"),
    ("少", "shao"),
    ("泽", "ze"),
    ("浩", "hao"),
    ("思", "si"),
    ("雅", "ya"),
    ("倩", "qian"),
    ("琳", "lin"),
    ("翠", "cui"),
    ("瑞", "rui"),
    ("灿", "can"),
    ("满", "man"),
    ("福", "fu"),
    ("昌", "chang"),
    ("润", "run"),
    ("佳", "jia"),
    ("彬", "bin"),
    ("锐", "rui"),
    ("玉", "yu"),
    ("清", "qing"),
    ("立", "li"),
    ("子", "zi"),
    ("树", "shu"),
    ("秋", "qiu"),
    ("月", "yue"),
];

/// First characters of place names.
const PLACE_A: &[(&str, &str)] = &[
    ("东", "dong"),
    ("西", "xi"),
    ("南", "nan"),
    ("北", "bei"),
    ("上", "shang"),
    ("下", "xia"),
    ("大", "da"),
    ("小", "xiao"),
    ("新", "xin"),
    ("石", "shi"),
    ("龙", "long"),
    ("凤", "feng"),
    ("沙", "sha"),
    ("水", "shui"),
    ("莲", "lian"),
    ("桂", "gui"),
    ("黄", "huang"),
    ("白", "bai"),
    ("青", "qing"),
    ("高", "gao"),
    ("平", "ping"),
    ("长", "chang"),
    ("马", "ma"),
    ("鹤", "he"),
    ("金", "jin"),
    ("古", "gu"),
    ("罗", "luo"),
    ("林", "lin"),
    ("荔", "li"),
    ("杏", "xing"),
    ("富", "fu"),
    ("福", "fu"),
    ("湖", "hu"),
    ("松", "song"),
    ("竹", "zhu"),
    ("梅", "mei"),
    ("朗", "lang"),
    ("塘", "tang"),
    ("永", "yong"),
    ("安", "an"),
    ("良", "liang"),
    ("仁", "ren"),
    ("三", "san"),
    ("五", "wu"),
    ("七", "qi"),
    ("隆", "long"),
    ("华", "hua"),
    ("锦", "jin"),
];

/// Second characters of place names.
const PLACE_B: &[(&str, &str)] = &[
    ("海", "hai"),
    ("头", "tou"),
    ("涌", "chong"),
    ("岗", "gang"),
    ("田", "tian"),
    ("坑", "keng"),
    ("塘", "tang"),
    ("围", "wei"),
    ("洲", "zhou"),
    ("岸", "an"),
    ("滘", "jiao"),
    ("湾", "wan"),
    ("坝", "ba"),
    ("圩", "xu"),
    ("岭", "ling"),
    ("山", "shan"),
    ("口", "kou"),
    ("江", "jiang"),
    ("桥", "qiao"),
    ("庄", "zhuang"),
    ("基", "ji"),
    ("边", "bian"),
    ("洞", "dong"),
    ("埔", "pu"),
    ("寮", "liao"),
    ("溪", "xi"),
    ("林", "lin"),
    ("冈", "gang"),
    ("沥", "li"),
    ("心", "xin"),
    ("安", "an"),
    ("和", "he"),
    ("丰", "feng"),
    ("城", "cheng"),
    ("苑", "yuan"),
];

/// Draws unique names and ids for one roster.
#[derive(Default)]
pub struct Namer {
    names: HashSet<String>,
    ids: HashSet<String>,
    places: HashSet<String>,
}

impl Namer {
    /// A namer that will not draw any of `names` for a person (the names
    /// already given in the other townships of a city).
    pub fn with_people(names: HashSet<String>) -> Namer {
        Namer {
            names,
            ..Namer::default()
        }
    }

    /// Every person's name drawn so far, those given at the start included.
    pub fn into_people(self) -> HashSet<String> {
        self.names
    }

    /// Reserves an id that is not made from a name (office, junctions).
    pub fn reserve_id(&mut self, id: &str) {
        self.ids.insert(id.to_string());
    }

    /// A fresh id from `base`: `base` itself, else `base2`, `base3`, ...
    pub fn unique_id(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    /// A person's name, unique within the roster (and within the city when
    /// the namer started with the city's names), and an id like `chen-zq`.
    pub fn person(&mut self, rng: &mut Rand) -> (String, String) {
        let total: u32 = SURNAMES.iter().map(|s| s.2).sum();
        for attempt in 0.. {
            let mut pick = rng.below(total as u64) as u32;
            let mut surname = SURNAMES[0];
            for s in SURNAMES {
                if pick < s.2 {
                    surname = *s;
                    break;
                }
                pick -= s.2;
            }
            // One given character in a fifth of names; two otherwise, and three
            // once the pool is crowded.
            let len = if attempt > 40 {
                3
            } else if rng.chance(0.2) {
                1
            } else {
                2
            };
            let mut name = surname.0.to_string();
            let mut initials = String::new();
            let mut last = "";
            for _ in 0..len {
                let g = GIVEN[rng.below(GIVEN.len() as u64) as usize];
                if g.0 == last {
                    continue;
                }
                last = g.0;
                name.push_str(g.0);
                initials.push_str(&g.1[..1]);
            }
            if self.names.contains(&name) {
                continue;
            }
            self.names.insert(name.clone());
            let id = self.unique_id(&format!("{}-{}", surname.1, initials));
            return (name, id);
        }
        unreachable!()
    }

    /// A two-character place name, unique within the roster, with its pinyin
    /// (e.g. `("西海", "xihai")`).
    pub fn place(&mut self, rng: &mut Rand) -> (String, String) {
        for attempt in 0.. {
            let a = PLACE_A[rng.below(PLACE_A.len() as u64) as usize];
            let b = PLACE_B[rng.below(PLACE_B.len() as u64) as usize];
            if a.0 == b.0 {
                continue;
            }
            let mut name = format!("{}{}", a.0, b.0);
            let mut slug = format!("{}{}", a.1, b.1);
            if attempt > 200 {
                // Pools exhausted (very large townships): a third character.
                let c = PLACE_B[rng.below(PLACE_B.len() as u64) as usize];
                name.push_str(c.0);
                slug.push_str(c.1);
            }
            if self.places.contains(&name) || self.places.contains(&slug) {
                continue;
            }
            self.places.insert(name.clone());
            self.places.insert(slug.clone());
            return (name, slug);
        }
        unreachable!()
    }
}

/// Chinese numerals for hamlet and grid names (一队, 二网格 ...).
pub fn numeral(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[n - 10]),
        _ => format!(
            "{}十{}",
            D[n / 10],
            if n.is_multiple_of(10) { "" } else { D[n % 10] }
        ),
    }
}
