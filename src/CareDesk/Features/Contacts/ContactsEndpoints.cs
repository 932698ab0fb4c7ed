using System.Security.Claims;
using CareDesk.Features.People;
using CareDesk.Platform;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Localization;
using CareDesk.Platform.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Contacts;

internal static class ContactsEndpoints
{
    // Room for the multipart boundaries and headers around the file itself.
    private const long MultipartOverhead = 64 * 1024;

    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddValidatedOptions<ContactsOptions>(ContactsOptions.Section);
        services.AddScoped<ContactAccess>();
        services.AddScoped<ContactViews>();
        services.AddScoped<LogContact>();
        services.AddScoped<UpdateContact>();
        services.AddScoped<GetContact>();
        services.AddScoped<SearchContacts>();
        services.AddScoped<AttachRecording>();
        services.AddScoped<PlayRecording>();
        services.AddSingleton<RecordingStore>();
        services.AddSingleton(new BackedUpDirectory("recordings", provider => provider.GetRequiredService<RecordingStore>().Directory));
        return services;
    }

    public static IEndpointRouteBuilder MapContactsEndpoints(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/contacts").WithTags("Contacts").RequireAuthorization(Policies.Staff);

        contacts.MapPost("/", async (LogContact.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, LogContact log, IStringLocalizer<ContactsText> text, CancellationToken ct) =>
            {
                var result = await log.RunAsync(request, PersonViewer.From(user, options.Value), LogContact.ApiSource, ct, UserClock.ZoneOf(user));
                if (!result.Succeeded)
                {
                    return result.Failure!.ToProblem(text);
                }

                var logged = result.Value!;
                return logged.Created
                    ? TypedResults.Created($"/api/contacts/{logged.Contact.Id}", logged.Contact)
                    : TypedResults.Ok(logged.Contact);
            })
            .WithSummary("Record a call, e-mail, chat, video call, letter or visit. Idempotent by (source, externalId): the first post creates it (201), the same pair again fills it in (200, same id). With caseId the contact goes on that case and deviceProblemAlleged (yes|no, the screening question) is required; yes flags the case's complaint with the contact's start as awareness.")
            .Produces<ContactView>(StatusCodes.Status201Created)
            .Produces<ContactView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        contacts.MapGet("/", async (Guid? personId, DateTimeOffset? from, DateTimeOffset? to, string? channel, bool? hasRecording, int? limit, ClaimsPrincipal user, IOptions<PeopleOptions> options, SearchContacts search, IStringLocalizer<ContactsText> text, CancellationToken ct) =>
                (await search.RunAsync(new SearchContacts.Filter(personId, from, to, channel, hasRecording, limit ?? 50), PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .WithSummary("Contacts by person, time (from inclusive, to exclusive), channel and hasRecording=true, newest first (limit ≤ 200). A person's contacts are an audited read.")
            .Produces<ContactView[]>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        contacts.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IOptions<PeopleOptions> options, GetContact get, IStringLocalizer<ContactsText> text, CancellationToken ct) =>
                (await get.RunAsync(id, PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .WithSummary("A contact with its timings, hold, transfers, recording and the cases it concerns. The read is audited.")
            .Produces<ContactView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapPut("/{id:guid}", async (Guid id, UpdateContact.Request request, ClaimsPrincipal user, IOptions<PeopleOptions> options, UpdateContact update, IStringLocalizer<ContactsText> text, CancellationToken ct) =>
                (await update.RunAsync(id, request, PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .WithSummary("Correct a contact; send the version you read (409 if it changed since).")
            .Produces<ContactView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        // The file is read from the form by hand: no form binding, so no antiforgery token is asked of API clients
        // (the sign-in cookie is SameSite=Lax, so another site cannot post here with it).
        contacts.MapPost("/{id:guid}/recording", async (Guid id, HttpRequest request, ClaimsPrincipal user, IOptions<PeopleOptions> options, AttachRecording attach, RecordingStore store, IStringLocalizer<ContactsText> text, CancellationToken ct) =>
            {
                var file = await ReadFileAsync(request, store, ct);
                await using var content = file?.OpenReadStream();
                var upload = file is null ? null : new AttachRecording.Upload(content!, file.ContentType, file.FileName, file.Length);
                return (await attach.RunAsync(id, upload, PersonViewer.From(user, options.Value), ct)).ToOk(text);
            })
            .WithMetadata(new UploadLimit(services => services.GetRequiredService<IOptions<ContactsOptions>>().Value.MaxRecordingBytes + MultipartOverhead))
            .WithSummary("Upload the contact's recording: multipart/form-data with one audio/* part named file (size limit Contacts:MaxRecordingBytes).")
            .Produces<ContactView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        contacts.MapGet("/{id:guid}/recording", async (Guid id, HttpRequest request, ClaimsPrincipal user, IOptions<PeopleOptions> options, PlayRecording play, IStringLocalizer<ContactsText> text, CancellationToken ct) =>
            {
                var range = request.Headers.Range.ToString();
                var startOfPlay = range.Length == 0 || range.Replace(" ", "", StringComparison.Ordinal).StartsWith("bytes=0-", StringComparison.Ordinal);
                var result = await play.RunAsync(id, PersonViewer.From(user, options.Value), startOfPlay, ct);
                if (!result.Succeeded)
                {
                    return result.Failure!.ToProblem(text);
                }

                var playback = result.Value!;
                return playback.FilePath is { } path
                    ? TypedResults.PhysicalFile(path, playback.ContentType, enableRangeProcessing: true)
                    : TypedResults.Redirect(playback.Url!);
            })
            .AllowSignInCookieForReads()
            .WithSummary("Play the recording: the uploaded file with HTTP range support (206 for a Range), or a redirect to the phone system's link. Each play is audited as a read of the person's record.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status302Found)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<IFormFile?> ReadFileAsync(HttpRequest request, RecordingStore store, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        // The default multipart limit (128 MB) must not cut a recording the options allow.
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = store.MaxBytes + MultipartOverhead }));
        var form = await request.ReadFormAsync(cancellationToken);
        return form.Files.GetFile("file");
    }
}
