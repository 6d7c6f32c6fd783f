//! The name keyboard's data: the common surnames and a compact table of
//! characters by toneless pinyin, with the candidate lookup.
//!
//! No pinyin input-method crate is small enough for the kiosk's WebAssembly, so this
//! is a hand-curated table of about 700 characters: the commonest characters of
//! given names, the surnames down to roughly rank 150 plus the characters of the
//! common compound surnames (欧阳, 上官, 诸葛…), characters often used to
//! transcribe minority names (阿, 买, 提, 古, 丽, 扎, 西, 卓, 玛…), and common
//! words for a short note to 12348. Names it cannot spell can still be entered by
//! surname alone, in Latin letters, or from a physical keyboard.
//!
//! Keys are plain pinyin without tones, `v` standing for `ü` (`lv` 吕, `nv` 女) as
//! on every pinyin keyboard. A character with several readings is filed under each
//! reading people use in names and notes (曾 under `zeng` and `ceng`, 单 under
//! `shan` and `dan`). Within a syllable, characters come most-used first: the top
//! 20 surnames, then the commonest given-name characters, then the rest. The unit
//! tests check every reading against the `pinyin` crate (a test-only dependency).

/// The 100 commonest surnames in order, from the Ministry of Public Security's 2020
/// name report (二〇二〇年全国姓名报告, 百家姓 by registered population). 汤 (101st)
/// and the rarer ones are spelled in pinyin.
pub const COMMON_SURNAMES: [char; 100] = [
    '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
    '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '邓', '冯', '曹', '彭', '曾',
    '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余', '于', '杜', '叶', '程', '魏', '苏', '吕', '丁',
    '任', '卢', '姚', '沈', '钟', '姜', '崔', '谭', '陆', '范', '汪', '廖', '石', '金', '韦', '贾',
    '夏', '付', '方', '邹', '熊', '白', '孟', '秦', '邱', '侯', '江', '尹', '薛', '闫', '段', '雷',
    '龙', '黎', '史', '陶', '贺', '毛', '郝', '顾', '龚', '邵', '万', '覃', '武', '钱', '戴', '严',
    '莫', '孔', '向', '常',
];

