using System.Globalization;
using CareDesk.Features.Imports.Matching;

namespace CareDesk.Bench.Imports;

/// <summary>One record of the export: a value per <see cref="Column"/> (text; for an XLSX also numbers and dates).</summary>
internal sealed class ExportRow
{
    public object?[] Cells { get; } = new object?[Enum.GetValues<Column>().Length];

    /// <summary>A CSV record broken on purpose: <c>column_count</c> or <c>unterminated_quote</c>; null for a whole one.</summary>
    public string? Broken { get; set; }

    /// <summary>For a <c>column_count</c> record: one field too many, else the last one missing.</summary>
    public bool ExtraField { get; set; }

    public object? this[Column column]
    {
        get => Cells[(int)column];
        set => Cells[(int)column] = value;
    }
}

/// <summary>A real person behind the rows: what they are, before any list writes it its own way.</summary>
internal sealed class Person
{
    public required string Key { get; init; }

    /// <summary>CN, US or HK: how the phones are dialled and what the country column says.</summary>
    public required string Region { get; init; }

    /// <summary>As first written (simplified characters for the mainland, traditional or romanised for Hong Kong).</summary>
    public required string Name { get; init; }

    /// <summary>The simplified Chinese name behind <see cref="Name"/>; null for a name in Latin letters.</summary>
    public required string? ChineseName { get; init; }

    public required bool Female { get; init; }

    public DateOnly? DateOfBirth { get; set; }

    public GeneratedPhone? Mobile { get; set; }

    public GeneratedPhone? Landline { get; set; }

    public Place? Place { get; init; }

    public (string Province, string City, string Address)? Abroad { get; init; }

    /// <summary>A mainland home: street and flat.</summary>
    public (string Street, string Flat) Home { get; init; }

    public int FirstRecord { get; set; }

    /// <summary>The number the person's duplicates share: the mobile, else the landline.</summary>
    public GeneratedPhone MainPhone => Mobile ?? Landline!;
}

/// <summary>
/// Writes a distributor's customer list row by row, deterministically from a seed: new customers, and at fixed rates
/// the duplicates, family rows, namesakes and errors of <see cref="PlantedRates"/>, each with its truth.
/// </summary>
internal sealed class DistributorExport
{
    private static readonly DateOnly LatestPurchase = new(2026, 6, 30);
    private static readonly DateOnly EarliestPurchase = new(2014, 1, 1);

    private static readonly string[] Remarks =
    [
        "老客户", "已回访", "复购试纸", "需上门培训", "已加微信", "社区活动登记", "门店购买", "网店订单", "赠品已寄", "电话回访满意",
        "视力不好，需语音提醒", "试用装", "医院推荐", "已培训使用", "本人手机",
    ];

    private static readonly string[] SalesReps = ["刘经理", "小王", "张丽", "陈工", "周敏", "李娜", "门店", "线上"];

    private static readonly string[] LatinGiven = ["Emily", "Michael", "David", "Jennifer", "Kevin", "Grace", "Daniel", "Linda", "Jason", "Amy", "Eric", "Helen", "Peter", "Susan", "Tony", "Cindy"];
    private static readonly string[] LatinSurnames = ["Chen", "Wong", "Lee", "Smith", "Johnson", "Lin", "Huang", "Brown", "Miller", "Zhang", "Wu", "Davis"];
    private static readonly string[] CantoneseSurnames = ["Chan", "Wong", "Lee", "Cheung", "Lau", "Ho", "Ng", "Leung", "Tsang", "Yip"];
    private static readonly string[] CantoneseGiven = ["Tai Man", "Siu Ming", "Ka Yan", "Wing Sze", "Chi Keung", "Mei Ling", "Kwok Wai", "Suk Fan", "Wai Kit", "Hoi Yan"];

    private static readonly (string Code, string Name, string City, string AreaCodes)[] UsStates =
    [
        ("CA", "California", "San Francisco", "415 628"), ("NY", "New York", "New York", "212 646 718 917"), ("CA", "California", "Los Angeles", "213 310 626"),
        ("WA", "Washington", "Seattle", "206 425"), ("MA", "Massachusetts", "Boston", "617"), ("TX", "Texas", "Houston", "713 832"), ("IL", "Illinois", "Chicago", "312 773"),
    ];

