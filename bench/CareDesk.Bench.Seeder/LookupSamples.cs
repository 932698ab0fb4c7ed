using System.Globalization;
using CareDesk.Features.People;
using Microsoft.Extensions.Options;

namespace CareDesk.Bench.Seeder;

/// <summary>
/// Known numbers for the load test, written as URL-encoded <c>phone</c> values, one a line, in the formats callers
/// and agents type (E.164, national, spaces, dashes, 0086, full-width digits, landlines with the trunk 0).
/// Half are caregivers' numbers, so the lookup also walks the relationship to the patient.
/// Each is checked with CareDesk's own parser, so the load test never measures a 400.
/// </summary>
internal static class LookupSamples
{
    public static int Write(string path, int people, int count)
    {
        var parser = new PhoneNumberParser(Options.Create(new PeopleOptions()));
        using var writer = new StreamWriter(path);
        var written = 0;
        for (var k = 0; k < count; k++)
        {
            // Spread over the whole population; odd samples are caregivers.
            var person = (int)((k * 7919L) % people);
            if (k % 2 == 1)
            {
                person = (person / SyntheticPopulation.CaregiverEvery * SyntheticPopulation.CaregiverEvery) + SyntheticPopulation.CaregiverEvery - 1;
                if (person >= people)
                {
                    continue;
                }
            }

            var landline = k % 3 == 2;
            var e164 = landline ? SyntheticPopulation.Landline(person) : SyntheticPopulation.Mobile(person);
            var typed = landline ? LandlineFormat(e164, SyntheticPopulation.AreaCodeLength(person), k) : MobileFormat(e164, k);
            if (parser.TryParse(typed)?.E164 != e164)
            {
                throw new InvalidOperationException($"Sample {typed} does not parse to {e164}: fix the generator.");
            }

            writer.WriteLine(Uri.EscapeDataString(typed));
            written++;
        }

        return written;
    }

    /// <summary>
    /// Callers for the screen-pop bench (bench/people10m): E.164 mobiles, one a line, of people spread over the
    /// population with another stride than the lookup samples, so a pop's caller was not just looked up by the load.
    /// </summary>
    public static int WriteCallers(string path, int people, int count)
    {
        using var writer = new StreamWriter(path);
        for (var k = 0; k < count; k++)
        {
            writer.WriteLine(SyntheticPopulation.Mobile((int)(((k * 104_729L) + 4_242) % people)));
        }

        return count;
    }

    internal static string MobileFormat(string e164, int k)
    {
        var n = e164[3..]; // 11 digits
        return (k / 3 % 6) switch
        {
            0 => e164,
            1 => n,
            2 => $"{n[..3]} {n[3..7]} {n[7..]}",
            3 => $"{n[..3]}-{n[3..7]}-{n[7..]}",
            4 => $"0086 {n[..3]} {n[3..7]} {n[7..]}",
            _ => FullWidth(n),
        };
    }

    internal static string LandlineFormat(string e164, int areaLength, int k)
    {
        var area = e164.Substring(3, areaLength);
        var local = e164[(3 + areaLength)..];
        return (k / 3 % 4) switch
        {
            0 => $"0{area}-{local}",
            1 => $"(0{area}) {local[..4]} {local[4..]}",
            2 => $"+86 {area} {local}",
            _ => $"0086{area}{local}",
        };
    }

    private static string FullWidth(string digits) =>
        string.Concat(digits.Select(c => ((char)(c + 0xFEE0)).ToString(CultureInfo.InvariantCulture)));
}