/// Characters by toneless pinyin syllable, sorted by syllable (the lookup relies on
/// it); each syllable's characters most-used first.
pub const SYLLABLES: &[(&str, &str)] = &[
    ("a", "阿"),
    ("ai", "爱艾"),
    ("an", "安案"),
    ("ba", "巴八把"),
    ("bai", "白柏百"),
    ("ban", "半"),
    ("bang", "帮"),
    ("bao", "宝包鲍保"),
    ("bei", "被"),
    ("bian", "边便"),
    ("bin", "斌彬"),
    ("bing", "冰兵病"),
    ("bo", "博波柏"),
    ("bu", "不布"),
    ("cai", "蔡财才裁"),
    ("cao", "曹"),
    ("ceng", "曾"),
    ("cha", "查"),
    ("chai", "柴"),
    ("chan", "产"),
    ("chang", "常昌长偿"),
    ("chao", "超朝"),
    ("che", "车"),
    ("chen", "陈晨辰宸"),
    ("cheng", "成程晟诚承城"),
    ("chi", "迟"),
    ("chou", "仇"),
    ("chun", "春"),
    ("ci", "次"),
    ("cong", "从"),
    ("cui", "崔翠"),
    ("cuo", "措"),
    ("da", "达打大"),
    ("dai", "戴"),
    ("dan", "丹旦单"),
    ("dao", "到"),
    ("de", "德的地"),
    ("deng", "邓"),
    ("di", "弟娣迪翟地"),
    ("dian", "电点"),
    ("diao", "调"),
    ("ding", "丁"),
    ("dong", "东董栋冬动"),
    ("dou", "都"),
    ("du", "杜都"),
    ("duan", "段"),
    ("dui", "堆对"),
    ("dun", "敦"),
    ("duo", "多"),
    ("e", "娥额"),
    ("er", "尔儿耳"),
    ("fa", "发法"),
    ("fan", "范帆樊"),
    ("fang", "芳方房"),
    ("fei", "飞菲费"),
    ("fen", "芬分纷"),
    ("feng", "凤峰冯枫丰锋"),
    ("fu", "福付富甫父抚"),
    ("gai", "盖"),
    ("gan", "甘"),
    ("gang", "刚"),
    ("gao", "高"),
    ("ge", "格葛盖个"),
    ("gei", "给"),
    ("gen", "根"),
    ("gong", "龚工公"),
    ("gu", "顾古故"),
    ("guan", "关管官"),
    ("guang", "光"),
    ("gui", "桂贵"),
    ("guo", "郭国过"),
    ("ha", "哈"),
    ("hai", "海孩还"),
    ("han", "涵韩晗瀚罕汗"),
    ("hang", "航行"),
    ("hao", "浩豪郝昊皓号好"),
    ("he", "何贺荷河和合"),
    ("hen", "很"),
    ("hong", "红宏鸿虹洪"),
    ("hou", "侯后"),
    ("hu", "胡狐"),
    ("hua", "华花话"),
    ("huan", "还"),
    ("huang", "黄皇"),
    ("hui", "辉慧惠晖回会"),
    ("hun", "婚"),
    ("huo", "霍"),
    ("ji", "吉基季继纪给急机"),
    ("jia", "佳贾嘉家"),
    ("jian", "建健间件"),
    ("jiang", "蒋姜江"),
    ("jiao", "娇焦交"),
    ("jie", "杰洁婕解接借"),
    ("jin", "金瑾锦进今"),
    ("jing", "静晶景婧经"),
    ("jiu", "久九纠就"),
    ("ju", "菊居"),
    ("juan", "娟"),
    ("jue", "决"),
    ("jun", "军俊峻骏钧"),
    ("kai", "凯"),
    ("kan", "看"),
    ("kang", "康"),
    ("ke", "可珂柯克"),
    ("kong", "孔"),
    ("kuai", "块"),
    ("kuan", "款"),
    ("kun", "坤"),
    ("la", "拉"),
    ("lai", "来赖"),
    ("lan", "兰岚蓝"),
    ("lang", "朗"),
    ("lao", "老劳"),
    ("le", "乐了"),
    ("lei", "磊雷蕾勒"),
    ("li", "李丽黎莉礼利立力离"),
    ("lian", "莲连"),
    ("liang", "亮梁良"),
    ("liao", "廖了"),
    ("lin", "林琳霖邻"),
    ("ling", "玲凌令"),
    ("liu", "刘柳六"),
    ("long", "龙"),
    ("lu", "卢陆璐露鲁路"),
    ("lun", "伦"),
    ("luo", "罗骆"),
    ("lv", "吕律"),
    ("ma", "马玛"),
    ("mai", "买"),
    ("man", "曼慢"),
    ("mang", "忙"),
    ("mao", "毛"),
    ("me", "么"),
    ("mei", "梅美妹没"),
    ("men", "们"),
    ("meng", "梦孟萌蒙"),
    ("miao", "苗缪"),
    ("min", "民敏"),
    ("ming", "明铭鸣"),
    ("mo", "墨莫默"),
    ("mou", "缪"),
    ("mu", "沐穆木姆慕母"),
    ("na", "娜那"),
    ("nan", "楠"),
    ("neng", "能"),
    ("ni", "妮尼倪你"),
    ("nian", "年"),
    ("nie", "聂"),
    ("nin", "您"),
    ("ning", "宁"),
    ("niu", "牛"),
    ("nu", "努"),
    ("nuo", "诺"),
    ("nv", "女"),
    ("ou", "欧区"),
    ("pan", "潘判"),
    ("pang", "庞"),
    ("pei", "培裴赔"),
    ("peng", "鹏彭"),
    ("pian", "便"),
    ("piao", "朴"),
    ("ping", "平萍"),
    ("pu", "普朴"),
    ("qi", "琪琦奇其齐祁期七"),
    ("qian", "钱倩茜芊千欠前"),
    ("qiang", "强"),
    ("qiao", "乔"),
    ("qin", "秦覃琴勤亲"),
    ("qing", "庆清晴请"),
    ("qiong", "琼"),
    ("qiu", "邱秋仇"),
    ("qu", "曲屈区去"),
    ("quan", "全"),
    ("ran", "然"),
    ("rang", "让"),
    ("re", "热"),
    ("ren", "任仁人"),
    ("ri", "日"),
    ("rong", "荣蓉容"),
    ("ru", "茹"),
    ("ruan", "阮"),
    ("rui", "睿瑞"),
    ("ruo", "若"),
    ("sa", "萨"),
    ("san", "三"),
    ("sang", "桑"),
    ("sen", "森"),
    ("shan", "姗山珊单赡"),
    ("shang", "尚上伤"),
    ("shao", "邵少"),
    ("she", "社"),
    ("shen", "沈申什"),
    ("sheng", "生晟盛胜省"),
    ("shi", "石史诗施是时十事市师"),
    ("shou", "寿手"),
    ("shu", "淑树舒"),
    ("shuai", "帅"),
    ("shuang", "爽"),
    ("shui", "水"),
    ("shun", "顺"),
    ("shuo", "硕说"),
    ("si", "思斯司四"),
    ("song", "宋松讼"),
    ("su", "苏诉"),
    ("sun", "孙"),
    ("suo", "索所"),
    ("ta", "他她"),
    ("tai", "泰"),
    ("tan", "谭覃"),
    ("tang", "唐汤"),
    ("tao", "涛陶"),
    ("te", "特"),
    ("teng", "腾"),
    ("ti", "提题"),
    ("tian", "田天"),
    ("tiao", "调"),
    ("ting", "婷听"),
    ("tong", "桐彤童通同"),
    ("tu", "吐图涂徒屠土"),
    ("tuo", "拖"),
    ("wa", "瓦"),
    ("wan", "万婉完晚"),
    ("wang", "王汪旺"),
    ("wei", "伟魏韦薇炜威卫玮尉位为"),
    ("wen", "文温问"),
    ("weng", "翁"),
    ("wo", "我"),
    ("wu", "吴武乌伍午五务"),
    ("xi", "汐熙喜茜西系"),
    ("xia", "霞夏下"),
    ("xian", "贤娴先险"),
    ("xiang", "向翔祥项想"),
    ("xiao", "小肖晓"),
    ("xie", "谢解些"),
    ("xin", "新鑫欣馨心昕辛薪"),
    ("xing", "星兴邢行"),
    ("xiong", "熊雄"),
    ("xiu", "秀"),
    ("xu", "徐旭许需"),
    ("xuan", "轩萱璇"),
    ("xue", "薛雪学"),
    ("xun", "逊询"),
    ("ya", "雅娅亚"),
    ("yan", "燕艳妍闫严炎彦颜言"),
    ("yang", "杨洋阳央养样"),
    ("yao", "瑶姚耀要"),
    ("ye", "叶也"),
    ("yi", "怡一依奕亦逸毅义伊易医遗以已"),
    ("yin", "尹音因"),
    ("ying", "英颖莹"),
    ("yong", "永勇"),
    ("you", "有游又"),
    ("yu", "玉宇雨语余于瑜钰煜喻俞尉与"),
    ("yuan", "袁源元媛院援"),
    ("yue", "悦月乐跃玥岳"),
    ("yun", "云芸"),
    ("zai", "在再"),
    ("zao", "早"),
    ("ze", "泽"),
    ("zen", "怎"),
    ("zeng", "曾增"),
    ("zha", "扎查"),
    ("zhai", "翟债"),
    ("zhan", "詹"),
    ("zhang", "张长"),
    ("zhao", "赵招朝"),
    ("zhe", "哲这"),
    ("zhen", "珍贞振"),
    ("zheng", "郑正证"),
    ("zhi", "志芝智执只"),
    ("zhong", "钟忠中"),
    ("zhou", "周"),
    ("zhu", "朱珠祝诸助"),
    ("zhuo", "卓"),
    ("zi", "梓子孜资咨"),
    ("zou", "邹"),
    ("zui", "最"),
    ("zuo", "左"),
];