    private static readonly string[] UsStreets = ["Market St", "Main St", "Broadway", "Jackson St", "Grant Ave", "Pine St", "Elm St", "Lake Ave"];
    private static readonly string[] HongKongDistricts = ["九龍", "沙田", "灣仔", "觀塘", "屯門", "中環"];
    private static readonly string[] HongKongStreets = ["彌敦道", "皇后大道中", "軒尼詩道", "青山公路", "大埔道"];

    private readonly Random _random;
    private readonly bool _typedCells;
    private readonly Phones _phones;
    private readonly DeviceModels _models = DeviceModels.FromCatalog();
    private readonly List<Person> _pool = [];
    private readonly HashSet<string> _nameAndBirthKeys = new(StringComparer.Ordinal);
    private int _nextPerson;

    // After an unterminated quote no field may hold a quote for this many records, so the quote runs into the
    // reader's 100-line limit (and is reported on its own line) instead of closing on a later row's quote.
    private const int QuoteFreeRecordsAfterStrayQuote = 110;
    private int _quoteFreeUntil;
    private int _record;

    public DistributorExport(int seed, bool typedCells)
    {
        _random = new Random(seed);
        _typedCells = typedCells;
        _phones = new Phones(_random);
        Layout = ExportLayout.Shuffled(_random);
    }

    public ExportLayout Layout { get; }

    public IEnumerable<(ExportRow Row, TruthRecord Truth)> Generate(int rows)
    {
        for (var record = 1; record <= rows; record++)
        {
            var (row, truth) = Next(record);
            row[Column.RunningNumber] = record.ToString(CultureInfo.InvariantCulture);
            if (Layout.Columns.Any(c => c.Column == Column.SalesRep))
            {
                row[Column.SalesRep] = SalesReps[_random.Next(SalesReps.Length)];
            }

            yield return (row, truth);
        }
    }

    private (ExportRow Row, TruthRecord Truth) Next(int record)
    {
        _record = record;
        // The first rows are all new people, so that there is someone to duplicate.
        var kind = _pool.Count < 20 ? PlantedKind.New : PlantedRates.Pick(_random);
        return kind switch
        {
            PlantedKind.New => NewPerson(record),
            PlantedKind.Family => Family(record),
            PlantedKind.Namesake => Namesake(record),
            PlantedKind.Error => Error(record),
            _ => Duplicate(record, kind),
        };
    }

    private (ExportRow, TruthRecord) NewPerson(int record)
    {
        var person = CreatePerson(record);
        _pool.Add(person);
        var row = Write(person, person.Name);
        return (row, Truth(record, person, valid: true, "", "", null));
    }

    private Person CreatePerson(int record, bool forceMobile = false, bool forceBirth = false)
    {
        var roll = _random.Next(1000);
        var region = roll < 994 ? "CN" : roll < 997 ? "US" : "HK";
        var female = _random.Next(100) < 52;
        string name;
        string? chinese = null;
        Place? place = null;
        (string, string, string)? abroad = null;
        string[]? usAreaCodes = null;
        switch (region)
        {
            case "CN":
                chinese = name = ChineseNames.Surname(_random) + ChineseNames.GivenName(_random, female);
                place = Places.Pick(_random);
                break;
            case "US":
                name = $"{LatinGiven[_random.Next(LatinGiven.Length)]} {LatinSurnames[_random.Next(LatinSurnames.Length)]}";
                var state = UsStates[_random.Next(UsStates.Length)];
                abroad = (_random.Next(2) == 0 ? state.Code : state.Name, state.City, $"{_random.Next(10, 9999)} {UsStreets[_random.Next(UsStreets.Length)]}");
                usAreaCodes = state.AreaCodes.Split(' ');
                break;
            default:
                if (_random.Next(2) == 0)
                {
                    chinese = ChineseNames.Surname(_random) + ChineseNames.GivenName(_random, female);
                    name = ChineseNames.ToTraditional(chinese) ?? chinese;
                }
                else
                {
                    name = $"{CantoneseSurnames[_random.Next(CantoneseSurnames.Length)]} {CantoneseGiven[_random.Next(CantoneseGiven.Length)]}";
                }

                var district = HongKongDistricts[_random.Next(HongKongDistricts.Length)];
                abroad = ("香港", district, $"{district}{HongKongStreets[_random.Next(HongKongStreets.Length)]}{_random.Next(1, 500)}號{_random.Next(2, 30)}樓");
                break;
        }

        var person = new Person
        {
            Key = $"P{++_nextPerson:D7}",
            Region = region,
            Name = name,
            ChineseName = chinese,
            Female = female,
            Place = place,
            Abroad = abroad,
            Home = place is null ? default : Places.Home(place, _random),
            FirstRecord = record,
        };

        if (forceBirth || _random.Next(100) < 88)
        {
            person.DateOfBirth = UniqueBirthDate(person, BirthDate());
        }

        if (region == "CN")
        {
            var hasMobile = forceMobile || _random.Next(100) < 92;
            person.Mobile = hasMobile ? _phones.NewMobile() : null;
            person.Landline = !hasMobile || _random.Next(100) < 25 ? _phones.NewLandline(place!) : null;
        }
        else
        {
            person.Mobile = _phones.NewForeign(region, mobile: true, usAreaCodes);
        }

        return person;
    }

