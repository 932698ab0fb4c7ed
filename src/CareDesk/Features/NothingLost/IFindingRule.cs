namespace CareDesk.Features.NothingLost;

/// <summary>
/// One nothing-lost rule (F14). The detector asks every registered rule, each scan, for the conditions that hold now
/// (at most a limit, worst first); a rule is one indexed query. New rules are registered in
/// <see cref="NothingLostEndpoints.AddNothingLost"/> — "owner off shift" is designed in docs/nothing-lost.md.
/// </summary>
public interface IFindingRule
{
    /// <summary>Kebab-case, stored on the finding, and the key of its label (<c>Rule.&lt;name&gt;</c>).</summary>
    string Name { get; }

    Task<IReadOnlyList<Detected>> DetectAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
