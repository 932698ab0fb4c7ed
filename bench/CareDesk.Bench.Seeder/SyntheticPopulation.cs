using System.Globalization;
using CareDesk.Features.People.Search;
using NpgsqlTypes;

namespace CareDesk.Bench.Seeder;

/// <summary>One column of a bulk load: its name and its PostgreSQL type (SQLite derives its own from the value).</summary>
internal sealed record Column(string Name, NpgsqlDbType Type);

/// <summary>Rows for one table, produced lazily so a million people never sit in memory at once.</summary>
internal sealed record TableLoad(string Table, IReadOnlyList<Column> Columns, long Count, Func<IEnumerable<object?[]>> Rows)
{
    /// <summary>The count printed: "~" when <see cref="Count"/> is an estimate (search terms vary per name and number).</summary>
    public bool Estimated { get; init; }

    public string CountText => Estimated ? $"~{Count:N0}" : $"{Count:N0}";
}

/// <summary>
/// A deterministic synthetic population: every value is a pure function of the row's index, so two runs with the
/// same sizes produce the same database (and the same sample numbers) without a shared random sequence.
/// Person i owns one mobile, one landline and one e-mail, every 4th (i % 4 == 3) also a WeChat id; every 20th person
/// (i % 20 == 19) is the caregiver of person i - 1.
/// </summary>
internal sealed class SyntheticPopulation(int people, int devices)
{
    public const int CaregiverEvery = 20;

    public const int MessagingEvery = 4;

