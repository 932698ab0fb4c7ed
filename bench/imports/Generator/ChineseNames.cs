using CareDesk.Features.People.Search;

namespace CareDesk.Bench.Imports;

/// <summary>
/// Chinese names as they are spread: surnames weighted by their share of the population (the 2020 census order, in
/// per mille), given names half from the common ones (so 张伟 and 王芳 come back again and again, as namesakes do) and
/// half composed from name characters (the long tail). Also the three ways a name is rewritten in another list:
/// traditional characters, pinyin, a homophone typo.
/// </summary>
internal static class ChineseNames
{
    // Per mille of the population; the compound surnames are rare but must occur, they move as one word in pinyin.
    private static readonly (string Surname, double Weight)[] Surnames =
    [
        ("王", 71), ("李", 70), ("张", 64), ("刘", 53), ("陈", 45), ("杨", 31), ("黄", 22), ("赵", 20), ("吴", 19), ("周", 19),
        ("徐", 15), ("孙", 15), ("马", 12), ("朱", 12), ("胡", 11), ("郭", 11), ("何", 10), ("林", 10), ("高", 10), ("罗", 9),
        ("郑", 8), ("梁", 8), ("谢", 7), ("宋", 6), ("唐", 6), ("许", 6), ("韩", 5), ("冯", 5), ("邓", 5), ("曹", 5),
        ("彭", 5), ("曾", 5), ("肖", 5), ("田", 4), ("董", 4), ("袁", 4), ("潘", 4), ("于", 4), ("蒋", 4), ("蔡", 4),
        ("余", 4), ("杜", 4), ("叶", 4), ("程", 4), ("苏", 3), ("魏", 3), ("吕", 3), ("丁", 3), ("任", 3), ("沈", 3),
        ("姚", 3), ("卢", 3), ("姜", 3), ("崔", 3), ("钟", 3), ("谭", 3), ("陆", 3), ("汪", 3), ("范", 3), ("金", 3),
        ("石", 3), ("廖", 3), ("贾", 3), ("夏", 2), ("韦", 2), ("付", 2), ("方", 2), ("白", 2), ("邹", 2), ("孟", 2),
        ("熊", 2), ("秦", 2), ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("闫", 2), ("段", 2), ("雷", 2), ("侯", 2),
        ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2), ("顾", 2), ("毛", 2), ("郝", 2), ("龚", 2), ("邵", 2),
        ("万", 2), ("钱", 2), ("严", 2), ("覃", 1), ("武", 1), ("戴", 1), ("莫", 1), ("孔", 1), ("向", 1), ("汤", 1),
        ("单", 0.5), ("欧阳", 0.5), ("司马", 0.1), ("上官", 0.1), ("诸葛", 0.1), ("东方", 0.1), ("皇甫", 0.05),
        ("慕容", 0.05), ("夏侯", 0.05), ("令狐", 0.03),
    ];

    // The given names that make the most frequent full names (张伟, 王芳, 李秀英…), weighted; by sex.
    private static readonly (string Given, double Weight)[] CommonMale =
    [
        ("伟", 30), ("强", 14), ("磊", 14), ("军", 14), ("勇", 13), ("杰", 12), ("涛", 11), ("明", 10), ("超", 10), ("刚", 9),
        ("平", 8), ("辉", 8), ("鹏", 7), ("华", 7), ("飞", 7), ("波", 6), ("斌", 6), ("浩", 6), ("建华", 6), ("建国", 6),
        ("建军", 5), ("志强", 5), ("国强", 5), ("海", 5), ("宇", 5), ("俊", 5), ("亮", 5), ("峰", 5), ("林", 4), ("鑫", 4),
        ("文", 4), ("洋", 8), ("健", 4), ("凯", 4), ("志刚", 4), ("建平", 4), ("国华", 3), ("德明", 3), ("永强", 3), ("子轩", 3),
        ("浩然", 3), ("宇航", 3), ("俊杰", 3), ("志明", 3), ("文杰", 3), ("晓东", 3), ("海波", 3), ("卫东", 3), ("红军", 3), ("振华", 2),
    ];

    private static readonly (string Given, double Weight)[] CommonFemale =
    [
        ("芳", 28), ("娜", 22), ("敏", 20), ("静", 20), ("秀英", 18), ("丽", 16), ("艳", 14), ("娟", 12), ("霞", 10), ("玲", 9),
        ("桂英", 9), ("丹", 8), ("萍", 8), ("红", 8), ("燕", 8), ("洁", 7), ("婷", 7), ("琳", 6), ("倩", 6), ("雪", 6),
        ("慧", 6), ("颖", 5), ("秀兰", 5), ("秀珍", 5), ("桂兰", 5), ("玉兰", 5), ("凤英", 4), ("海燕", 4), ("丽娟", 4), ("晓红", 4),
        ("丽华", 4), ("春梅", 4), ("美玲", 3), ("淑珍", 3), ("晓燕", 3), ("欣怡", 3), ("梓涵", 3), ("诗涵", 3), ("雨桐", 3), ("佳怡", 3),
        ("思雨", 2), ("晓梅", 2), ("红梅", 2), ("玉梅", 2), ("丽萍", 2), ("小红", 2), ("小燕", 2), ("金凤", 2), ("秋菊", 2), ("月英", 2),
    ];

    // Characters given names are composed of, by sex (a few serve both).
    private const string MaleCharacters =
        "伟强磊军勇杰涛明超刚平辉鹏华飞波斌浩建国志海宇俊亮峰林鑫文洋健凯东晓德永振兴宏成龙江山虎彬博坤泽昊然轩睿航晨阳旭" +
        "新立家庆春忠长福生玉荣贵宝金利民安发祥瑞嘉子雷锋松毅刚岩";

    private const string FemaleCharacters =
        "芳娜敏静秀英丽艳娟霞玲桂丹萍红燕洁婷琳倩雪慧颖兰珍凤梅美淑欣怡梓涵诗雨桐佳思月菊莉蓉琴云彩霜翠娥晶瑶琪璐妍馨悦" +
        "晓小春秋玉金海丽华嘉";

    // The given names of the parents' generation, for the father or mother who gives a child's phone.
    private static readonly string[] OlderMen = ["建国", "建华", "国庆", "卫国", "志刚", "德明", "永福", "长生", "福林", "振华", "文华", "根生", "金福", "德胜", "宝山"];
    private static readonly string[] OlderWomen = ["桂兰", "秀英", "淑珍", "玉兰", "秀兰", "凤英", "桂芳", "素珍", "桂珍", "玉珍", "翠花", "金凤", "美华", "秀梅", "素芬"];

    // One reading where a character has several: the one a name uses (曾 zeng, 单 shan, 长 chang…).
    private static readonly Dictionary<char, string> NameReadings = Pairs(
        "曾:zeng 单:shan 覃:qin 长:chang 乐:le 朴:piao 华:hua 红:hong 强:qiang 燕:yan 柏:bai 和:he 莫:mo 万:wan 解:xie 仇:qiu " +
        "区:ou 查:zha 盖:ge 尉:yu 俊:jun 石:shi 贾:jia 宁:ning 兴:xing 晨:chen 思:si 佳:jia 子:zi 家:jia 秋:qiu 雨:yu 于:yu " +
        "伟:wei 吕:lv 欣:xin 涵:han 颖:ying 琪:qi 斌:bin 辉:hui 航:hang 阳:yang 轩:xuan 泽:ze 宇:yu 峰:feng 艳:yan 丽:li " +
        "洁:jie 婷:ting 桐:tong 妍:yan 瑶:yao 蓉:rong 鹏:peng 落:luo 行:xing 重:chong 调:tiao 朝:chao 传:chuan 藏:zang " +
        "广:guang 廖:liao 沈:shen 任:ren 叶:ye 许:xu 谭:tan 陆:lu 缪:miao 秘:bi 虎:hu 发:fa 祥:xiang 贵:gui")
        .ToDictionary(p => p[0], p => p[2..]);

    // Traditional forms as Hong Kong and Taiwan lists (and some older mainland clerks) write them; only characters that
    // differ. The import folds them back with Unihan's kSimplifiedVariant; the self-check asserts every pair does.
    private static readonly Dictionary<char, char> Traditional = Pairs(
        "张張 刘劉 陈陳 杨楊 黄黃 赵趙 吴吳 孙孫 马馬 郑鄭 谢謝 许許 韩韓 冯馮 邓鄧 萧蕭 罗羅 叶葉 苏蘇 吕呂 " +
        "卢盧 钟鍾 谭譚 陆陸 贾賈 邹鄒 龙龍 顾顧 龚龔 钱錢 严嚴 汤湯 单單 欧歐 阳陽 诸諸 东東 伟偉 强強 军軍 " +
        "杰傑 涛濤 辉輝 鹏鵬 华華 飞飛 国國 凯凱 晓曉 兴興 庆慶 长長 贵貴 宝寶 荣榮 发發 锋鋒 丽麗 艳艷 红紅 " +
        "颖穎 兰蘭 凤鳳 云雲 宁寧 爱愛 刚剛 维維 门門")
        .ToDictionary(p => p[0], p => p[1]);

    private static readonly double SurnameTotal = Surnames.Sum(s => s.Weight);
    private static readonly double CommonMaleTotal = CommonMale.Sum(s => s.Weight);
    private static readonly double CommonFemaleTotal = CommonFemale.Sum(s => s.Weight);

    public static string Surname(Random random) => Weighted(random, Surnames, SurnameTotal);

    public static string GivenName(Random random, bool female)
    {
        if (random.NextDouble() < 0.5)
        {
            return female ? Weighted(random, CommonFemale, CommonFemaleTotal) : Weighted(random, CommonMale, CommonMaleTotal);
        }

        var characters = female ? FemaleCharacters : MaleCharacters;
        var first = characters[random.Next(characters.Length)];
        if (random.NextDouble() < 0.15)
        {
            return first.ToString();
        }

        var second = characters[random.Next(characters.Length)];
        return second == first && random.NextDouble() < 0.7 ? first.ToString() + characters[random.Next(characters.Length)] : $"{first}{second}";
    }

    public static string OlderGivenName(Random random, bool female) =>
        female ? OlderWomen[random.Next(OlderWomen.Length)] : OlderMen[random.Next(OlderMen.Length)];

    /// <summary>The surname of a written Chinese name: a listed compound surname, else the first character.</summary>
    public static int SurnameLength(string name) =>
        name.Length > 2 && Surnames.Any(s => s.Surname.Length == 2 && name.StartsWith(s.Surname, StringComparison.Ordinal)) ? 2 : 1;

    /// <summary>The name with every character that has a traditional form written so; null when none has one.</summary>
    public static string? ToTraditional(string name)
    {
        var changed = false;
        var result = name.ToCharArray();
        for (var i = 0; i < result.Length; i++)
        {
            if (Traditional.TryGetValue(result[i], out var traditional) && traditional != result[i])
            {
                result[i] = traditional;
                changed = true;
            }
        }

        return changed ? new string(result) : null;
    }

    /// <summary>"Wang Fang", "Fang Wang", "WANG Fang", "wang xiuying", "Xiuying Wang": the pinyin a passport or a foreign clerk writes.</summary>
    public static string ToPinyin(string name, Random random)
    {
        var surnameLength = SurnameLength(name);
        var surname = Syllables(name[..surnameLength]);
        var given = Syllables(name[surnameLength..]);
        surname = Capitalize(surname);
        given = Capitalize(given);
        return random.Next(6) switch
        {
            0 or 1 => $"{surname} {given}",
            2 or 3 => $"{given} {surname}",
            4 => $"{surname.ToUpperInvariant()} {given}",
            _ => $"{surname.ToLowerInvariant()} {given.ToLowerInvariant()}",
        };
    }

    /// <summary>The name with one character of the given name swapped for another that sounds the same; null when none does.</summary>
    public static string? WithHomophoneTypo(string name, Random random)
    {
        var surnameLength = SurnameLength(name);
        var positions = Enumerable.Range(surnameLength, name.Length - surnameLength).OrderBy(_ => random.Next()).ToList();
        foreach (var position in positions)
        {
            var alternatives = Homophones.Value.GetValueOrDefault(name[position]);
            if (alternatives is { Length: > 0 })
            {
                var chars = name.ToCharArray();
                chars[position] = alternatives[random.Next(alternatives.Length)];
                return new string(chars);
            }
        }

        return null;
    }

    /// <summary>
    /// A key equal for two names the import may call one person's by sound or by romanisation: per character, its
    /// group of characters sharing a reading (the surname too: 王芳 and 汪芳 are both "Wang Fang" in pinyin). Two
    /// different people never get the same key and date of birth.
    /// </summary>
    public static string SoundKey(string name)
    {
        var key = new System.Text.StringBuilder(name.Length * 4);
        foreach (var c in name)
        {
            key.Append(SoundGroups.Value.TryGetValue(c, out var group) ? group : c).Append('.');
        }

        return key.ToString();
    }

    public static IEnumerable<char> AllCharacters() =>
        Surnames.SelectMany(s => s.Surname).Concat(MaleCharacters).Concat(FemaleCharacters)
            .Concat(CommonMale.SelectMany(c => c.Given)).Concat(CommonFemale.SelectMany(c => c.Given))
            .Concat(OlderMen.SelectMany(g => g)).Concat(OlderWomen.SelectMany(g => g)).Distinct();

    private static readonly Lazy<Dictionary<char, char[]>> Homophones = new(() =>
    {
        var pool = MaleCharacters.Concat(FemaleCharacters).Distinct().ToArray();
        return pool.ToDictionary(
            c => c,
            c => pool.Where(other => other != c && Pinyin.Of(other).Intersect(Pinyin.Of(c)).Any()).ToArray());
    });

    // Union of the characters sharing any reading, over every character a generated name can hold.
    private static readonly Lazy<Dictionary<char, int>> SoundGroups = new(() =>
    {
        var characters = AllCharacters().ToArray();
        var parent = Enumerable.Range(0, characters.Length).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var firstBySyllable = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < characters.Length; i++)
        {
            foreach (var syllable in Pinyin.Of(characters[i]))
            {
                if (firstBySyllable.TryGetValue(syllable, out var j))
                {
                    parent[Find(i)] = Find(j);
                }
                else
                {
                    firstBySyllable[syllable] = i;
                }
            }
        }

        return Enumerable.Range(0, characters.Length).ToDictionary(i => characters[i], i => Find(i));
    });

    private static string[] Pairs(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Syllables(string chinese) =>
        string.Concat(chinese.Select(c => NameReadings.TryGetValue(c, out var reading) ? reading : Pinyin.Of(c) is { Count: > 0 } readings ? readings[0] : c.ToString()));

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Weighted(Random random, (string Value, double Weight)[] table, double total)
    {
        var target = random.NextDouble() * total;
        foreach (var (value, weight) in table)
        {
            target -= weight;
            if (target < 0)
            {
                return value;
            }
        }

        return table[^1].Value;
    }
}
