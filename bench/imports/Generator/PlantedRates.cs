namespace CareDesk.Bench.Imports;

internal enum PlantedKind
{
    New,
    Exact,
    Normalized,
    Traditional,
    Pinyin,
    Homophone,
    NameAndDob,
    Family,
    Namesake,
    Error,
}

internal enum PlantedError
{
    Masked,
    Letters,
    Scientific,
    MissingAreaCode,
    ImpossibleDate,
    ImplausibleBirth,
    FuturePurchase,
    MissingName,
    AmbiguousDate,
    NoPhone,
    ColumnCount,
    UnterminatedQuote,
}

/// <summary>
/// How often each case is planted, in per mille of the records (bench/imports/README.md lists them): 8 % duplicates of
/// earlier people, 1 % parents with a child's mobile, 0.5 % namesakes, 3 % rows the import must refuse.
/// </summary>
internal static class PlantedRates
{
    public static readonly (PlantedKind Kind, int PerMille)[] Kinds =
    [
        (PlantedKind.Exact, 24), (PlantedKind.Normalized, 12), (PlantedKind.Traditional, 10), (PlantedKind.Pinyin, 12),
        (PlantedKind.Homophone, 10), (PlantedKind.NameAndDob, 12), (PlantedKind.Family, 10), (PlantedKind.Namesake, 5),
        (PlantedKind.Error, 30),
    ];

    // Within the errors, in per cent. An XLSX has no broken records: its share goes to masked and scientific numbers.
    public static readonly (PlantedError Error, int Percent)[] Errors =
    [
        (PlantedError.Masked, 14), (PlantedError.Letters, 10), (PlantedError.Scientific, 14), (PlantedError.MissingAreaCode, 10),
        (PlantedError.ImpossibleDate, 10), (PlantedError.ImplausibleBirth, 10), (PlantedError.FuturePurchase, 8),
        (PlantedError.MissingName, 8), (PlantedError.AmbiguousDate, 3), (PlantedError.NoPhone, 2), (PlantedError.ColumnCount, 7),
        (PlantedError.UnterminatedQuote, 4),
    ];

    public static PlantedKind Pick(Random random)
    {
        var roll = random.Next(1000);
        foreach (var (kind, perMille) in Kinds)
        {
            roll -= perMille;
            if (roll < 0)
            {
                return kind;
            }
        }

        return PlantedKind.New;
    }

    public static PlantedError PickError(Random random, bool xlsx)
    {
        var roll = random.Next(100);
        foreach (var (error, percent) in Errors)
        {
            roll -= percent;
            if (roll < 0)
            {
                return xlsx && error is PlantedError.ColumnCount or PlantedError.UnterminatedQuote
                    ? (error == PlantedError.ColumnCount ? PlantedError.Masked : PlantedError.Scientific)
                    : error;
            }
        }

        return PlantedError.Masked;
    }
}
