using System.Globalization;
using System.Text.RegularExpressions;
using CareDesk.Features.Imports.Reading;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// A birth or purchase date, typed every way distributors type them, or an XLSX date or serial-number cell.
/// </summary>
/// <remarks>
/// Read: <c>Y-M-D</c>, <c>Y/M/D</c>, <c>Y.M.D</c> (a time after it, as Excel writes, is ignored); <c>Y年M月D日</c>
/// (spaces, 号 for 日); <c>D.M.Y</c> (a year last with dots is European, day first); <c>YYYYMMDD</c>;
/// <c>D-Mon-YYYY</c>, <c>D Mon YYYY</c>, <c>Mon D, YYYY</c> in English; Excel serial numbers, also typed as text
/// (up to five digits), with Excel's 1900 leap-year bug (serial 60 is its fictitious 29 February 1900).
/// Refused as <see cref="CellReason.UnparseableDate"/>, on purpose:
/// <list type="bullet">
/// <item><c>D/M/Y</c> or <c>M/D/Y</c> with both first numbers 12 or less (03/05/1962): American and European
/// exports disagree and nothing in the cell says which; when one of them is over 12 (25/03/1962, 03/25/1962) or both
/// are equal it can only be one date, and is read.</item>
/// <item>Two-digit years (62-03-05, 5.3.62): 62 may be 1962 or 2062, and the order of the parts is as unknown.</item>
/// <item>A bare year (1962, as text or number): the person's birthday is not known; we do not invent 1 January.</item>
/// </list>
/// "Today" is the injected clock's local date, so a test fixes it.
/// </remarks>
public sealed partial class DateCell(TimeProvider time)
{
    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);
    private static readonly DateOnly EarliestPurchase = new(1990, 1, 1);

    // The largest serial Excel has: 9999-12-31.
    private const double LastSerial = 2958465;

    // English month names and their abbreviations ("Sept" included), by month number.
    private static readonly Dictionary<string, int> Months = new[]
    {
        "jan|january", "feb|february", "mar|march", "apr|april", "may", "jun|june", "jul|july", "aug|august",
        "sep|sept|september", "oct|october", "nov|november", "dec|december",
    }
        .SelectMany((names, index) => names.Split('|').Select(name => (name, month: index + 1)))
        .ToDictionary(entry => entry.name, entry => entry.month, StringComparer.OrdinalIgnoreCase);

    public CellResult<DateOnly> Parse(CellValue cell, DateKind kind)
    {
        var read = cell.Kind switch
        {
            CellKind.Date => CellResult<DateOnly>.Of(DateOnly.FromDateTime(cell.Date)),
            CellKind.Number => FromNumber(cell.Number),
            _ => TextCell.Clean(cell) is { } text ? FromText(text) : CellResult<DateOnly>.Blank,
        };

        return read.HasValue ? Plausible(read.Value, kind) : read;
    }

    private CellResult<DateOnly> Plausible(DateOnly date, DateKind kind)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        return kind switch
        {
            DateKind.Birth when date < EarliestBirth || date > today => CellReason.ImplausibleDate,
            DateKind.Purchase when date > today => CellReason.FutureDate,
            DateKind.Purchase when date < EarliestPurchase => CellReason.ImplausibleDate,
            _ => CellResult<DateOnly>.Of(date),
        };
    }

    private static CellResult<DateOnly> FromText(string text)
    {
        if (YearFirst().Match(text) is { Success: true } ymd)
        {
            return Date(ymd.Groups["y"].Value, ymd.Groups["m"].Value, ymd.Groups["d"].Value);
        }

        if (Chinese().Match(text) is { Success: true } chinese)
        {
            return Date(chinese.Groups["y"].Value, chinese.Groups["m"].Value, chinese.Groups["d"].Value);
        }

        if (DayFirstWithDots().Match(text) is { Success: true } dmy)
        {
            return Date(dmy.Groups["y"].Value, dmy.Groups["m"].Value, dmy.Groups["d"].Value);
        }

        if (YearLast().Match(text) is { Success: true } yearLast)
        {
            return FromYearLast(Number(yearLast.Groups["a"].Value), Number(yearLast.Groups["b"].Value), Number(yearLast.Groups["y"].Value));
        }

        if (Compact().Match(text) is { Success: true } compact)
        {
            return Date(compact.Groups["y"].Value, compact.Groups["m"].Value, compact.Groups["d"].Value);
        }

        if (DayMonthName().Match(text) is { Success: true } dayMonth && Months.TryGetValue(dayMonth.Groups["mon"].Value, out var month))
        {
            return Date(Number(dayMonth.Groups["y"].Value), month, Number(dayMonth.Groups["d"].Value));
        }

        if (MonthNameDay().Match(text) is { Success: true } monthDay && Months.TryGetValue(monthDay.Groups["mon"].Value, out month))
        {
            return Date(Number(monthDay.Groups["y"].Value), month, Number(monthDay.Groups["d"].Value));
        }

        if (TypedSerial().IsMatch(text))
        {
            return FromNumber(double.Parse(text, CultureInfo.InvariantCulture));
        }

        return CellReason.UnparseableDate;
    }

    private static CellResult<DateOnly> FromYearLast(int first, int second, int year)
    {
        if (first > 12 && second <= 12)
        {
            return Date(year, second, first);
        }

        if (second > 12 && first <= 12)
        {
            return Date(year, first, second);
        }

        // Both ≤ 12 and different: the cell alone cannot say day from month. Both > 12: no month at all.
        return first == second ? Date(year, first, second)
            : first > 12 ? CellReason.ImpossibleDate
            : CellReason.UnparseableDate;
    }

    private static CellResult<DateOnly> FromNumber(double number)
    {
        if (!double.IsFinite(number) || number < 0 || number > 99_999_999)
        {
            return CellReason.UnparseableDate;
        }

        var whole = Math.Floor(number);
        if (whole == number && whole is >= 1900 and <= 2100)
        {
            // A bare year, not serial 1900–2100 (which would be 1905): see the remarks.
            return CellReason.UnparseableDate;
        }

        if (whole == number && whole >= 10_000_000)
        {
            // 19620305 typed into a number cell.
            var digits = ((long)whole).ToString(CultureInfo.InvariantCulture);
            return Date(digits[..4], digits[4..6], digits[6..]);
        }

        if (whole > LastSerial)
        {
            return CellReason.UnparseableDate;
        }

        // Serial 0 is Excel's "1900-01-00" and 60 its 1900-02-29: neither day existed. Excel counts 1900 as a leap
        // year (Lotus 1-2-3's bug), so from serial 61 on, day 1 is 1899-12-30 and not -31.
        return whole switch
        {
            0 or 60 => CellReason.ImpossibleDate,
            < 60 => CellResult<DateOnly>.Of(new DateOnly(1899, 12, 31).AddDays((int)whole)),
            _ => CellResult<DateOnly>.Of(new DateOnly(1899, 12, 30).AddDays((int)whole)),
        };
    }

    private static CellResult<DateOnly> Date(string year, string month, string day) => Date(Number(year), Number(month), Number(day));

    private static CellResult<DateOnly> Date(int year, int month, int day) =>
        year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            ? CellReason.ImpossibleDate
            : CellResult<DateOnly>.Of(new DateOnly(year, month, day));

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private const string Time = @"(?:[ T]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?";

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*(?<sep>[-/.])\s*(?<m>[0-9]{1,2})\s*\k<sep>\s*(?<d>[0-9]{1,2})" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*年\s*(?<m>[0-9]{1,2})\s*月\s*(?<d>[0-9]{1,2})\s*[日号]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*\.\s*(?<m>[0-9]{1,2})\s*\.\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstWithDots();

    [GeneratedRegex(@"^(?<a>[0-9]{1,2})\s*(?<sep>[-/])\s*(?<b>[0-9]{1,2})\s*\k<sep>\s*(?<y>[0-9]{4})" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex YearLast();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(?:\s*-\s*|\s+)(?<mon>[A-Za-z]{3,9})\.?(?:\s*-\s*|\s+)(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"^(?<mon>[A-Za-z]{3,9})\.?\s*(?<d>[0-9]{1,2})(?:st|nd|rd|th)?\s*,?\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"^[0-9]{1,5}(?:\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TypedSerial();
}
