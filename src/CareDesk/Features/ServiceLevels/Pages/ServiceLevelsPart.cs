using CareDesk.Platform;
using CareDesk.Platform.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CareDesk.Features.ServiceLevels.Pages;

/// <summary>
/// What the parts of the service-levels page share: whether the reader may edit, and one way to answer a save — its
/// failure shown naming the field, a conflict (someone saved meanwhile) closing the editor and reloading, a success
/// told and reloaded.
/// </summary>
public abstract class ServiceLevelsPart : ComponentBase
{
    [Parameter]
    public bool MayEdit { get; set; }

    /// <summary>Tells the page to load the settings again.</summary>
    [Parameter]
    public EventCallback Saved { get; set; }

    [Inject]
    protected OperationScope Operations { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<ServiceLevelsText> S { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    protected string? Error { get; set; }

    protected string? ErrorField { get; set; }

    /// <summary>Whether the editor closes: on a success, and on a conflict (the page then shows what is saved now).</summary>
    protected async Task<bool> AfterSaveAsync(Failure? failure)
    {
        Error = failure?.Message(S);
        ErrorField = failure?.Field;
        if (failure is { Kind: FailureKind.Conflict })
        {
            await Saved.InvokeAsync();
            return true;
        }

        if (failure is null)
        {
            Snackbar.Add(S["Page.Saved"], Severity.Success);
            await Saved.InvokeAsync();
        }

        return failure is null;
    }
}
