namespace CareDesk.Features.Devices;

/// <summary>
/// Moves the statuses of status changes recorded before they had columns of their own (written into the notes as
/// "in-use → lost" or "in-use → lost: what the agent wrote") into <see cref="DeviceEvent.FromStatus"/> and
/// <see cref="DeviceEvent.ToStatus"/>, leaving only the agent's words in the notes. Plain SQL both providers run.
/// </summary>
public static class DeviceStatusChangeBackfill
{
    public static IEnumerable<string> Statements()
    {
        foreach (var (fromWord, from) in DeviceTerms.Statuses)
        {
            foreach (var (toWord, to) in DeviceTerms.Statuses)
            {
                var prefix = $"{fromWord} → {toWord}";
                yield return $"""
                    UPDATE device_events
                    SET "FromStatus" = '{from}', "ToStatus" = '{to}',
                        "Notes" = CASE WHEN "Notes" = '{prefix}' THEN NULL ELSE substr("Notes", {prefix.Length + 3}) END
                    WHERE "Kind" = '{DeviceEventKind.StatusChanged}' AND "FromStatus" IS NULL
                      AND ("Notes" = '{prefix}' OR "Notes" LIKE '{prefix}: %')
                    """;
            }
        }
    }
}