/// What some typed letters offer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Candidates {
    /// How many of the typed letters the candidates spell: all of them, or only the
    /// first syllable when more letters follow (`zhangwei` → 5, for 张).
    pub spelled: usize,
    /// The characters, exact-syllable matches first, then those of longer syllables
    /// that begin with the letters; no character twice.
    pub chars: Vec<char>,
}

/// The candidates for `letters` (lower-case a–z).
///
/// Letters that begin one or more syllables (`xian`, `zh`) offer the exact syllable
/// first, then the longer ones (`xiang`), taking turns: the first character of each
/// in alphabetical order, then the second of each, and so on. Letters that go on
/// past every syllable (`zhangwei`) offer the longest syllable they start with. As
/// `ü` is easily forgotten, `lu…`/`nu…` also offer the `lv…`/`nv…` syllables after
/// their own (律 for `lu`).
pub fn candidates(letters: &str) -> Candidates {
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_lowercase()) {
        return Candidates::default();
    }
    let mut chars = Vec::new();
    let whole = spellings(letters);
    for spelling in &whole {
        add(&mut chars, exact(spelling));
    }
    // Longer syllables take turns, so each one's commonest characters come early.
    let mut longer: Vec<_> = whole
        .iter()
        .flat_map(|spelling| starting_with(spelling).filter(move |(s, _)| s != spelling))
        .map(|(_, longer)| longer.chars())
        .collect();
    while !longer.is_empty() {
        longer.retain_mut(|rest| match rest.next() {
            Some(c) => {
                add_char(&mut chars, c);
                true
            }
            None => false,
        });
    }
    if !chars.is_empty() {
        return Candidates {
            spelled: letters.len(),
            chars,
        };
    }
    for len in (1..letters.len()).rev() {
        for spelling in spellings(&letters[..len]) {
            add(&mut chars, exact(&spelling));
        }
        if !chars.is_empty() {
            return Candidates {
                spelled: len,
                chars,
            };
        }
    }
    Candidates::default()
}