    // Diabetes patients are mostly older: two thirds born 1940–1970.
    private DateOnly BirthDate()
    {
        var roll = _random.Next(100);
        var (from, to) = roll < 67 ? (1940, 1970) : roll < 90 ? (1970, 1990) : roll < 97 ? (1990, 2008) : (1928, 1940);
        var start = new DateOnly(from, 1, 1).DayNumber;
        return DateOnly.FromDayNumber(start + _random.Next(new DateOnly(to, 1, 1).DayNumber - start));
    }

    /// <summary>
    /// The issue merges two rows on name and date of birth alone, so two different people must never share them, not
    /// even by a name variant (pinyin, homophone, traditional): otherwise the truth would call "two people" what the
    /// rule must call one. The date is redrawn until the pair is free; namesakes are born on other days.
    /// </summary>
    private DateOnly UniqueBirthDate(Person person, DateOnly date)
    {
        var name = NameKey(person.ChineseName ?? person.Name);
        while (!_nameAndBirthKeys.Add(name + "@" + date.DayNumber.ToString(CultureInfo.InvariantCulture)))
        {
            date = BirthDate();
        }

        return date;
    }

    private static string NameKey(string name) =>
        name.Any(c => c >= '\u3400') ? ChineseNames.SoundKey(name) : new string([.. name.Where(char.IsLetter).Select(char.ToLowerInvariant)]);

    private (ExportRow, TruthRecord) Duplicate(int record, PlantedKind kind)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var source = _pool[_random.Next(_pool.Count)];
            var result = kind switch
            {
                PlantedKind.Exact => SamePhone(source, source.Name, Variants.Exact),
                PlantedKind.Normalized => Normalized(source),
                PlantedKind.Traditional => source.Region == "CN" && ChineseNames.ToTraditional(source.Name) is { } traditional
                    ? SamePhone(source, traditional, Variants.Traditional)
                    : null,
                PlantedKind.Pinyin => source.Region == "CN" ? SamePhone(source, ChineseNames.ToPinyin(source.Name, _random), Variants.Pinyin) : null,
                PlantedKind.Homophone => source.Region == "CN" && ChineseNames.WithHomophoneTypo(source.Name, _random) is { } typo
                    ? SamePhone(source, typo, Variants.Homophone)
                    : null,
                _ => source.DateOfBirth is not null ? NameAndBirthWithNewPhone(source) : null,
            };

