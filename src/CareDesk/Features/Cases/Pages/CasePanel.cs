using System.Security.Claims;
using CareDesk.Platform;
using CareDesk.Platform.Api;
using CareDesk.Platform.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CareDesk.Features.Cases.Pages;

/// <summary>
/// What every part of the case page stands on: the case as the page loaded it, who is acting, and the one way a part
/// runs a change (in its own operation scope) and tells the page to load the case again. A change of owner rebuilds
/// the owner's forms (the page keys them), so nothing typed for someone else's case stays.
/// </summary>
public abstract class CasePanel : ComponentBase
{
    [Parameter, EditorRequired]
    public GetCase.View Case { get; set; } = default!;

    [Parameter, EditorRequired]
    public StaffActor Actor { get; set; } = default!;

    [Parameter, EditorRequired]
    public ClaimsPrincipal User { get; set; } = default!;

    /// <summary>Tells the page to load the case again (its timeline and version changed).</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    protected OperationScope Operations { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<CasesText> C { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The last change's failure in the reader's language, and the field it names.</summary>
    protected string? Error { get; set; }

    protected string? ErrorField { get; set; }

    protected async Task<bool> RunAsync<THandler>(Func<THandler, Task<Result<Guid>>> change)
        where THandler : notnull
    {
        var result = await Operations.RunAsync(change);
        Error = result.Failure?.Message(C);
        ErrorField = result.Failure?.Field;
        if (result.Failure is { Kind: FailureKind.Conflict })
        {
            // Someone else changed it: the page shows what is there now; nothing of theirs was overwritten.
            Snackbar.Add(Error!, Severity.Warning);
        }

        await Changed.InvokeAsync();
        return result.Succeeded;
    }
}