/// `letters` itself and, for `lu…`/`nu…`, the same with `v` for `ü`.
fn spellings(letters: &str) -> Vec<String> {
    let mut all = vec![letters.to_owned()];
    if letters.starts_with("lu") || letters.starts_with("nu") {
        all.push(format!("{}v{}", &letters[..1], &letters[2..]));
    }
    all
}

/// The characters of exactly `syllable` (none if it is not in the table).
fn exact(syllable: &str) -> &'static str {
    SYLLABLES
        .binary_search_by(|(s, _)| (*s).cmp(syllable))
        .map_or("", |i| SYLLABLES[i].1)
}

/// The rows whose syllable starts with `letters`, in table order.
fn starting_with(letters: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    let first = SYLLABLES.partition_point(|(s, _)| *s < letters);
    SYLLABLES[first..]
        .iter()
        .take_while(move |(s, _)| s.starts_with(letters))
        .copied()
}

/// Appends the characters of `more` not yet in `chars`.
fn add(chars: &mut Vec<char>, more: &str) {
    more.chars().for_each(|c| add_char(chars, c));
}

fn add_char(chars: &mut Vec<char>, c: char) {
    if !chars.contains(&c) {
        chars.push(c);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use pinyin::{ToPinyin, ToPinyinMulti};

    use super::*;

    /// Every reading the `pinyin` crate knows for `c`, toneless, with `v` for `ü`.
    fn readings(c: char) -> Vec<String> {
        c.to_pinyin_multi()
            .map(|multi| {
                multi
                    .into_iter()
                    .map(|p| p.plain().replace('ü', "v"))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn table_chars() -> HashSet<char> {
        SYLLABLES
            .iter()
            .flat_map(|(_, chars)| chars.chars())
            .collect()
    }

    #[test]
    fn every_character_is_filed_under_a_reading_the_pinyin_crate_gives_it() {
        let wrong: Vec<String> = SYLLABLES
            .iter()
            .flat_map(|(syllable, chars)| chars.chars().map(move |c| (*syllable, c)))
            .filter(|(syllable, c)| !readings(*c).iter().any(|r| r == syllable))
            .map(|(syllable, c)| format!("{c} under {syllable}, but reads {:?}", readings(c)))
            .collect();
        assert!(wrong.is_empty(), "misfiled: {wrong:#?}");
    }

    #[test]
    fn syllables_are_sorted_distinct_lower_case_letters_with_characters() {
        for pair in SYLLABLES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (syllable, chars) in SYLLABLES {
            assert!(
                (1..=6).contains(&syllable.len())
                    && syllable.bytes().all(|b| b.is_ascii_lowercase()),
                "{syllable:?}"
            );
            assert!(!chars.is_empty(), "{syllable} has no characters");
            let distinct: HashSet<char> = chars.chars().collect();
            assert_eq!(
                distinct.len(),
                chars.chars().count(),
                "{syllable} repeats a character"
            );
            assert!(
                chars
                    .chars()
                    .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{syllable} holds a non-Han character"
            );
        }
    }

    #[test]
    fn the_table_stays_compact() {
        let chars = table_chars().len();
        assert!((400..=700).contains(&chars), "{chars} characters");
        // What the table costs in the WebAssembly: two 8-byte slices per row plus the
        // UTF-8 text.
        let bytes: usize = SYLLABLES.iter().map(|(s, c)| 16 + s.len() + c.len()).sum();
        assert!(bytes < 8 * 1024, "{bytes} bytes");
    }

    #[test]
    fn the_common_surnames_are_distinct_and_can_all_be_spelled() {
        let distinct: HashSet<char> = COMMON_SURNAMES.iter().copied().collect();
        assert_eq!(distinct.len(), COMMON_SURNAMES.len());
        assert_eq!(&COMMON_SURNAMES[..5], &['王', '李', '张', '刘', '陈']);
        let table = table_chars();
        let compound = "欧阳上官皇甫令狐诸葛司徒司马申屠夏侯贺兰完颜慕容尉迟长孙东方";
        let missing: String = COMMON_SURNAMES
            .iter()
            .copied()
            .chain(compound.chars())
            .filter(|c| !table.contains(c))
            .collect();
        assert!(missing.is_empty(), "cannot be spelled: {missing}");
    }

    #[test]
    fn the_twenty_commonest_surnames_come_first_for_their_reading() {
        for &surname in &COMMON_SURNAMES[..20] {
            let reading = surname.to_pinyin().unwrap().plain();
            assert_eq!(candidates(reading).chars[0], surname, "{reading}");
        }
    }

    #[test]
    fn spelling_a_less_common_surname_offers_it_on_the_first_page() {
        // The keyboard shows twelve candidates at a time.
        for (letters, surname) in [
            ("zeng", '曾'),
            ("shan", '单'),
            ("xie", '解'),
            ("qin", '覃'),
            ("lv", '吕'),
            ("ou", '欧'),
            ("zha", '查'),
            ("piao", '朴'),
        ] {
            let found = candidates(letters).chars;
            assert!(
                found.iter().take(12).any(|&c| c == surname),
                "{letters}: {found:?}"
            );
        }
    }

    #[test]
    fn a_whole_syllable_offers_its_own_characters_first() {
        for (syllable, chars) in SYLLABLES {
            let found = candidates(syllable);
            assert_eq!(found.spelled, syllable.len(), "{syllable}");
            let first: String = found.chars.iter().take(chars.chars().count()).collect();
            assert_eq!(&first, chars, "{syllable}");
        }
    }

    #[test]
    fn exact_matches_come_before_longer_syllables() {
        let found = candidates("xian").chars;
        let exact = found.iter().position(|&c| c == '贤').unwrap();
        let longer = found
            .iter()
            .position(|&c| c == '翔')
            .expect("xiang offered too");
        assert!(exact < longer, "{found:?}");
        assert!(!found.contains(&'小'), "xiao does not start with xian");
    }

    #[test]
    fn an_initial_alone_offers_the_commonest_character_of_each_syllable_first() {
        let found = candidates("zh");
        assert_eq!(found.spelled, 2);
        let first_page = &found.chars[..12];
        for c in ['张', '赵', '周', '朱', '郑'] {
            assert!(first_page.contains(&c), "{c} missing from {first_page:?}");
        }
        assert!(found.chars.contains(&'钟'));
        assert!(!found.chars.contains(&'曾'), "z but not zh");
    }

    #[test]
    fn more_letters_than_one_syllable_spell_the_first_syllable() {
        let found = candidates("zhangwei");
        assert_eq!(found.spelled, 5);
        assert_eq!(found.chars[0], '张');
        let rest = candidates("wei");
        assert_eq!(rest.chars[0], '伟');
    }

    #[test]
    fn u_after_l_or_n_also_finds_the_u_umlaut_syllables() {
        let lu = candidates("lu").chars;
        let own = lu.iter().position(|&c| c == '陆').unwrap();
        let umlaut = lu.iter().position(|&c| c == '律').expect("律 for lu");
        assert!(own < umlaut, "{lu:?}");
        assert!(candidates("nu").chars.contains(&'女'));
        assert_eq!(candidates("nv").chars, vec!['女']);
    }

    #[test]
    fn nothing_is_offered_for_no_letters_or_letters_that_spell_nothing() {
        for letters in ["", "v", "vvv", "Wang", "wang1", "中"] {
            assert_eq!(candidates(letters), Candidates::default(), "{letters:?}");
        }
    }
}
