using System.Globalization;

namespace CareDesk.Testing;

/// <summary>
/// The random values tests make up (phone numbers, serial numbers, extensions), drawn from one seeded generator so a
/// failing run can be repeated with the same values: the seed is <c>CAREDESK_TEST_SEED</c> when set, otherwise a
/// fixed one, and each value is handed out once per test process so two tests never collide on a "new" number.
/// </summary>
public static class TestValues
{
    private const int DefaultSeed = 20261206;

    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Issued = [];
    private static readonly Random Generator = new(Seed);

    /// <summary>The seed of this process's values (set <c>CAREDESK_TEST_SEED</c> to repeat another run's).</summary>
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("CAREDESK_TEST_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
        ? seed
        : DefaultSeed;

    /// <summary><paramref name="prefix"/> followed by <paramref name="digits"/> digits (the first not zero), not handed out before.</summary>
    public static string Digits(string prefix, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 18);
        var low = (long)Math.Pow(10, digits - 1);
        lock (Gate)
        {
            while (true)
            {
                var value = prefix + Generator.NextInt64(low, low * 10).ToString(CultureInfo.InvariantCulture);
                if (Issued.Add(value))
                {
                    return value;
                }
            }
        }
    }

    /// <summary>A Chinese mobile number in national form: 139 then eight digits.</summary>
    public static string Mobile() => Digits("139", 8);

    /// <summary>The same kind of mobile number in E.164 form, as a phone system sends it.</summary>
    public static string E164Mobile() => "+86" + Mobile();
}
