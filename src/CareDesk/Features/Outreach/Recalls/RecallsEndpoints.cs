using System.Security.Claims;
using CareDesk.Platform.Api;
using CareDesk.Platform.Data;
using CareDesk.Platform.Identity;
using CareDesk.Platform.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareDesk.Features.Outreach;

/// <summary>
/// Recalls and field safety notices (F21a). Every operation is quality's (policy <see cref="Policies.Quality"/>): a
/// recall is a regulatory action of the manufacturer's quality system, and starting one contacts people past their
/// do-not-contact and marketing opt-outs — not a call list any supervisor should be able to open. Supervisors follow
/// its calls as a campaign's progress; agents work them through next contact and outcome.
/// </summary>
internal static class RecallsEndpoints
{
    private const long MultipartOverhead = 64 * 1024;

    public static IServiceCollection AddRecalls(this IServiceCollection services)
    {
        services.AddScoped<ListRecalls>();
        services.AddScoped<CreateRecall>();
        services.AddScoped<RecallTargets>();
        services.AddScoped<RecallEscalation>();
        services.AddScoped<RecallTracking>();
        services.AddScoped<StartRecall>();
        services.AddScoped<CloseRecall>();
        services.AddScoped<UploadShipmentList>();
        services.AddScoped<RecallEffectiveness>();
        services.AddScoped<RecordRecallDevice>();
        services.AddScoped<ListRecallDevices>();
        services.AddScoped<IOutboxHandler, RecallNoticeEmail>();
        return services;
    }