    // Chinese mobile prefixes libphonenumber accepts as valid for CN.
    private static readonly string[] MobilePrefixes =
        ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156",
         "157", "158", "159", "180", "181", "182", "183", "185", "186", "187", "188", "189"];

    // Area codes (without the trunk 0) of large cities with 8-digit local numbers.
    private static readonly string[] AreaCodes = ["10", "21", "20", "22", "23", "25", "27", "28", "29", "24", "755", "571", "512", "532", "731"];

    private static readonly string[] FamilyNames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
         "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "欧阳", "司马"];

    private static readonly string[] GivenNameParts =
        ["伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞",
         "平", "刚", "桂", "兰", "华", "建", "国", "红", "玉", "文", "志", "春"];

    public static readonly (string Id, string ManufacturerId, string Category, string NameEn, int WarrantyMonths)[] Models =
    [
        ("bench-meter-a", "bench-maker-a", "meter", "Bench Meter A", 60),
        ("bench-meter-b", "bench-maker-a", "meter", "Bench Meter B", 36),
        ("bench-pump-a", "bench-maker-b", "pump", "Bench Pump A", 48),
        ("bench-cgm-a", "bench-maker-b", "cgm", "Bench CGM A", 12),
    ];

    private static readonly DateTimeOffset RecordedAt = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly FirstBirthDate = new(1935, 1, 1);
    private static readonly DateOnly FirstPurchase = new(2019, 1, 1);

    public int People => people;

    /// <summary>Two phones and an e-mail each, and a WeChat id for every <see cref="MessagingEvery"/>th person.</summary>
    public long ContactPoints => (3L * people) + (people / MessagingEvery);

    public static Guid Id(int table, long index) =>
        // Index first: ascending keys append to the primary-key B-tree instead of splitting pages at random.
        new((int)(index >> 16), (short)(index & 0xFFFF), (short)(0x7000 | table), 0x80, 0, 0, 0, 0, 0, 0, 0);

    public static bool IsCaregiver(int person) => person % CaregiverEvery == CaregiverEvery - 1;

    public static string Mobile(int person) =>
        // (person mod P, bijection of person div P) is unique for every person below 10^8 × P.
        string.Create(CultureInfo.InvariantCulture, $"+86{MobilePrefixes[person % MobilePrefixes.Length]}{(person / MobilePrefixes.Length * 7919L + 12345) % 100_000_000:D8}");

    public static string Landline(int person) =>
        string.Create(CultureInfo.InvariantCulture, $"+86{AreaCodes[person % AreaCodes.Length]}{20_000_000 + (person / AreaCodes.Length * 104729L + 777) % 60_000_000}");

    public static (string Family, string Given) Name(int person)
    {
        var h = Mix(person);
        var family = FamilyNames[(int)(h % (ulong)FamilyNames.Length)];
        var given = GivenNameParts[(int)((h >> 8) % (ulong)GivenNameParts.Length)]
            + ((h >> 16) % 3 == 0 ? "" : GivenNameParts[(int)((h >> 24) % (ulong)GivenNameParts.Length)]);
        return (family, given);
    }

    // Lower case, as CareDesk stores e-mails.
    public static string Email(int person) => string.Create(CultureInfo.InvariantCulture, $"person{person:D7}@example.cn");

    public static string Serial(int device) => string.Create(CultureInfo.InvariantCulture, $"SN{device:D10}");

    public static bool HasMessaging(int person) => person % MessagingEvery == MessagingEvery - 1;

    // Shaped like a WeChat OpenID (28 characters from "o"), unique by the index in its tail.
    public static string WeChatId(int person) => string.Create(CultureInfo.InvariantCulture, $"o6_bm{Mix(person + 0x77EC_0000_0000L):x16}{person:x7}");

    public static int AreaCodeLength(int person) => AreaCodes[person % AreaCodes.Length].Length;

    public IEnumerable<TableLoad> Tables()
    {
        yield return new TableLoad("people", PeopleColumns, people, PeopleRows);
        yield return new TableLoad("contact_points", ContactPointColumns, ContactPoints, ContactPointRows);
        yield return new TableLoad("relationships", RelationshipColumns, people / CaregiverEvery, RelationshipRows);
        yield return new TableLoad("devices", DeviceColumns, devices, DeviceRows);
        // CareDesk's own term rules, so the bench searches what the app would have indexed (docs/adr/0003).
        yield return new TableLoad("person_search_terms", SearchTermColumns, 28L * people, SearchTermRows) { Estimated = true };
    }

    private static readonly Column[] SearchTermColumns =
    [
        new("PersonId", NpgsqlDbType.Uuid), new("SourceId", NpgsqlDbType.Uuid), new("Term", NpgsqlDbType.Varchar),
    ];

    private IEnumerable<object?[]> SearchTermRows()
    {
        for (var i = 0; i < people; i++)
        {
            var (family, given) = Name(i);
            var person = Id(1, i);
            foreach (var term in SearchTerms.ForName(family + given))
            {
                yield return [person, person, term];
            }

            foreach (var term in SearchTerms.ForPhone(Mobile(i)))
            {
                yield return [person, Id(2, 2L * i), term];
            }

            foreach (var term in SearchTerms.ForPhone(Landline(i)))
            {
                yield return [person, Id(2, (2L * i) + 1), term];
            }
        }
    }

    private static readonly Column[] PeopleColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("FamilyName", NpgsqlDbType.Varchar), new("GivenName", NpgsqlDbType.Varchar),
        new("DisplayName", NpgsqlDbType.Varchar), new("Kind", NpgsqlDbType.Varchar), new("DateOfBirth", NpgsqlDbType.Date),
        new("Sex", NpgsqlDbType.Varchar), new("Languages", NpgsqlDbType.Array | NpgsqlDbType.Text),
        new("TimeZone", NpgsqlDbType.Varchar), new("CreatedAt", NpgsqlDbType.TimestampTz),
        new("UpdatedAt", NpgsqlDbType.TimestampTz), new("Version", NpgsqlDbType.Uuid),
        new("Accessibility_HardOfHearing", NpgsqlDbType.Boolean), new("Accessibility_LowVision", NpgsqlDbType.Boolean),
        new("Accessibility_NeedsCaregiverPresent", NpgsqlDbType.Boolean), new("Accessibility_NeedsVideo", NpgsqlDbType.Boolean),
    ];

    private IEnumerable<object?[]> PeopleRows()
    {
        string[] languages = ["zh-CN"];
        for (var i = 0; i < people; i++)
        {
            var h = Mix(i);
            var (family, given) = Name(i);
            yield return
            [
                Id(1, i), family, given, family + given, IsCaregiver(i) ? "Caregiver" : "Patient",
                FirstBirthDate.AddDays((int)((h >> 32) % 25_000)), (h >> 40) % 2 == 0 ? "Female" : "Male", languages,
                "Asia/Shanghai", RecordedAt, RecordedAt, Id(9, i),
                (h >> 48) % 12 == 0, (h >> 52) % 15 == 0, false, false,
            ];
        }
    }

    private static readonly Column[] ContactPointColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("PersonId", NpgsqlDbType.Uuid), new("Kind", NpgsqlDbType.Varchar),
        new("Type", NpgsqlDbType.Varchar), new("Value", NpgsqlDbType.Varchar), new("LastDigits", NpgsqlDbType.Varchar),
        new("IsPrimary", NpgsqlDbType.Boolean), new("Provenance_RecordedAt", NpgsqlDbType.TimestampTz),
        new("Provenance_Source", NpgsqlDbType.Varchar),
    ];

    private IEnumerable<object?[]> ContactPointRows()
    {
        for (var i = 0; i < people; i++)
        {
            var mobile = Mobile(i);
            var landline = Landline(i);
            yield return [Id(2, 2L * i), Id(1, i), "Phone", "mobile", mobile, mobile[^4..], true, RecordedAt, "Import"];
            yield return [Id(2, (2L * i) + 1), Id(1, i), "Phone", "landline", landline, landline[^4..], false, RecordedAt, "Import"];
            yield return [Id(5, i), Id(1, i), "Email", "email", Email(i), null, true, RecordedAt, "Import"];
            if (HasMessaging(i))
            {
                yield return [Id(6, i), Id(1, i), "Messaging", "wechat", WeChatId(i), null, false, RecordedAt, "Import"];
            }
        }
    }

    private static readonly Column[] RelationshipColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("FromPersonId", NpgsqlDbType.Uuid), new("ToPersonId", NpgsqlDbType.Uuid),
        new("Kind", NpgsqlDbType.Varchar), new("Provenance_RecordedAt", NpgsqlDbType.TimestampTz),
        new("Provenance_Source", NpgsqlDbType.Varchar),
    ];

    private IEnumerable<object?[]> RelationshipRows()
    {
        for (var i = CaregiverEvery - 1; i < people; i += CaregiverEvery)
        {
            yield return [Id(3, i), Id(1, i), Id(1, i - 1), "CaregiverOf", RecordedAt, "Import"];
        }
    }

    private static readonly Column[] DeviceColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("PersonId", NpgsqlDbType.Uuid), new("ModelId", NpgsqlDbType.Varchar),
        new("SerialNumber", NpgsqlDbType.Varchar), new("PurchaseDate", NpgsqlDbType.Date), new("WarrantyEnd", NpgsqlDbType.Date),
        new("Status", NpgsqlDbType.Varchar), new("Version", NpgsqlDbType.Uuid),
        new("Provenance_RecordedAt", NpgsqlDbType.TimestampTz), new("Provenance_Source", NpgsqlDbType.Varchar),
    ];

    private IEnumerable<object?[]> DeviceRows()
    {
        for (var j = 0; j < devices; j++)
        {
            var h = Mix(j + 0x5EED_0000_0000L);
            var model = Models[(int)(h % (ulong)Models.Length)];
            var purchased = FirstPurchase.AddDays((int)((h >> 8) % 2_500));
            yield return
            [
                Id(4, j), Id(1, j % people), model.Id, Serial(j), purchased,
                purchased.AddMonths(model.WarrantyMonths), "InUse", Id(8, j), RecordedAt, "Import",
            ];
        }
    }

    // SplitMix64: a cheap, well-spread hash of the index.
    private static ulong Mix(long index)
    {
        var z = (ulong)index + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
