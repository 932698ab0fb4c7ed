using System.Security.Claims;
using System.Text.Json;
using CareDesk.Features.Imports.Cells;
using CareDesk.Features.Imports.Running;
using CareDesk.Platform;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Imports;

/// <summary>
/// Customer lists from distributors (F3): preview, import in the background, the report, the rejected rows, and the
/// duplicate-candidates queue. Supervisors' (policy <see cref="Policies.Supervision"/>): an import writes thousands
/// of profiles at once.
/// </summary>
internal static class ImportsEndpoints
{
    private const long MultipartOverhead = 1024 * 1024;

    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddValidatedOptions<ImportsOptions>(ImportsOptions.Section);
        services.AddSingleton<ImportStorage>();
        services.AddSingleton<PhoneCell>();
        services.AddSingleton<DateCell>();
        services.AddSingleton<ImportRowNormalizer>();
        services.AddScoped<ImportInspector>();
        services.AddScoped<PreviewImport>();
        services.AddScoped<StartImport>();
        services.AddScoped<RunImport>();
        services.AddScoped<ImportReads>();
        services.AddScoped<RejectedRowsWorkbook>();
        services.AddScoped<DuplicateCandidates>();
        return services;
    }

    public static IEndpointRouteBuilder MapImportsEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(Policies.Supervision);

        imports.MapPost("/preview", async (HttpRequest request, PreviewImport preview, IOptions<ImportsOptions> options, IStringLocalizer<ImportsText> text, CancellationToken ct) =>
            {
                var read = await ReadAsync(request, options.Value, ct);
                return read.Succeeded ? (await preview.RunAsync(read.Value!, ct)).ToOk(text) : read.Failure!.ToProblem(text);
            })
            .WithMetadata(new UploadLimit(Limit))
            .WithSummary("Read the files of an import without storing anything (multipart/form-data, the same parts as POST /api/imports): per file its kind, detected encoding and delimiter or sheet, header language, headers, the mapping field → 0-based column its import would use (guessed from the headers in Chinese or English, then the source's saved corrections, then the request's mapping), the ignored columns and the first rows.")
            .Produces<IReadOnlyList<InspectedFile>>()
            .ProducesValidationProblem();

        imports.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, StartImport start, IOptions<ImportsOptions> options, IStringLocalizer<ImportsText> text, CancellationToken ct) =>
            {
                var read = await ReadAsync(request, options.Value, ct);
                if (!read.Succeeded)
                {
                    return read.Failure!.ToProblem(text);
                }

                var accepted = await start.RunAsync(read.Value!, StaffActor.From(user).UserId, ct);
                return accepted.Succeeded
                    ? TypedResults.Accepted($"/api/imports/{accepted.Value!.Id}", accepted.Value)
                    : accepted.Failure!.ToProblem(text);
            })
            .WithMetadata(new UploadLimit(Limit))
            .WithSummary("Import customer lists (multipart/form-data): one or more parts named files (CSV in any encoding Excel writes, or XLSX), processed in the order given; sourceName (who sent them, required; its mapping corrections are saved and reused), sourceKind (distributor, dealer, field-rep, person, agent, import; default distributor), defaultRegion (ISO 3166 code phones default to when a row names no country; default the site's), dryRun (true: check and match, store no person), sheet (an XLSX sheet; default the first), mapping (JSON array, per file an object field → column index or null), force (true: import files already imported). 202 with the import's id; the import runs in the background (GET /api/imports/{id}). A file that cannot be read is a 400 naming files[i]; a mapping without a name column names mapping[i].name; the same files again are a 409 naming the earlier import.")
            .Produces<StartImport.Accepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        imports.MapGet("/", async (int? take, ImportReads reads, CancellationToken ct) => TypedResults.Ok(await reads.ListAsync(take ?? 50, ct)))
            .WithSummary("The latest imports, newest first (take up to 200, default 50).")
            .Produces<IReadOnlyList<ImportView>>();

        imports.MapGet("/{id:guid}", async (Guid id, ImportReads reads, IStringLocalizer<ImportsText> text, CancellationToken ct) => (await reads.GetAsync(id, ct)).ToOk(text))
            .WithSummary("One import: status (queued, running, completed, failed), files with detected encoding, delimiter or sheet, header language and column mapping, counts (records, done, valid, invalid, created, updated, duplicates, forReview) and progress (percent, rowsPerSecond, etaSeconds).")
            .Produces<ImportView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:guid}/rows", async (Guid id, string? status, int? skip, int? take, ImportReads reads, IStringLocalizer<ImportsText> text, CancellationToken ct) =>
                (await reads.RowsAsync(id, status, skip ?? 0, take ?? 100, ct)).ToOk(text))
            .WithSummary("The import's report, a page at a time (skip, take up to 1,000, default 100), in file and record order, optionally only one status (created, updated, duplicate, invalid): file (0-based), record (1-based), line, status, errors [{ field, column, reason, raw }], personId, duplicateOf { file, record }, basis (exact, phone+normalized, phone+traditional, phone+pinyin, phone+homophone, name+dob), notes and the normalized values. Audited as a read of the people shown.")
            .Produces<ImportReads.RowsPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:guid}/rejected.xlsx", async (Guid id, RejectedRowsWorkbook workbook, IStringLocalizer<ImportsText> text, CancellationToken ct) =>
            {
                var file = await workbook.RunAsync(id, ct);
                return file.Succeeded
                    ? TypedResults.File(file.Value!.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Value.Name)
                    : file.Failure!.ToProblem(text);
            })
            // The import page links it for download: a plain link carries the sign-in cookie, not a bearer token.
            .AllowSignInCookieForReads()
            .WithSummary("The rejected rows as an XLSX to send back to the distributor, in the reader's language: one line per problem with file, record, line, field, column, reason (and its code) and the value as written.")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/duplicate-candidates", async (string? status, int? take, DuplicateCandidates candidates, IStringLocalizer<ImportsText> text, CancellationToken ct) =>
                (await candidates.ListAsync(status, take ?? 50, ct)).ToOk(text))
            .WithSummary("The duplicate-candidates queue: rows merged on name and date of birth with another phone (weaker evidence), oldest first, with the person and the row side by side; status open (default), confirmed or rejected.")
            .Produces<IReadOnlyList<DuplicateCandidates.View>>()
            .ProducesValidationProblem();

        foreach (var (verb, same) in new[] { ("confirm", true), ("reject", false) })
        {
            imports.MapPost($"/duplicate-candidates/{{id:guid}}/{verb}", async (Guid id, ClaimsPrincipal user, DuplicateCandidates candidates, IStringLocalizer<ImportsText> text, CancellationToken ct) =>
                    (await candidates.ResolveAsync(id, same, StaffActor.From(user).UserId, ct)).ToNoContent(text))
                .WithName(same ? "ConfirmDuplicateCandidate" : "RejectDuplicateCandidate")
                .WithSummary(same
                    ? "The row is the person it was merged into: the candidate leaves the queue."
                    : "The row is someone else: the candidate leaves the queue marked rejected, for the people to be separated (unmerge).")
                .Produces(StatusCodes.Status204NoContent)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict);
        }

        return app;
    }

    private static long Limit(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ImportsOptions>>().Value;
        return options.MaxFileBytes * options.MaxFiles + MultipartOverhead;
    }

    // The parts are read from the form by hand: no form binding, so no antiforgery token is asked of API clients.
    private static async Task<Result<ImportRequest>> ReadAsync(HttpRequest request, ImportsOptions options, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Failure.Invalid("files", "Import.NoFiles");
        }

        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = options.MaxFileBytes * options.MaxFiles + MultipartOverhead }));
        var form = await request.ReadFormAsync(cancellationToken);
        var files = form.Files.GetFiles("files");
        IReadOnlyList<IReadOnlyDictionary<string, int?>?>? mapping = null;
        if (form["mapping"].ToString() is { Length: > 0 } json)
        {
            try
            {
                mapping = JsonSerializer.Deserialize<List<Dictionary<string, int?>?>>(json);
            }
            catch (JsonException)
            {
                return Failure.Invalid("mapping", "Import.MappingJson");
            }
        }

        bool Flag(string name, out bool value)
        {
            var raw = form[name].ToString();
            value = false;
            return raw.Length == 0 || bool.TryParse(raw, out value);
        }

        if (!Flag("dryRun", out var dryRun))
        {
            return Failure.Invalid("dryRun", "Import.FlagInvalid");
        }

        if (!Flag("force", out var force))
        {
            return Failure.Invalid("force", "Import.FlagInvalid");
        }

        static string? Text(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } value ? value : null;

        return new ImportRequest(
            [.. files.Select(f => new ImportUpload(f.FileName, f.OpenReadStream()))],
            Text(form, "sourceName"),
            Text(form, "sourceKind"),
            Text(form, "defaultRegion"),
            dryRun,
            Text(form, "sheet"),
            mapping,
            force);
    }
}
