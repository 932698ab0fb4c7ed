using System.Collections.Concurrent;
using System.Collections.Frozen;
using PublicHoliday;

namespace CareDesk.Features.ServiceLevels;

/// <summary>
/// The days off of one country, from the PublicHoliday library (observed dates: a US holiday on a Saturday is
/// off on the Friday). Years are computed once and kept; safe to share between threads.
/// </summary>
internal sealed class PublicHolidays
{
    private static readonly ConcurrentDictionary<string, PublicHolidays> Countries = new(StringComparer.Ordinal);

    private readonly IPublicHolidays source;
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> years = new();
    private readonly Lock sourceLock = new();

    private PublicHolidays(string country, IPublicHolidays source)
    {
        Country = country;
        this.source = source;
    }

    public string Country { get; }

    /// <summary>The holidays of a country (ISO 3166-1 alpha-2), or null when the library has no calendar for it.</summary>
    public static PublicHolidays? For(string country)
    {
        var code = country.Trim().ToUpperInvariant();
        if (Countries.TryGetValue(code, out var known))
        {
            return known;
        }

        if (code.Length != 2)
        {
            return null;
        }

        IPublicHolidays source;
        try
        {
            source = PublicHolidayFactory.GetPublicHolidayForCountry(code);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The library's way of saying it has no calendar for this country (China among them).
            return null;
        }

        return Countries.GetOrAdd(code, new PublicHolidays(code, source));
    }

    public bool IsHoliday(DateOnly date) => years.GetOrAdd(date.Year, Compute).Contains(date);

    private FrozenSet<DateOnly> Compute(int year)
    {
        // A holiday may be observed in the year before its own (the US New Year's Day on a Saturday is off on
        // 31 December), so the neighbouring years' lists are read too.
        var days = new HashSet<DateOnly>();
        lock (sourceLock)
        {
            for (var y = Math.Max(1, year - 1); y <= Math.Min(9998, year + 1); y++)
            {
                foreach (var day in source.PublicHolidays(y))
                {
                    if (day.Year == year)
                    {
                        days.Add(DateOnly.FromDateTime(day));
                    }
                }
            }
        }

        return days.ToFrozenSet();
    }
}
