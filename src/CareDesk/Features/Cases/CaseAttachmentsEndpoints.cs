using System.Security.Claims;
using CareDesk.Features.People;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Cases;

/// <summary>A case's details (description, device concerned) and its files: photos of a device, of a meter's screen.</summary>
internal static class CaseAttachmentsEndpoints
{
    private const long MultipartOverhead = 64 * 1024;

    public static IServiceCollection AddCaseDetails(this IServiceCollection services)
    {
        services.AddOptions<CaseAttachmentOptions>()
            .BindConfiguration(CaseAttachmentOptions.Section, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<CaseDevices>();
        services.AddScoped<EditCaseDetails>();
        services.AddScoped<AttachToCase>();
        services.AddScoped<ListCaseAttachments>();
        services.AddScoped<DownloadCaseAttachment>();
        services.AddScoped<RemoveCaseAttachment>();
        return services;
    }

    public static RouteGroupBuilder MapCaseDetails(this RouteGroupBuilder cases)
    {
        cases.MapPut("/{id:guid}/details", (Guid id, EditCaseDetails.Request request, ClaimsPrincipal user, EditCaseDetails edit, GetCase get, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                CasesEndpoints.ChangeAsync(id, user, get, text, actor => edit.RunAsync(id, request, actor, ct), ct))
            .WithSummary("Change the description and the device concerned (the person's own, or a patient's they care for; null clears it); send the version you read (409 with the current case when it changed since).")
            .Produces<GetCase.View>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        cases.MapGet("/{id:guid}/devices", async (Guid id, ClaimsPrincipal user, CaseAccess access, CaseDevices devices, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                var loaded = await access.LoadAsync(id, StaffActor.From(user), ct);
                return loaded.Succeeded ? TypedResults.Ok(await devices.ChoicesAsync(loaded.Value!.PersonId, ct)) : loaded.Failure!.ToProblem(text);
            })
            .WithSummary("The devices the case may concern: the person's own first, then those of patients they care for (with the owner's name).")
            .Produces<CaseDevices.Choice[]>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapGet("/{id:guid}/attachments", async (Guid id, ClaimsPrincipal user, IOptions<PeopleOptions> options, ListCaseAttachments list, IStringLocalizer<CasesText> text, CancellationToken ct) =>
                (await list.RunAsync(id, StaffActor.From(user), PersonViewer.From(user, options.Value), ct)).ToOk(text))
            .WithSummary("The case's files, newest first: name, kind, size, who added them and when (names masked for masked viewers, who may not open them).")
            .Produces<ListCaseAttachments.AttachmentView[]>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The file is read from the form by hand: no form binding, so no antiforgery token is asked of API clients
        // (the API ignores the sign-in cookie for writes, so another site cannot post here with it).
        cases.MapPost("/{id:guid}/attachments", async (Guid id, HttpRequest request, ClaimsPrincipal user, AttachToCase attach, ListCaseAttachments list, IOptions<PeopleOptions> options, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                var file = await ReadFileAsync(request, attach.MaxBytes, ct);
                await using var content = file?.OpenReadStream();
                var actor = StaffActor.From(user);
                var added = await attach.RunAsync(id, file is null ? null : new AttachToCase.Upload(content!, file.FileName), actor, ct);
                if (!added.Succeeded)
                {
                    return added.Failure!.ToProblem(text);
                }

                var listed = await list.RunAsync(id, actor, PersonViewer.From(user, options.Value), ct);
                return TypedResults.Created($"/api/cases/{id}/attachments/{added.Value}", listed.Value!.Single(a => a.Id == added.Value));
            })
            .WithMetadata(new UploadLimit(services => services.GetRequiredService<IOptions<CaseAttachmentOptions>>().Value.MaxAttachmentBytes + MultipartOverhead))
            .WithSummary("Attach a file: multipart/form-data with one part named file, a JPEG, PNG, HEIC or PDF by its first bytes (not its name), at most Cases:MaxAttachmentBytes (10 MB).")
            .Produces<ListCaseAttachments.AttachmentView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ClaimsPrincipal user, IOptions<PeopleOptions> options, DownloadCaseAttachment download, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                var result = await download.RunAsync(id, attachmentId, StaffActor.From(user), PersonViewer.From(user, options.Value), ct);
                if (!result.Succeeded)
                {
                    return result.Failure!.ToProblem(text);
                }

                var file = result.Value!;
                // Photos show in the page; anything else (a PDF, HEIC) is saved, never rendered from this site.
                return TypedResults.File(
                    file.Content, file.ContentType, AttachmentKinds.ShownInline(file.ContentType) ? null : file.FileName,
                    entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{file.Sha256}\""));
            })
            .AllowSignInCookieForReads()
            .WithSummary("Download one file of the case. Every download is audited as a read of the person's record; masked viewers are refused (403).")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ClaimsPrincipal user, IOptions<PeopleOptions> options, RemoveCaseAttachment remove, IStringLocalizer<CasesText> text, CancellationToken ct) =>
            {
                var removed = await remove.RunAsync(id, attachmentId, StaffActor.From(user), PersonViewer.From(user, options.Value), ct);
                return removed.ToNoContent(text);
            })
            .WithSummary("Remove a file from the case (whoever may change the case; not masked viewers). The timeline keeps that it was removed.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return cases;
    }

    private static async Task<IFormFile?> ReadFileAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        // A part one byte over the limit still reaches the use case, which names the field (the form reader's own limit would be a bare 400).
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = maxBytes + MultipartOverhead }));
        var form = await request.ReadFormAsync(cancellationToken);
        return form.Files.GetFile("file");
    }
}
