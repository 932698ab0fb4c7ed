using CareDesk.Platform.Api;

namespace CareDesk.Features.Imports;

/// <summary>An import as <c>GET /api/imports/{id}</c> shows it: files, counts and progress.</summary>
public sealed record ImportView(
    Guid Id,
    string SourceName,
    string SourceKind,
    string DefaultRegion,
    bool DryRun,
    string Status,
    string? FailureReason,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<ImportView.FileView> Files,
    ImportView.CountsView Counts,
    ImportView.ProgressView Progress)
{
    public sealed record FileView(int Index, string FileName, long Size, string Kind, string? Encoding, string? Delimiter, string? SheetName, string HeaderLanguage, IReadOnlyList<string> Headers, IReadOnlyDictionary<string, int> Mapping, int Records);

    public sealed record CountsView(int Records, int Done, int Valid, int Invalid, int Created, int Updated, int Duplicates, int ForReview);

    /// <param name="Percent">0–100.</param>
    /// <param name="RowsPerSecond">Since the run last (re)started; null before it did.</param>
    /// <param name="EtaSeconds">At that rate; null when unknown or done.</param>
    public sealed record ProgressView(double Percent, double? RowsPerSecond, double? EtaSeconds);

    public static ImportView Of(ImportRun run, DateTimeOffset now)
    {
        double? rate = null;
        double? eta = null;
        if (run.ResumedAt is { } resumed)
        {
            var seconds = ((run.FinishedAt ?? now) - resumed).TotalSeconds;
            var done = run.RecordsDone - run.RecordsAtResume;
            if (seconds > 0 && done > 0)
            {
                rate = Math.Round(done / seconds, 1);
                eta = run.Status == ImportStatus.Running ? Math.Round((run.RecordsTotal - run.RecordsDone) / rate.Value, 0) : null;
            }
        }

        var percent = run.Status == ImportStatus.Completed ? 100 : run.RecordsTotal == 0 ? 0 : Math.Round(100.0 * run.RecordsDone / run.RecordsTotal, 1);
        return new ImportView(
            run.Id,
            run.SourceName,
            KebabCase.Of(run.SourceKind),
            run.DefaultRegion,
            run.DryRun,
            KebabCase.Of(run.Status),
            run.FailureReason,
            run.CreatedBy,
            run.CreatedAt,
            run.StartedAt,
            run.FinishedAt,
            [.. run.Files.OrderBy(f => f.Index).Select(f => new FileView(f.Index, f.FileName, f.Size, f.Kind, f.Encoding, f.Delimiter, f.SheetName, f.HeaderLanguage, f.Headers, f.Mapping, f.Records))],
            new CountsView(run.RecordsTotal, run.RecordsDone, run.Valid, run.Invalid, run.Created, run.Updated, run.Duplicates, run.ForReview),
            new ProgressView(percent, rate, eta));
    }
}
