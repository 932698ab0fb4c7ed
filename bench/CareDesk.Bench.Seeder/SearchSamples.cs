using System.Globalization;
using CareDesk.Features.People.Search;

namespace CareDesk.Bench.Seeder;

/// <summary>
/// Queries for the people-search load test (<c>GET /api/people?q=</c>), URL-encoded, one a line, rotating through
/// every kind the search box supports, so the load exercises each branch of <c>SearchPeople</c> in equal parts:
/// a name prefix (family name alone, with one given character, or whole), a phone number in one of the typed
/// formats of the lookup samples, the last four digits plus the family name ("5678 王", "王 5678", full-width
/// space), an e-mail (mixed case, as people type them), a device serial, and (issue 11) part of a number ("5678",
/// "1234 5678"), part of a name (the given name alone) and pinyin ("wang li", "wangli", "jianguo"). Every query names a
/// seeded person or device, so each one finds at least one hit.
/// </summary>
internal static class SearchSamples
{
    public const int Kinds = 8;

    public static int Write(string path, int people, int devices, int count)
    {
        using var writer = new StreamWriter(path);
        for (var k = 0; k < count; k++)
        {
            var person = (int)((k * 7919L) % people);
            var (family, given) = SyntheticPopulation.Name(person);
            var variant = k / Kinds;
            var query = (k % Kinds) switch
            {
                0 => (variant % 3) switch
                {
                    0 => family,
                    1 => family + given[..1],
                    _ => family + given,
                },
                1 => variant % 2 == 0
                    ? LookupSamples.MobileFormat(SyntheticPopulation.Mobile(person), variant)
                    : LookupSamples.LandlineFormat(SyntheticPopulation.Landline(person), SyntheticPopulation.AreaCodeLength(person), variant),
                2 => (variant % 3) switch
                {
                    0 => $"{SyntheticPopulation.Mobile(person)[^4..]} {family}",
                    1 => $"{family} {SyntheticPopulation.Landline(person)[^4..]}",
                    _ => $"{SyntheticPopulation.Mobile(person)[^4..]}\u3000{family}{given[..1]}",
                },
                3 => variant % 2 == 0 ? SyntheticPopulation.Email(person) : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(SyntheticPopulation.Email(person)),
                4 => devices > 0 ? SyntheticPopulation.Serial((int)((k * 7919L) % devices)) : family,
                // Part of a number: 4 to 8 digits from anywhere in the mobile, grouped as people read them out.
                5 => (variant % 3) switch
                {
                    0 => SyntheticPopulation.Mobile(person)[^4..],
                    1 => $"{SyntheticPopulation.Mobile(person)[^8..^4]} {SyntheticPopulation.Mobile(person)[^4..]}",
                    _ => $"{SyntheticPopulation.Mobile(person)[5..9]}-{SyntheticPopulation.Mobile(person)[9..11]}",
                },
                // Any part of a name: the given name alone.
                6 => given,
                // Pinyin: the whole name with and without spaces, or the given name alone.
                _ => (variant % 3) switch
                {
                    0 => string.Join(' ', (family + given).Select(Spell)),
                    1 => string.Concat((family + given).Select(Spell)),
                    _ => string.Concat(given.Select(Spell)),
                },
            };
            writer.WriteLine(Uri.EscapeDataString(query));
        }

        return count;
    }

    private static string Spell(char ideograph) => Pinyin.Of(ideograph) is [var first, ..] ? first : ideograph.ToString();
}