            if (result is { } row)
            {
                return (row, Truth(record, source, valid: true, "", VariantOf(kind), source.FirstRecord));
            }
        }

        var fallback = _pool[_random.Next(_pool.Count)];
        return (SamePhone(fallback, fallback.Name, Variants.Exact)!, Truth(record, fallback, valid: true, "", Variants.Exact, fallback.FirstRecord));
    }

    private static string VariantOf(PlantedKind kind) => kind switch
    {
        PlantedKind.Exact => Variants.Exact,
        PlantedKind.Normalized => Variants.Normalized,
        PlantedKind.Traditional => Variants.Traditional,
        PlantedKind.Pinyin => Variants.Pinyin,
        PlantedKind.Homophone => Variants.Homophone,
        _ => Variants.NameAndDob,
    };

    // The same person from another list: the same number (written its own way), the name as that list writes it,
    // another purchase; the date of birth and the address sometimes left out.
    private ExportRow? SamePhone(Person source, string name, string variant)
    {
        var row = Write(source, name, withBirth: _random.Next(100) < 85, withAddress: _random.Next(100) < 70);
        if (variant == Variants.Normalized)
        {
            var phone = source.MainPhone;
            row[phone == source.Mobile ? Column.Mobile : Column.Phone] = _phones.WriteFullWidth(phone);
        }

        return row;
    }

    // 王 芳, 王　芳 (full-width space), ＷＡＮＧ: equal after NFKC and removing spaces; the number in full-width digits.
    private ExportRow? Normalized(Person source)
    {
        var name = source.Name;
        string written;
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            written = _random.Next(2) == 0 ? name.ToUpperInvariant() : name.Replace(" ", "  ", StringComparison.Ordinal);
        }
        else
        {
            var split = source.ChineseName is null ? name.Length / 2 : ChineseNames.SurnameLength(name);
            written = name[..split] + (_random.Next(2) == 0 ? " " : "\u3000") + name[split..];
        }

        return SamePhone(source, written, Variants.Normalized);
    }

    // Same name and birthday, a number never seen before: the person changed phones.
    private ExportRow? NameAndBirthWithNewPhone(Person source)
    {
        var newPhone = source.Region == "CN" ? _phones.NewMobile() : _phones.NewForeign(source.Region, mobile: true, source.Region == "US" ? [source.Mobile!.National[..3]] : null);
        var moved = new Person
        {
            Key = source.Key,
            Region = source.Region,
            Name = source.Name,
            ChineseName = source.ChineseName,
            Female = source.Female,
            DateOfBirth = source.DateOfBirth,
            Mobile = newPhone,
            Place = source.Place,
            Abroad = source.Abroad,
            Home = source.Place is null ? default : _random.Next(2) == 0 ? source.Home : Places.Home(source.Place, _random),
            FirstRecord = source.FirstRecord,
        };
        return Write(moved, source.Name, withBirth: true, withAddress: _random.Next(100) < 50);
    }

    // A parent listed with a child's mobile: another person, whose remark says whose number it is.
    private (ExportRow, TruthRecord) Family(int record)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var child = _pool[_random.Next(_pool.Count)];
            if (child.Region != "CN" || child.Mobile is null || child.DateOfBirth is not { Year: >= 1965 } childBirth)
            {
                continue;
            }

            var father = _random.Next(100) < 70;
            var surname = father ? child.Name[..ChineseNames.SurnameLength(child.Name)] : ChineseNames.Surname(_random);
            var name = surname + ChineseNames.OlderGivenName(_random, female: !father);
            if (NameEquivalence.Compare(name, child.Name) != NameMatch.None)
            {
                continue;
            }

            var parent = new Person
            {
                Key = $"P{++_nextPerson:D7}",
                Region = "CN",
                Name = name,
                ChineseName = name,
                Female = !father,
                Place = child.Place,
                Home = _random.Next(2) == 0 ? child.Home : Places.Home(child.Place!, _random),
                FirstRecord = record,
            };
            parent.DateOfBirth = UniqueBirthDate(parent, childBirth.AddYears(-(22 + _random.Next(18))).AddDays(_random.Next(-180, 180)));
            parent.Mobile = child.Mobile;
            var row = Write(parent, name);
            row[Column.Remark] = (child.Female, _random.Next(4)) switch
            {
                (true, 0) => "女儿手机",
                (true, 1) => "女儿的电话",
                (true, 2) => "daughter's phone",
                (true, _) => "电话是女儿的",
                (false, 0) => "儿子手机",
                (false, 1) => "儿子的电话",
                (false, 2) => "son's phone",
                (false, _) => "联系人：儿子",
            };

            // Not a source for later duplicates: their "same phone" would be the child's.
            return (row, Truth(record, parent, valid: true, "", Variants.Family, child.FirstRecord));
        }

        return NewPerson(record);
    }

    // Another person with the very same name: born another day, another number, often elsewhere.
    private (ExportRow, TruthRecord) Namesake(int record)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var source = _pool[_random.Next(_pool.Count)];
            if (source.Region != "CN")
            {
                continue;
            }

            var place = _random.Next(2) == 0 ? source.Place! : Places.Pick(_random);
            var other = new Person
            {
                Key = $"P{++_nextPerson:D7}",
                Region = "CN",
                Name = source.Name,
                ChineseName = source.ChineseName,
                Female = source.Female,
                Place = place,
                Home = Places.Home(place, _random),
                FirstRecord = record,
                Mobile = _phones.NewMobile(),
            };
            other.DateOfBirth = UniqueBirthDate(other, BirthDate());
            _pool.Add(other);
            return (Write(other, other.Name), Truth(record, other, valid: true, "", Variants.Namesake, source.FirstRecord));
        }

        return NewPerson(record);
    }

    private (ExportRow, TruthRecord) Error(int record)
    {
        var error = PlantedRates.PickError(_random, _typedCells);
        if (error == PlantedError.UnterminatedQuote && record < _quoteFreeUntil)
        {
            error = PlantedError.ColumnCount;
        }

        // A fresh mainland person, written whole, then one thing spoiled. Nobody is stored, so they join no pool.
        var person = CreatePerson(record, forceMobile: true, forceBirth: true);
        while (person.Region != "CN")
        {
            person = CreatePerson(record, forceMobile: true, forceBirth: true);
        }

        var row = Write(person, person.Name, withBirth: true, quotesAllowed: false);
        var purchase = PurchaseDate();
        string reasons;
        switch (error)
        {
            case PlantedError.Masked:
                row[Column.Mobile] = Phones.Masked(person.Mobile!);
                reasons = "mobile:masked";
                break;
            case PlantedError.Letters:
                row[Column.Mobile] = _phones.WithLetter(person.Mobile!);
                reasons = "mobile:contains_letters";
                break;
            case PlantedError.Scientific:
                row[Column.Mobile] = Phones.Scientific(person.Mobile!);
                reasons = "mobile:scientific_notation";
                break;
            case PlantedError.MissingAreaCode:
                row[Column.Phone] = _phones.LocalNumberWithoutAreaCode();
                reasons = "phone:missing_area_code";
                break;
            case PlantedError.ImpossibleDate:
                var (field, column) = _random.Next(2) == 0 ? ("dob", Column.DateOfBirth) : ("purchaseDate", Column.PurchaseDate);
                var year = column == Column.DateOfBirth ? person.DateOfBirth!.Value.Year : purchase.Year;
                row[column] = _random.Next(3) switch
                {
                    0 => string.Create(CultureInfo.InvariantCulture, $"{year}-02-30"),
                    1 => string.Create(CultureInfo.InvariantCulture, $"{year}-04-31"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"{year}/13/{_random.Next(1, 29)}"),
                };
                reasons = $"{field}:impossible_date";
                break;
            case PlantedError.ImplausibleBirth:
                row[Column.DateOfBirth] = _random.Next(2) == 0
                    ? DateWriting.WriteYearFirst(new DateOnly(1880 + _random.Next(19), 1 + _random.Next(12), 1 + _random.Next(28)), _random)
                    : DateWriting.WriteYearFirst(new DateOnly(2031 + _random.Next(40), 1 + _random.Next(12), 1 + _random.Next(28)), _random);
                reasons = "dob:implausible_date";
                break;
            case PlantedError.FuturePurchase:
                row[Column.PurchaseDate] = DateWriting.WriteYearFirst(new DateOnly(2031 + _random.Next(20), 1 + _random.Next(12), 1 + _random.Next(28)), _random);
                reasons = "purchaseDate:future_date";
                break;
            case PlantedError.MissingName:
                row[Column.Name] = _random.Next(3) == 0 ? "无" : "";
                reasons = "name:missing";
                break;
            case PlantedError.AmbiguousDate:
                row[Column.DateOfBirth] = DateWriting.Ambiguous(person.DateOfBirth!.Value, _random);
                reasons = "dob:unparseable_date";
                break;
            case PlantedError.NoPhone:
                row[Column.Mobile] = _random.Next(2) == 0 ? "" : "无";
                row[Column.Phone] = "";
                reasons = "mobile:no_phone";
                break;
            case PlantedError.ColumnCount:
                row.Broken = "column_count";
                row.ExtraField = _random.Next(2) == 0;
                reasons = "column_count";
                break;
            default:
                row.Broken = "unterminated_quote";
                _quoteFreeUntil = record + QuoteFreeRecordsAfterStrayQuote;
                reasons = "unterminated_quote";
                break;
        }

        return (row, Truth(record, person, valid: false, reasons, "", null));
    }

    private DateOnly PurchaseDate() =>
        DateOnly.FromDayNumber(EarliestPurchase.DayNumber + _random.Next(LatestPurchase.DayNumber - EarliestPurchase.DayNumber + 1));

    /// <summary>The person as one list writes them: every field in its own format, some left out.</summary>
    private ExportRow Write(Person person, string name, bool withBirth = true, bool withAddress = true, bool? quotesAllowed = null)
    {
        var quotes = (quotesAllowed ?? true) && _record >= _quoteFreeUntil;
        var row = new ExportRow();
        row[Column.Name] = name;
        row[Column.Gender] = _random.Next(100) switch
        {
            < 6 => "",
            < 80 => person.Female ? "女" : "男",
            < 88 => person.Female ? "F" : "M",
            < 94 => person.Female ? "女性" : "男性",
            _ => person.Female ? "女士" : "先生",
        };

        row[Column.DateOfBirth] = withBirth && person.DateOfBirth is { } birth ? WriteDate(birth, quotes) : Placeholder();
        row[Column.Mobile] = person.Mobile is { } mobile ? WritePhone(mobile) : Placeholder();
        row[Column.Phone] = person.Landline is { } landline && (person.Mobile is null || _random.Next(100) < 80) ? _phones.Write(landline) : "";

        if (person.Place is { } place)
        {
            row[Column.Province] = Places.ProvinceAsWritten(place, _random);
            row[Column.City] = Places.CityAsWritten(place, _random);
            row[Column.Country] = _random.Next(100) switch
            {
                < 80 => "",
                < 95 => "中国",
                _ => "CN",
            };
            if (withAddress)
            {
                var separator = !quotes ? null : _random.Next(1000) switch
                {
                    < 15 => ",",
                    < 20 => "\n",
                    _ => null,
                };
                row[Column.Address] = Places.Address(person.Home, separator);
            }
        }
        else if (person.Abroad is var (province, city, address))
        {
            row[Column.Province] = province;
            row[Column.City] = city;
            var apartment = person.Region == "US" && quotes && _random.Next(3) == 0 ? $", Apt {_random.Next(1, 40)}" : "";
            row[Column.Address] = withAddress ? address + apartment : "";
            row[Column.Country] = person.Region == "US"
                ? new[] { "US", "美国", "USA", "United States" }[_random.Next(4)]
                : new[] { "HK", "香港", "Hong Kong", "中国香港" }[_random.Next(4)];
        }

        row[Column.PurchaseDate] = _random.Next(100) < 97 ? WriteDate(PurchaseDate(), quotes) : "";
        var (model, serial) = _models.Pick(_random);
        row[Column.Model] = model;
        row[Column.Serial] = _random.Next(100) < 80 ? serial : "";
        row[Column.Remark] = _random.Next(100) < 12 ? Remarks[_random.Next(Remarks.Length)] : "";
        if (!quotes && row.Cells.Any(c => c is string text && text.AsSpan().IndexOfAny(",\"\r\n") >= 0))
        {
            throw new InvalidOperationException($"Record {_record} needs quotes where none may be (after a stray quote).");
        }

        return row;
    }

    // A date; in an XLSX sometimes a real date cell (Excel keeps a date typed into a date-formatted column so), or a
    // number cell holding the serial or the digits 19620305.
    private object WriteDate(DateOnly date, bool allowComma)
    {
        var roll = _typedCells ? _random.Next(100) : 100;
        return roll switch
        {
            < 40 => date.ToDateTime(TimeOnly.MinValue),
            < 45 => (double)DateWriting.ExcelSerial(date),
            < 48 => (double)(date.Year * 10_000 + date.Month * 100 + date.Day),
            _ => DateWriting.Write(date, _random, allowComma),
        };
    }

    // A mobile; in an XLSX sometimes a number cell, as Excel stores a long run of digits.
    private object WritePhone(GeneratedPhone phone) =>
        _typedCells && phone.Region == "CN" && _random.Next(100) < 25 ? double.Parse(phone.National, CultureInfo.InvariantCulture) : _phones.Write(phone);

    private string Placeholder() => _random.Next(100) switch
    {
        < 85 => "",
        < 92 => "无",
        < 96 => "-",
        _ => "N/A",
    };

    private static TruthRecord Truth(int record, Person person, bool valid, string reasons, string variant, int? source) =>
        new(record, 0, person.Key, valid, reasons, variant, source);
}
