namespace CareDesk.Features.Complaints.Trending;

/// <summary>
/// Hears each new <see cref="TrendSignal"/> before it is saved, in the same unit of work: the obligations list registers one
/// (<c>services.AddScoped&lt;ITrendSignalObserver, …&gt;()</c>) to open an <c>eu-trend-report</c> obligation for the model's
/// EU market, so the signal and its obligation commit together. None is registered yet.
/// </summary>
public interface ITrendSignalObserver
{
    Task OnRaisedAsync(TrendSignal signal, CancellationToken cancellationToken);
}
