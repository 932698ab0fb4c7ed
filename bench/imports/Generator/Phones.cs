using System.Globalization;
using PhoneNumbers;

namespace CareDesk.Bench.Imports;

/// <summary>A phone number as generated: the region it belongs to and its digits as dialled inside that region.</summary>
/// <param name="Region">ISO 3166 alpha-2: CN, US or HK.</param>
/// <param name="National">The national significant number (mainland landlines: area code without the 0, then the number).</param>
/// <param name="AreaCodeLength">For a mainland landline, how many leading digits of <paramref name="National"/> are its area code.</param>
internal sealed record GeneratedPhone(string Region, string National, bool IsMobile, int AreaCodeLength = 0)
{
    public string E164 => Region switch
    {
        "CN" => "+86" + National,
        "US" => "+1" + National,
        _ => "+852" + National,
    };
}

/// <summary>
/// New phone numbers, every one valid by libphonenumber and never handed out twice (two people never share a number
/// unless the generator plants it), and the ways people write them in a spreadsheet.
/// </summary>
internal sealed class Phones(Random random)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // The mobile prefixes in use, weighted toward the old 13x/15x/18x ranges most older customers still have.
    private static readonly (string Prefix, int Weight)[] MobilePrefixes =
    [
        ("130", 4), ("131", 4), ("132", 4), ("133", 4), ("134", 4), ("135", 6), ("136", 6), ("137", 6), ("138", 7), ("139", 7),
        ("145", 1), ("147", 1), ("150", 4), ("151", 4), ("152", 3), ("153", 3), ("155", 3), ("156", 3), ("157", 2), ("158", 4),
        ("159", 4), ("166", 2), ("173", 2), ("175", 1), ("176", 2), ("177", 2), ("178", 2), ("180", 3), ("181", 3), ("182", 3),
        ("183", 3), ("185", 3), ("186", 4), ("187", 3), ("188", 3), ("189", 4), ("191", 1), ("195", 1), ("198", 2), ("199", 2),
    ];

    private static readonly int MobileWeightTotal = MobilePrefixes.Sum(p => p.Weight);

    private static readonly string[] UsAreaCodes = ["212", "415", "646", "718", "213", "310", "626", "408", "617", "206", "312", "713", "917", "425"];

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    // libphonenumber decides a mainland mobile's validity on its first seven digits at most: cache by them.
    private readonly Dictionary<string, bool> _validMobileBlocks = new(StringComparer.Ordinal);

    public int Issued => _used.Count;

    public GeneratedPhone NewMobile()
    {
        while (true)
        {
            var target = random.Next(MobileWeightTotal);
            var prefix = MobilePrefixes[^1].Prefix;
            foreach (var (candidate, weight) in MobilePrefixes)
            {
                target -= weight;
                if (target < 0)
                {
                    prefix = candidate;
                    break;
                }
            }

            var digits = prefix + Digits(8);
            var block = digits[..7];
            if (!_validMobileBlocks.TryGetValue(block, out var valid))
            {
                valid = IsValid(digits, "CN", PhoneNumberType.MOBILE);
                _validMobileBlocks[block] = valid;
            }

            if (valid && _used.Add("+86" + digits))
            {
                return new GeneratedPhone("CN", digits, IsMobile: true);
            }
        }
    }

    public GeneratedPhone NewLandline(Place place)
    {
        var area = place.AreaCode[1..];
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            // Three-digit area codes (010, 02x) have 8-digit numbers; four-digit ones mostly 8, some cities still 7.
            var length = area.Length == 2 || attempt % 3 != 2 ? 8 : 7;
            var local = (char)('2' + random.Next(7)) + Digits(length - 1);
            var national = area + local;
            if (IsValid(national, "CN", PhoneNumberType.FIXED_LINE) && _used.Add("+86" + national))
            {
                return new GeneratedPhone("CN", national, IsMobile: false, area.Length);
            }
        }

        throw new InvalidOperationException($"No valid landline found for area code {place.AreaCode}.");
    }

    /// <param name="areaCodes">For a US number, the area codes of the person's city.</param>
    public GeneratedPhone NewForeign(string region, bool mobile, string[]? areaCodes = null)
    {
        areaCodes ??= UsAreaCodes;
        while (true)
        {
            var national = region switch
            {
                "US" => areaCodes[random.Next(areaCodes.Length)] + (char)('2' + random.Next(8)) + Digits(6),
                _ => (mobile ? "569"[random.Next(3)] : "23"[random.Next(2)]) + Digits(7),
            };

            if (IsValid(national, region, null) && _used.Add(new GeneratedPhone(region, national, mobile).E164))
            {
                return new GeneratedPhone(region, national, mobile);
            }
        }
    }

    /// <summary>
    /// A local number of 7–8 digits: the landline typed without its area code. Some 8-digit ones read as a valid number
    /// of a two-digit area code (20963699 as 020-963699); those are drawn again, so the import can only call it missing.
    /// </summary>
    public string LocalNumberWithoutAreaCode()
    {
        while (true)
        {
            var local = (char)('2' + random.Next(7)) + Digits(random.Next(2) == 0 ? 7 : 6);
            if (!IsValid(local, "CN", null))
            {
                return local;
            }
        }
    }

    /// <summary>The number as a person types it: spaced, dashed, with +86 or 0086, a landline in brackets or with an extension.</summary>
    public string Write(GeneratedPhone phone)
    {
        var n = phone.National;
        if (phone.Region == "US")
        {
            return random.Next(4) switch
            {
                0 => $"({n[..3]}) {n[3..6]}-{n[6..]}",
                1 => $"{n[..3]}-{n[3..6]}-{n[6..]}",
                2 => $"+1 {n[..3]} {n[3..6]} {n[6..]}",
                _ => n,
            };
        }

        if (phone.Region == "HK")
        {
            return random.Next(3) switch
            {
                0 => $"{n[..4]} {n[4..]}",
                1 => $"+852 {n[..4]} {n[4..]}",
                _ => n,
            };
        }

        if (phone.IsMobile)
        {
            return random.Next(100) switch
            {
                < 62 => n,
                < 72 => $"{n[..3]} {n[3..7]} {n[7..]}",
                < 82 => $"{n[..3]}-{n[3..7]}-{n[7..]}",
                < 90 => $"+86 {n[..3]} {n[3..7]} {n[7..]}",
                < 96 => $"+86-{n}",
                _ => $"0086 {n}",
            };
        }

        var area = "0" + n[..phone.AreaCodeLength];
        var local = n[phone.AreaCodeLength..];
        return random.Next(100) switch
        {
            < 50 => $"{area}-{local}",
            < 65 => $"({area}){local}",
            < 78 => $"{area} {local}",
            < 88 => area + local,
            < 95 => $"{area}-{local}转{random.Next(100, 9000)}",
            _ => $"+86 {n[..phone.AreaCodeLength]} {local}",
        };
    }

    /// <summary>The way a phone is written in the "normalized" duplicate: full-width digits, or full-width spaces between groups.</summary>
    public string WriteFullWidth(GeneratedPhone phone)
    {
        var written = phone.IsMobile && phone.Region == "CN" && random.Next(2) == 0
            ? $"{phone.National[..3]}\u3000{phone.National[3..7]}\u3000{phone.National[7..]}"
            : Write(phone);
        return random.Next(3) == 0 ? written : ToFullWidthDigits(written);
    }

    public static string ToFullWidthDigits(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c));

    /// <summary>138****1234, as a CRM export hides numbers from whoever reads it.</summary>
    public static string Masked(GeneratedPhone phone) =>
        phone.National.Length == 11 ? $"{phone.National[..3]}****{phone.National[7..]}" : $"{phone.National[..2]}****{phone.National[6..]}";

    /// <summary>A digit typed as a letter (O for 0, l for 1): the letters must not spell an extension or an exponent.</summary>
    public string WithLetter(GeneratedPhone phone)
    {
        var chars = phone.National.ToCharArray();
        var position = 3 + random.Next(chars.Length - 4);
        chars[position] = "OolI"[random.Next(4)];
        return new string(chars);
    }

    /// <summary>What Excel writes to CSV for a number cell too long for its column: 1.38001E+10, the last digits gone.</summary>
    public static string Scientific(GeneratedPhone phone)
    {
        var digits = phone.National;
        var mantissa = digits[1..6].TrimEnd('0');
        return mantissa.Length == 0
            ? $"{digits[0]}E+{digits.Length - 1}"
            : $"{digits[0]}.{mantissa}E+{(digits.Length - 1).ToString(CultureInfo.InvariantCulture)}";
    }

    private static bool IsValid(string national, string region, PhoneNumberType? type)
    {
        try
        {
            var number = Util.Parse(national, region);
            return Util.IsValidNumberForRegion(number, region) && (type is not { } expected || Util.GetNumberType(number) == expected);
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private string Digits(int count)
    {
        Span<char> digits = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }

        return new string(digits);
    }
}
