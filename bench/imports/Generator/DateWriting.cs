using System.Globalization;

namespace CareDesk.Bench.Imports;

/// <summary>
/// A date as distributors type it, in every format docs/imports.md says the import reads: Y-M-D, Y/M/D, Y.M.D,
/// Y年M月D日, D.M.Y, YYYYMMDD, an Excel serial typed as text, D-Mon-YYYY, Mon D, YYYY, D/M/Y where only one reading
/// exists, and Y-M-D with Excel's time. Never a form the import refuses on purpose (03/05/1962, two-digit years).
/// </summary>
internal static class DateWriting
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <param name="allowComma">False where the CSV field may not be quoted: "Mon D, YYYY" is then written D-Mon-YYYY.</param>
    public static string Write(DateOnly date, Random random, bool allowComma = true)
    {
        var c = CultureInfo.InvariantCulture;
        return random.Next(100) switch
        {
            < 34 => date.ToString("yyyy-MM-dd", c),
            < 50 => date.ToString("yyyy/M/d", c),
            < 56 => date.ToString("yyyy.MM.dd", c),
            < 64 => date.ToString("yyyy年M月d日", c),
            < 66 => date.ToString("yyyy年MM月dd号", c),
            < 70 => date.ToString("d.M.yyyy", c),
            < 78 => date.ToString("yyyyMMdd", c),
            < 83 => ExcelSerial(date).ToString(c),
            < 87 => date.ToString("d-MMM-yyyy", c),
            < 91 when allowComma => date.ToString("MMM d, yyyy", c),
            < 91 => date.ToString("d-MMM-yyyy", c),
            // Day first with slashes is read only when it cannot be a month (25/03/1962) or both are equal.
            < 95 when date.Day > 12 || date.Day == date.Month => date.ToString("dd/MM/yyyy", c),
            < 95 => date.ToString("yyyy-M-d", c),
            _ => date.ToString("yyyy-MM-dd", c) + " 00:00:00",
        };
    }

    /// <summary>A date far from today in a year-first form, for the planted implausible and future dates (no Excel serial, which cannot go before 1900).</summary>
    public static string WriteYearFirst(DateOnly date, Random random) => random.Next(3) switch
    {
        0 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        1 => date.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
        _ => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
    };

    /// <summary>Excel's serial number of the date (from 1900-03-01 on, where Excel's calendar agrees with the real one).</summary>
    public static int ExcelSerial(DateOnly date) => date.DayNumber - ExcelEpoch.DayNumber;

    /// <summary>03/05/1962: day and month both 12 or less, so it is either March or May; the import refuses to guess.</summary>
    public static string Ambiguous(DateOnly date, Random random)
    {
        var day = 1 + random.Next(12);
        var month = 1 + random.Next(12);
        if (day == month)
        {
            month = month % 12 + 1;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{day:00}/{month:00}/{date.Year}");
    }
}
