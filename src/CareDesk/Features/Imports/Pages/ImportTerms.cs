using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Imports.Pages;

/// <summary>
/// The import's codes (statuses, bases, notes, encodings…) as the reader says them: the pages never show a code, and a
/// code no resource names yet is shown as itself rather than as its resource key.
/// </summary>
internal static class ImportTerms
{
    public static string Status(IStringLocalizer text, string code) => Word(text, $"Import.Status.{code}", code);

    public static string RowStatus(IStringLocalizer text, string code) => Word(text, $"Import.RowStatus.{code}", code);

    public static string Basis(IStringLocalizer text, string code) => Word(text, $"Import.Basis.{code}", code);

    public static string Note(IStringLocalizer text, string code) => Word(text, $"Import.Note.{code}", code);

    public static string SourceKind(IStringLocalizer text, string code) => Word(text, $"Import.SourceKind.{code}", code);

    public static string Kind(IStringLocalizer text, string code) => Word(text, $"Import.Kind.{code}", code.ToUpperInvariant());

    public static string Encoding(IStringLocalizer text, string code) => Word(text, $"Import.Encoding.{code}", code.ToUpperInvariant());

    public static string HeaderLanguage(IStringLocalizer text, string code) => Word(text, $"Import.HeaderLanguage.{code}", code);

    public static string FailureReason(IStringLocalizer text, string code) => Word(text, $"Import.Failure.{code}", code);

    public static string Delimiter(IStringLocalizer text, string delimiter) => delimiter switch
    {
        "," => text["Import.Delimiter.comma"],
        ";" => text["Import.Delimiter.semicolon"],
        "\t" => text["Import.Delimiter.tab"],
        "|" => text["Import.Delimiter.pipe"],
        _ => delimiter,
    };

    public static string Field(IStringLocalizer text, string field) => RejectedRowsWorkbook.FieldName(text, field);

    public static string Reason(IStringLocalizer text, string reason) => RejectedRowsWorkbook.ReasonText(text, reason);

    /// <summary>Seconds left, in seconds under two minutes, else in whole minutes.</summary>
    public static string Duration(IStringLocalizer text, double seconds) => seconds < 120
        ? text["Detail.Seconds", Math.Ceiling(seconds).ToString("0", CultureInfo.CurrentCulture)]
        : text["Detail.Minutes", Math.Ceiling(seconds / 60).ToString("0", CultureInfo.CurrentCulture)];

    private static string Word(IStringLocalizer text, string key, string fallback) =>
        text[key] is { ResourceNotFound: false } found ? found.Value : fallback;
}
