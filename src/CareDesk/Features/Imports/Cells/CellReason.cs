using System.Text.Json.Serialization;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// Why a cell was refused. The JSON names are the codes of the validation report (issue 15). Beyond the list:
/// <see cref="UnknownCountry"/>, because the country decides how the row's phones are read and a guess would store
/// wrong numbers.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CellReason>))]
public enum CellReason
{
    [JsonStringEnumMemberName("missing")]
    Missing,

    [JsonStringEnumMemberName("too_short")]
    TooShort,

    [JsonStringEnumMemberName("too_long")]
    TooLong,

    [JsonStringEnumMemberName("invalid_number")]
    InvalidNumber,

    [JsonStringEnumMemberName("contains_letters")]
    ContainsLetters,

    [JsonStringEnumMemberName("masked")]
    Masked,

    [JsonStringEnumMemberName("scientific_notation")]
    ScientificNotation,

    [JsonStringEnumMemberName("missing_area_code")]
    MissingAreaCode,

    [JsonStringEnumMemberName("no_phone")]
    NoPhone,

    [JsonStringEnumMemberName("impossible_date")]
    ImpossibleDate,

    [JsonStringEnumMemberName("unparseable_date")]
    UnparseableDate,

    [JsonStringEnumMemberName("implausible_date")]
    ImplausibleDate,

    [JsonStringEnumMemberName("future_date")]
    FutureDate,

    [JsonStringEnumMemberName("unknown_country")]
    UnknownCountry,
}