    public static IEndpointRouteBuilder MapRecallsEndpoints(this IEndpointRouteBuilder app)
    {
        var recalls = app.MapGroup("/api/recalls").WithTags("Recalls").RequireAuthorization(Policies.Quality);

        recalls.MapGet("/", async (ListRecalls list, CancellationToken ct) =>
                TypedResults.Ok((await list.RunAsync(ct)).Select(i => i.Recall).ToList()))
            .WithSummary("Every recall, newest first.")
            .Produces<List<RecallView>>();

        recalls.MapPost("/", async (CreateRecall.Request request, ClaimsPrincipal user, CreateRecall create, IStringLocalizer<RecallsText> text, CancellationToken ct) =>
                (await create.RunAsync(request, StaffActor.From(user).UserId, ct)).ToCreated(text, v => $"/api/recalls/{v.Id}"))
            .WithSummary("Create a recall or field safety notice (a draft): name, summaryZh and summaryEn (the notice read out and sent), depth A–E of the effectiveness check (21 CFR 7.42(b)(3); checkPercent 11–99 for B), modelIds, serialRanges [{ start, end }] (same prefix, numeric tail; start after end is a 400 naming serialRanges[i].end), lots, complaintIds and caseIds it comes from, maxAttempts and retryMinutes of its calls. Without ranges, lots or a shipment list it concerns every device of the models. Its safety-notice campaign (phone) is created with it.")
            .Produces<RecallView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        recalls.MapGet("/{id:guid}", async (Guid id, CareDeskDbContext db, IStringLocalizer<RecallsText> text, CancellationToken ct) =>
                await db.Recalls.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } recall
                    ? (IResult)TypedResults.Ok(RecallView.Of(recall))
                    : Failure.NotFound("Recall.NotFound").ToProblem(text))
            .WithSummary("One recall: its notice, depth, targeting, links and status.")
            .Produces<RecallView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The file is read from the form by hand: no form binding, so no antiforgery token is asked of API clients.
        recalls.MapPost("/{id:guid}/shipment-list", async (Guid id, HttpRequest request, UploadShipmentList upload, IStringLocalizer<RecallsText> text, CancellationToken ct) =>
            {
                IFormFile? file = null;
                if (request.HasFormContentType)
                {
                    request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = UploadShipmentList.MaxBytes + MultipartOverhead }));
                    file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
                }

                await using var content = file?.OpenReadStream();
                return (await upload.RunAsync(id, content, ct)).ToOk(text);
            })
            .WithMetadata(new UploadLimit(_ => UploadShipmentList.MaxBytes + MultipartOverhead))
            .WithSummary("Add a shipment list: multipart/form-data with one part named file, a CSV whose header names a serial column (serial, serialNumber, 序列号) and/or a lot column (lot, lotNumber, 批号). Devices of the recalled models with a listed serial or lot are affected; on a running recall they and their owners are added at once.")
            .Produces<UploadShipmentList.Report>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        recalls.MapPost("/{id:guid}/start", async (Guid id, StartRecall start, IStringLocalizer<RecallsText> text, CancellationToken ct) =>
                (await start.RunAsync(id, ct)).ToOk(text))
            .WithSummary("Start the recall: select the affected devices, put their owners on the call list (one each; despite do-not-contact and marketing opt-outs, on a legal basis — only those with no number are left off, and they are e-mailed the notice), and start its campaign, offered to agents before any other.")
            .Produces<StartRecall.Report>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        recalls.MapPost("/{id:guid}/close", async (Guid id, CloseRecall close, IStringLocalizer<RecallsText> text, CancellationToken ct) =>
                (await close.RunAsync(id, ct)).ToOk(text))
            .WithSummary("Close the recall: its calls stop (the campaign ends); what was recorded per device stays, and returns and corrections may still be recorded.")
            .Produces<RecallView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        recalls.MapGet("/{id:guid}/effectiveness", async (Guid id, RecallEffectiveness effectiveness, IStringLocalizer<RecallsText> text, CancellationToken ct) =>
                (await effectiveness.RunAsync(id, ct)).ToOk(text))
            .WithSummary("Effectiveness: devices and people targeted, notified, reached, confirmed, returned or corrected, with shares; people notified per channel; whether the depth's effectiveness check (share of people who confirmed, 21 CFR 7.42(b)(3)) is met; the linked complaints' regulatory reports.")
            .Produces<RecallEffectiveness.View>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        recalls.MapGet("/{id:guid}/devices", async (Guid id, string? search, int? skip, int? take, ListRecallDevices list, IStringLocalizer<RecallsText> text, CancellationToken ct) =>
                (await list.RunAsync(id, search, skip ?? 0, take ?? 50, ct)).ToOk(text))
            .WithSummary("The affected devices and what became of each, by owner's name, a page at a time (skip, take up to 200, default 50): owner, model, serial, lot, what selected it, notified (when, by which channel), reached, confirmed, returned, corrected, the last call's outcome. search finds a serial or lot exactly, or part of the owner's name. Audited as a read of the owners shown.")
            .Produces<ListRecallDevices.Page>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        foreach (var (verb, action) in new[] { ("confirm", RecordRecallDevice.Action.Confirmed), ("returned", RecordRecallDevice.Action.Returned), ("corrected", RecordRecallDevice.Action.Corrected) })
        {
            recalls.MapPost($"/{{id:guid}}/devices/{{deviceId:guid}}/{verb}", async (Guid id, Guid deviceId, ClaimsPrincipal user, RecordRecallDevice record, IStringLocalizer<RecallsText> text, CancellationToken ct) =>
                    (await record.RunAsync(id, deviceId, action, StaffActor.From(user).UserId, ct)).ToOk(text))
                .WithName($"RecallDevice{char.ToUpperInvariant(verb[0])}{verb[1..]}")
                .WithSummary(action switch
                {
                    RecordRecallDevice.Action.Confirmed => "The person confirmed they understood the notice for this device (a reply form, a visit): notified, reached and confirmed.",
                    RecordRecallDevice.Action.Returned => "The device came back: returned here and in the device registry (an event naming the recall).",
                    _ => "The device was corrected in the field.",
                })
                .Produces<RecordRecallDevice.DeviceView>()
                .ProducesProblem(StatusCodes.Status404NotFound);
        }

        return app;
    }
}
