using CareDesk.Features.People;
using CareDesk.Platform.Api;

namespace CareDesk.Features.Contacts;

/// <summary>One contact with its transfers, recording and cases; part of a person's record, so the read is audited.</summary>
public sealed class GetContact(ContactAccess access, ContactViews views, PersonReads reads)
{
    public async Task<Result<ContactView>> RunAsync(Guid id, PersonViewer viewer, CancellationToken cancellationToken)
    {
        var loaded = await access.LoadAsync(id, viewer, cancellationToken, tracked: false);
        if (loaded.Failure is { } failure)
        {
            if (failure.Kind == FailureKind.Forbidden)
            {
                await reads.RecordDeniedAsync("Contact", id.ToString(), null, "contact", cancellationToken);
            }

            return failure;
        }

        await reads.RecordAsync("Contact", id, loaded.Value!.PersonId, "contact", cancellationToken);
        return await views.BuildAsync(loaded.Value!, viewer.Masked, cancellationToken);
    }
}
